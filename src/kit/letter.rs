//! The letter to the people affected, composed in one place for every audience, language
//! and recipient: what the law asks a notice to say (what happened and when, the data
//! involved, how many, what the district is doing, what the reader can do, the agencies
//! that help, the offer and how to enrol, whom to ask), under the district's letterhead,
//! dated, with a salutation and a signature block.

use crate::model::Group;

use super::doc::{Block, Doc};
use super::facts::Facts;

/// Who a letter is written to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Audience {
    /// Parents and guardians of students.
    Parents,
    /// Students old enough to be told themselves (eligible students).
    Students,
    /// Staff and former staff: teachers, principals, other employees.
    Staff,
}

impl Audience {
    pub const ALL: [Audience; 3] = [Audience::Parents, Audience::Students, Audience::Staff];

    pub fn as_str(self) -> &'static str {
        match self {
            Audience::Parents => "parents",
            Audience::Students => "students",
            Audience::Staff => "staff",
        }
    }

    /// The strings of its letter: title, salutation, first paragraph.
    fn keys(self) -> (&'static str, &'static str, &'static str) {
        match self {
            Audience::Parents => (
                "kit_letter_title_parents",
                "kit_salutation_parents",
                "kit_intro_parents",
            ),
            Audience::Students => (
                "kit_letter_title_students",
                "kit_salutation_students",
                "kit_intro_students",
            ),
            Audience::Staff => (
                "kit_letter_title_staff",
                "kit_salutation_staff",
                "kit_intro_staff",
            ),
        }
    }

    /// The affected groups whose facts its letter tells.
    pub fn groups(self) -> &'static [Group] {
        match self {
            Audience::Parents => &[Group::Students, Group::Parents],
            Audience::Students => &[Group::Students],
            Audience::Staff => &[
                Group::Teachers,
                Group::Principals,
                Group::Staff,
                Group::FormerStaff,
            ],
        }
    }

    pub fn parse(word: &str) -> Option<Audience> {
        Audience::ALL
            .into_iter()
            .find(|a| a.as_str().eq_ignore_ascii_case(word.trim()))
    }

    /// The letters the record's affected groups call for: students' data is told to their
    /// parents and to adult students; a staff breach to staff.
    pub fn for_groups(groups: &[Group]) -> Vec<Audience> {
        let mut audiences = Vec::new();
        for group in groups {
            let wanted: &[Audience] = match group {
                Group::Students | Group::Parents => &[Audience::Parents, Audience::Students],
                Group::Teachers | Group::Principals | Group::Staff | Group::FormerStaff => {
                    &[Audience::Staff]
                }
            };
            for audience in wanted {
                if !audiences.contains(audience) {
                    audiences.push(*audience);
                }
            }
        }
        audiences.sort();
        audiences
    }
}

/// One recipient of a mail merge.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Addressee {
    pub name: String,
    pub address: Vec<String>,
}

