//! The mail merge's recipients: a CSV file with a header row naming the columns `name`,
//! `address_1`, `address_2`, … (any column whose name starts with `address`, in the order
//! they come), `language` (a language code the site publishes; empty: the site's default)
//! and `audience` (`parents`, `students` or `staff`). Names and addresses are personal
//! data: no message, report or page ever repeats them; problems are reported by row
//! number (the header is row 1, as in a spreadsheet).

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;

use super::letter::{Addressee, Audience};

/// The recipients, grouped for printing, and what the merge report says.
#[derive(Debug, Default)]
pub struct Merge {
    /// (audience, language) → the letters to print, in the file's order.
    pub groups: BTreeMap<(Audience, String), Vec<Addressee>>,
    pub missing_address: Vec<usize>,
    pub unknown_language: Vec<(usize, String)>,
    pub unknown_audience: Vec<usize>,
    pub missing_name: Vec<usize>,
    /// Rows whose name or address has characters the PDF's font cannot print.
    pub unprintable: Vec<usize>,
    /// Rows with the same name and address as an earlier row: (earlier, later).
    pub duplicates: Vec<(usize, usize)>,
    pub rows: usize,
}

/// Reads `bytes` (the CSV file); `languages` are the site's, the first its default. The
/// error names the problem and at most a row number.
pub fn read(bytes: &[u8], languages: &[&str]) -> Result<Merge, String> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .has_headers(true)
        .from_reader(bytes);
    let headers: Vec<String> = reader
        .headers()
        .map_err(|_| {
            "the first row (the column names) cannot be read: save the file as CSV, UTF-8"
                .to_string()
        })?
        .iter()
        .map(|h| h.trim().to_ascii_lowercase())
        .collect();
    let column = |name: &str| headers.iter().position(|h| h == name);
    let (Some(name_at), Some(audience_at)) = (column("name"), column("audience")) else {
        return Err("the first row must name the columns: name, address_1 (address_2, …), language, audience; `name` or `audience` is missing".to_string());
    };
    let language_at = column("language");
    let address_at: Vec<usize> = headers
        .iter()
        .enumerate()
        .filter(|(_, h)| h.starts_with("address"))
        .map(|(i, _)| i)
        .collect();
    if address_at.is_empty() {
        return Err(
            "the first row must name at least one address column: address_1, address_2, …"
                .to_string(),
        );
    }

    let mut merge = Merge::default();
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (i, record) in reader.records().enumerate() {
        let row = i + 2;
        let record = record.map_err(|_| {
            format!("row {row} cannot be read: check its quotes, and save the file as CSV, UTF-8")
        })?;
        let cell = |at: usize| record.get(at).unwrap_or("").trim().to_string();
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        merge.rows += 1;
        let name = cell(name_at);
        let address: Vec<String> = address_at
            .iter()
            .map(|&at| cell(at))
            .filter(|line| !line.is_empty())
            .collect();
        let language = language_at
            .map(cell)
            .unwrap_or_default()
            .to_ascii_lowercase();
        let language = if language.is_empty() {
            languages[0].to_string()
        } else {
            language
        };
        let audience = Audience::parse(&cell(audience_at));
        let mut usable = true;
        if name.is_empty() {
            merge.missing_name.push(row);
            usable = false;
        }
        if address.is_empty() {
            merge.missing_address.push(row);
            usable = false;
        }
        if !languages.contains(&language.as_str()) {
            merge.unknown_language.push((row, language.clone()));
            usable = false;
        }
        if audience.is_none() {
            merge.unknown_audience.push(row);
            usable = false;
        }
        if !crate::pdf::printable(&name) || !address.iter().all(|l| crate::pdf::printable(l)) {
            merge.unprintable.push(row);
            usable = false;
        }
        let key = normalized(&name, &address);
        if let Some(&earlier) = seen.get(&key) {
            merge.duplicates.push((earlier, row));
        } else if !name.is_empty() {
            seen.insert(key, row);
        }
        if let (true, Some(audience)) = (usable, audience) {
            merge
                .groups
                .entry((audience, language))
                .or_default()
                .push(Addressee { name, address });
        }
    }
    Ok(merge)
}

