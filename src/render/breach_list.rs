//! The view of a statutory public list of breaches (`breaches/`): the rows the engine's
//! [`public_list`](crate::compliance::public_list) chose, in the page's words.

use serde::Serialize;

use crate::compliance::public_list::{Count, Entry};
use crate::jurisdiction::PublicList;
use crate::render::format::{self, Strings};
use crate::render::view::{notice_path, occurred_text};

#[derive(Debug, Serialize)]
pub struct BreachListView {
    /// The paragraph above the table, with the citation and the years an entry stays.
    pub intro: String,
    /// Why smaller breaches are not listed, when the pack leaves them off.
    pub omitted: Option<String>,
    pub rows: Vec<BreachRow>,
    /// Some row's number is withheld: the page says why.
    pub withheld: bool,
}

#[derive(Debug, Serialize)]
pub struct BreachRow {
    /// Relative to the language's home, e.g. `notices/SLUG/`.
    pub href: String,
    pub title: String,
    /// The title's language when it is not the page's (not translated).
    pub title_lang: Option<String>,
    /// The date or date range, as HTML with `<time>` elements.
    pub occurred_html: Option<String>,
    pub students: String,
    pub withheld: bool,
    pub operator: Option<String>,
}

impl BreachListView {
    /// `entries` are each paired with its title in the page's language (and that title's
    /// own language when it is not the page's).
    pub fn new(
        list: &PublicList,
        entries: &[(Entry, String, Option<String>)],
        district: &str,
        s: Strings,
    ) -> BreachListView {
        let rows: Vec<BreachRow> = entries
            .iter()
            .map(|(entry, title, title_lang)| BreachRow {
                href: notice_path(&entry.incident.slug),
                title: title.clone(),
                title_lang: title_lang.clone(),
                occurred_html: entry
                    .occurred
                    .and_then(|_| occurred_text(entry.incident, s, true)),
                students: match entry.count {
                    Count::Shown { count, estimated } => s
                        .get(if estimated { "about" } else { "exactly" })
                        .replace("{count}", &format::count(s, count)),
                    Count::Withheld => s.get("breach_list_withheld").to_string(),
                    Count::Unknown => s.get("breach_list_not_known").to_string(),
                },
                withheld: entry.count == Count::Withheld,
                operator: entry.operator.map(str::to_string),
            })
            .collect();
        BreachListView {
            intro: s
                .get("breach_list_intro")
                .replace("{district}", district)
                .replace("{citation}", &list.citation)
                .replace("{years}", &list.years.to_string()),
            omitted: list.omit_under_percent.map(|p| {
                s.get("breach_list_omitted")
                    .replace("{percent}", &p.to_string())
            }),
            withheld: rows.iter().any(|r| r.withheld),
            rows,
        }
    }
}