/// The letter to `audience` in the language of `facts`; addressed to `to` in a mail merge.
pub fn compose(facts: &Facts, audience: Audience, to: Option<&Addressee>) -> Doc {
    let s = facts.s;
    let (title_key, salutation_key, intro_key) = audience.keys();
    let mut blocks = Vec::new();

    let mut head = vec![facts.district().to_string()];
    if let Some(address) = &facts.contact.address {
        head.push(address.clone());
    }
    let reach: Vec<String> = [&facts.contact.phone, &facts.config.district.website]
        .into_iter()
        .flatten()
        .cloned()
        .collect();
    if !reach.is_empty() {
        head.push(reach.join(" · "));
    }
    blocks.push(Block::Letterhead(head));
    blocks.push(Block::Lines(vec![facts.date.clone()]));
    if let Some(to) = to {
        let mut lines = vec![to.name.clone()];
        lines.extend(to.address.iter().cloned());
        blocks.push(Block::Lines(lines));
    }
    blocks.push(Block::Title(format!(
        "{}: {}",
        s.get("kit_subject"),
        facts.incident.title
    )));
    let salutation = match to {
        Some(to) => s.get("kit_salutation_named").replace("{name}", &to.name),
        None => s.get(salutation_key).to_string(),
    };
    blocks.push(Block::Para(salutation));
    blocks.push(Block::Para(
        s.get(intro_key).replace("{district}", facts.district()),
    ));

    blocks.push(Block::Heading(s.get("what_happened").to_string()));
    blocks.extend(prose(&facts.description));
    let when = facts.when_lines();
    if !when.is_empty() {
        blocks.push(Block::Bullets(when));
    }
    if let Some(contractor) = &facts.notice.contractor {
        blocks.push(Block::Para(format!(
            "{}: {}",
            s.get("contractor_heading"),
            contractor.name
        )));
    }
    blocks.push(Block::Heading(s.get("what_information").to_string()));
    blocks.push(Block::Bullets(facts.data_lines_for(audience.groups())));
    blocks.push(Block::Heading(s.get("who_affected").to_string()));
    blocks.push(Block::Para(facts.who_line()));

    blocks.push(Block::Heading(s.get("what_we_are_doing").to_string()));
    blocks.extend(prose(&facts.investigation));
    let offers = facts.offers_for(audience.groups());
    if !offers.is_empty() {
        blocks.push(Block::Heading(s.get("protection_heading").to_string()));
    }
    for (offer, how) in &offers {
        blocks.push(Block::Para(offer.clone()));
        if !how.is_empty() {
            blocks.push(Block::Para(format!("{}:", s.get("kit_how_to_enroll"))));
            blocks.extend(prose(how));
        }
    }
    blocks.push(Block::Heading(s.get("what_you_can_do").to_string()));
    blocks.extend(prose(&facts.guidance));
    blocks.push(Block::Heading(s.get("agencies_heading").to_string()));
    blocks.push(Block::Bullets(Facts::agency_lines(&facts.agencies)));
    blocks.push(Block::Heading(s.get("bureaus_heading").to_string()));
    blocks.push(Block::Para(s.get("bureaus_intro").to_string()));
    blocks.push(Block::Bullets(Facts::agency_lines(&facts.bureaus)));

    blocks.push(Block::Heading(s.get("more_information").to_string()));
    blocks.push(Block::Para(s.get("contact_intro").to_string()));
    let help_line = facts.help_line_lines();
    if !help_line.is_empty() {
        blocks.push(Block::Lines(help_line));
    }
    blocks.push(Block::Lines(facts.contact_lines()));
    if let Some(url) = &facts.url {
        blocks.push(Block::Para(
            s.get("kit_notice_online").replace("{url}", url),
        ));
    }

    let mut signature = vec![s.get("kit_closing").to_string(), String::new()];
    signature.push(facts.contact.name.clone());
    if let Some(title) = &facts.contact.title {
        signature.push(title.clone());
    }
    signature.push(facts.district().to_string());
    blocks.push(Block::Lines(signature));

    Doc {
        title: format!("{}: {}", s.get(title_key), facts.incident.title),
        lang: facts.lang.clone(),
        blocks,
    }
}

/// A plain text made from Markdown as blocks: a paragraph whose every line is a list
/// item (`- `) is a list.
pub fn prose(text: &str) -> Vec<Block> {
    paragraphs(text)
        .into_iter()
        .map(|paragraph| {
            let items: Option<Vec<String>> = paragraph
                .lines()
                .map(|line| {
                    line.strip_prefix("- ")
                        .or_else(|| line.strip_prefix("* "))
                        .map(|item| item.trim().to_string())
                })
                .collect();
            match items {
                Some(items) if !items.is_empty() => Block::Bullets(items),
                _ => Block::Para(paragraph),
            }
        })
        .collect()
}

/// The paragraphs of a plain text made from Markdown (blank lines between them).
pub fn paragraphs(text: &str) -> Vec<String> {
    text.split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(str::to_string)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_lists_become_lists() {
        assert_eq!(
            prose("One.\n\n- a\n- b"),
            [
                Block::Para("One.".into()),
                Block::Bullets(vec!["a".into(), "b".into()])
            ]
        );
    }

    #[test]
    fn the_groups_decide_the_letters() {
        assert_eq!(
            Audience::for_groups(&[Group::Parents, Group::Students]),
            [Audience::Parents, Audience::Students]
        );
        assert_eq!(
            Audience::for_groups(&[Group::Teachers, Group::Staff]),
            [Audience::Staff]
        );
        assert_eq!(Audience::parse(" Staff "), Some(Audience::Staff));
        assert_eq!(Audience::parse("pupils"), None);
    }
}