/// Name and address compared without case, punctuation or spacing.
fn normalized(name: &str, address: &[String]) -> String {
    std::iter::once(name)
        .chain(address.iter().map(String::as_str))
        .map(|part| {
            part.chars()
                .filter(|c| c.is_alphanumeric())
                .flat_map(char::to_lowercase)
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("|")
}

impl Merge {
    /// merge-report.txt: counts, and the rows left out or to look at, by number only.
    pub fn report(&self, files: &BTreeMap<(Audience, String), (String, usize)>) -> String {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "Mail merge report\n\n{} recipient rows read.\n",
            self.rows
        );
        let _ = writeln!(out, "Letters to print, by audience and language:");
        if self.groups.is_empty() {
            let _ = writeln!(out, "  none");
        }
        for ((audience, language), people) in &self.groups {
            let (file, pages) = files
                .get(&(*audience, language.clone()))
                .cloned()
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "  {:<9} {:<3} {:>6} letter{}  {file} ({pages} pages)",
                audience.as_str(),
                language,
                people.len(),
                if people.len() == 1 { "" } else { "s" }
            );
        }
        let list = |rows: &[usize]| {
            rows.iter()
                .map(usize::to_string)
                .collect::<Vec<_>>()
                .join(", ")
        };
        let mut section = |title: &str, rows: String| {
            if !rows.is_empty() {
                let _ = writeln!(out, "\n{title}\n  rows {rows}");
            }
        };
        section("Left out: no address.", list(&self.missing_address));
        section("Left out: no name.", list(&self.missing_name));
        section(
            "Left out: the name or address has letters the PDF font cannot print (Latin letters only); address these by hand.",
            list(&self.unprintable),
        );
        section(
            "Left out: the audience is not parents, students or staff.",
            list(&self.unknown_audience),
        );
        let languages: Vec<String> = self
            .unknown_language
            .iter()
            .map(|(row, code)| format!("{row} ({code})"))
            .collect();
        section(
            "Left out: a language the site does not publish.",
            languages.join(", "),
        );
        let duplicates: Vec<String> = self
            .duplicates
            .iter()
            .map(|(a, b)| format!("{b} (same as row {a})"))
            .collect();
        section(
            "Likely duplicates (same name and address), printed each time: check them.",
            duplicates.join(", "),
        );
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const CSV: &str = "name,address_1,address_2,language,audience\n\
Ana Pérez,12 Elm St,\"Rye, NY 10580\",es,parents\n\
Bo Li,,,,staff\n\
Cy Day,1 Oak Rd,,fr,parents\n\
Di Eve,2 Oak Rd,,en,pupils\n\
ana  pérez,12 Elm St.,\"Rye NY 10580\",ES,parents\n\
,,,,\n\
Ed Fox,3 Oak Rd,,,staff\n\
王芳,4 Oak Rd,,,staff\n";

    #[test]
    fn rows_are_grouped_and_problems_are_named_by_row_number_only() {
        let merge = read(CSV.as_bytes(), &["en", "es"]).unwrap();
        assert_eq!(merge.rows, 7);
        assert_eq!(merge.unprintable, [9]);
        assert_eq!(merge.missing_address, [3]);
        assert_eq!(merge.unknown_language, [(4, "fr".to_string())]);
        assert_eq!(merge.unknown_audience, [5]);
        assert_eq!(merge.duplicates, [(2, 6)]);
        let es = &merge.groups[&(Audience::Parents, "es".to_string())];
        assert_eq!(es.len(), 2);
        assert_eq!(es[0].address, ["12 Elm St", "Rye, NY 10580"]);
        assert_eq!(merge.groups[&(Audience::Staff, "en".to_string())].len(), 1);
        let report = merge.report(&BTreeMap::new());
        for name in ["Ana", "Bo Li", "Cy Day", "Elm", "Oak"] {
            assert!(!report.contains(name), "{report}");
        }
        assert!(report.contains("rows 3\n"), "{report}");
        assert!(report.contains("6 (same as row 2)"), "{report}");
        assert!(
            report
                .contains("cannot print (Latin letters only); address these by hand.\n  rows 9\n"),
            "{report}"
        );
        assert!(!report.contains("王"));
    }

    #[test]
    fn a_file_without_the_columns_is_refused_without_repeating_it() {
        let error = read(b"who,where\nAna,Elm\n", &["en"]).unwrap_err();
        assert!(error.contains("`name` or `audience` is missing"), "{error}");
        assert!(!error.contains("Ana"));
        let error = read(b"name,audience\nAna,staff\n", &["en"]).unwrap_err();
        assert!(error.contains("address"), "{error}");
    }
}
