//! Which tool wrote a survey file, and what its columns are called.

pub use crate::model::survey_mapping::Layout;

use std::collections::HashSet;

use super::csv::Record;

impl Layout {
    pub const ALL: [Layout; 6] = [
        Layout::Qualtrics,
        Layout::QualtricsLegacy,
        Layout::Surveymonkey,
        Layout::GoogleForms,
        Layout::Wide,
        Layout::Long,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Layout::Qualtrics => "Qualtrics export (three header rows)",
            Layout::QualtricsLegacy => "Qualtrics export from before 2017 (two header rows)",
            Layout::Surveymonkey => "SurveyMonkey export (two header rows)",
            Layout::GoogleForms => "Google Forms responses",
            Layout::Wide => "Spreadsheet, one row per respondent",
            Layout::Long => "Spreadsheet, one row per answer",
        }
    }

    pub fn header_rows(self) -> usize {
        match self {
            Layout::Qualtrics => 3,
            Layout::QualtricsLegacy | Layout::Surveymonkey => 2,
            _ => 1,
        }
    }
}

/// A way a file departs from its tool's usual export, named in the import report.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Dialect {
    /// Qualtrics around 2016: `{'ImportId': 'QID1'}` in the third header row.
    PythonImportIds,
    /// A separator at the end of every line, as legacy Qualtrics writes.
    TrailingSeparator,
    /// SurveyMonkey without its respondent and collector block.
    TrimmedToQuestions,
    /// SurveyMonkey's expanded layout: a column per choice, holding the choice or blank.
    ExpandedChoices,
}

impl Dialect {
    pub fn label(self) -> &'static str {
        match self {
            Dialect::PythonImportIds => "import ids in Python-style quotes (Qualtrics, 2016)",
            Dialect::TrailingSeparator => "a separator at the end of every line",
            Dialect::TrimmedToQuestions => "trimmed to its questions (no respondent block)",
            Dialect::ExpandedChoices => {
                "expanded choices (a column per choice), read as one answer per question"
            }
        }
    }
}

/// A column as the mapping names it, and the question it asks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Column {
    pub key: String,
    pub question: String,
}

/// Where a column's cell comes from in a record of the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    Field(usize),
    /// An expanded question: the one non-blank field of these.
    Choices(std::ops::Range<usize>),
}

/// What the header rows say: the columns, where each one's cells are, and the dialects seen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Header {
    pub columns: Vec<Column>,
    /// `None` when every column is the field at its own position, as in most files.
    pub sources: Option<Vec<Source>>,
    pub dialects: Vec<Dialect>,
}

fn has(row: &Record, name: &str) -> bool {
    row.fields
        .iter()
        .any(|f| f.trim().eq_ignore_ascii_case(name))
}

fn import_ids(row: Option<&Record>, quote: &str) -> bool {
    row.is_some_and(|row| {
        let ids = row
            .fields
            .iter()
            .filter(|f| f.trim_start().starts_with(quote))
            .count();
        ids * 2 > row.fields.len()
    })
}

/// `V1`, `V2`, …: the first header row of a legacy Qualtrics export.
fn legacy_ids(row: &Record) -> bool {
    let numbered = |i: usize| {
        row.fields.get(i).is_some_and(|f| {
            f.trim()
                .strip_prefix('V')
                .is_some_and(|n| n.parse::<usize>() == Ok(i + 1))
        })
    };
    numbered(0) && numbered(1) && numbered(2)
}

fn monkey_sub_row(row: Option<&Record>) -> bool {
    row.is_some_and(|row| {
        row.fields
            .iter()
            .any(|f| matches!(f.trim(), "Response" | "Open-Ended Response"))
    })
}

/// Guesses the layout from the first records of a file.
pub fn detect(first: &[Record]) -> Layout {
    let Some(top) = first.first() else {
        return Layout::Wide;
    };
    let third = first.get(2);
    if import_ids(third, "{\"ImportId\"")
        || import_ids(third, "{'ImportId'")
        || (has(top, "ResponseId") && has(top, "StartDate"))
    {
        Layout::Qualtrics
    } else if legacy_ids(top) {
        Layout::QualtricsLegacy
    } else if (has(top, "Respondent ID") && has(top, "Collector ID"))
        || has(top, "RespondentID")
        || monkey_sub_row(first.get(1))
    {
        Layout::Surveymonkey
    } else if top.fields.first().is_some_and(|f| f.trim() == "Timestamp") {
        Layout::GoogleForms
    } else if has(top, "touchpoint") && has(top, "value") {
        Layout::Long
    } else {
        Layout::Wide
    }
}

/// The dialects of a layout that show in its first records.
fn dialects(layout: Layout, first: &[Record]) -> Vec<Dialect> {
    let mut found = Vec::new();
    if layout == Layout::Qualtrics && import_ids(first.get(2), "{'ImportId'") {
        found.push(Dialect::PythonImportIds);
    }
    let trailing = first.len() >= 2
        && first
            .iter()
            .all(|r| r.fields.len() > 1 && r.fields.last().is_some_and(|f| f.is_empty()));
    if trailing {
        found.push(Dialect::TrailingSeparator);
    }
    let top = first.first();
    if layout == Layout::Surveymonkey
        && !top.is_some_and(|t| has(t, "Respondent ID") && has(t, "Collector ID"))
    {
        found.push(Dialect::TrimmedToQuestions);
    }
    found
}

/// A column key not yet `taken`, and now taken: a repeated one gets " (2)", an empty one its
/// position. A set, so a file of 100,000 columns is not compared column by column.
fn unique_key(taken: &mut HashSet<String>, key: String, position: usize) -> String {
    let base = if key.is_empty() {
        format!("Column {}", position + 1)
    } else {
        key
    };
    let mut unique = base.clone();
    let mut copy = 2;
    while taken.contains(&unique) {
        unique = format!("{base} ({copy})");
        copy += 1;
    }
    taken.insert(unique.clone());
    unique
}

/// Whether a SurveyMonkey sub-option names a choice of a scale (a number or a known label)
/// rather than an item rated on one.
fn is_choice(sub: &str) -> bool {
    use super::values::{read_cell, Cell};
    [(1, 5), (1, 7), (0, 10)].into_iter().any(|scale| {
        matches!(
            read_cell(sub, &[], Some(scale)),
            Cell::Value(_) | Cell::Glued(_) | Cell::NotApplicable
        )
    })
}

/// Column keys, questions and sources from the header rows.
pub fn header(layout: Layout, first: &[Record]) -> Header {
    let header = &first[..layout.header_rows().min(first.len())];
    let dialects = dialects(layout, first);
    let row = |i: usize| header.get(i).map(|r| r.fields.as_slice()).unwrap_or(&[]);
    let mut width = header.iter().map(|r| r.fields.len()).max().unwrap_or(0);
    if dialects.contains(&Dialect::TrailingSeparator) {
        width -= 1;
    }
    let cell = |i: usize, c: usize| {
        row(i)
            .get(c)
            .map(|s| s.trim().to_string())
            .unwrap_or_default()
    };
    let mut columns: Vec<Column> = Vec::with_capacity(width);
    let mut sources = Vec::with_capacity(width);
    let mut taken = HashSet::with_capacity(width);
    let mut c = 0;
    while c < width {
        let (key, text, source) = match layout {
            Layout::Qualtrics | Layout::QualtricsLegacy => {
                (cell(0, c), cell(1, c), Source::Field(c))
            }
            Layout::Surveymonkey => {
                let question = cell(0, c);
                let span = 1
                    + (c + 1..width)
                        .take_while(|&d| cell(0, d).is_empty())
                        .count();
                let subs: Vec<String> = (c..c + span).map(|d| cell(1, d)).collect();
                let expanded = span >= 2 && subs.iter().all(|s| is_choice(s));
                if expanded {
                    (question.clone(), question, Source::Choices(c..c + span))
                } else {
                    for (d, sub) in (c..c + span).zip(subs) {
                        let plain =
                            sub.is_empty() || sub == "Response" || sub == "Open-Ended Response";
                        let key = if plain {
                            question.clone()
                        } else {
                            format!("{question} - {sub}")
                        };
                        let key = unique_key(&mut taken, key, d);
                        columns.push(Column {
                            key: key.clone(),
                            question: key,
                        });
                        sources.push(Source::Field(d));
                    }
                    c += span;
                    continue;
                }
            }
            _ => (cell(0, c), cell(0, c), Source::Field(c)),
        };
        let next = match &source {
            Source::Choices(range) => range.end,
            Source::Field(_) => c + 1,
        };
        let key = unique_key(&mut taken, key, c);
        columns.push(Column {
            key,
            question: text,
        });
        sources.push(source);
        c = next;
    }
    let mut dialects = dialects;
    let expanded = sources.iter().any(|s| matches!(s, Source::Choices(_)));
    if expanded {
        dialects.push(Dialect::ExpandedChoices);
    }
    Header {
        columns,
        sources: expanded.then_some(sources),
        dialects,
    }
}

/// Column keys and questions from the header rows.
pub fn columns(layout: Layout, first: &[Record]) -> Vec<Column> {
    header(layout, first).columns
}

/// Rebuilds `raw` into `out` by the header's sources: an expanded question's cell is its one
/// non-blank choice (blank when none is, the first when several are).
pub fn gather(sources: &[Source], raw: &Record, out: &mut Record) {
    out.line = raw.line;
    out.fields.resize(sources.len(), String::new());
    for (field, source) in out.fields.iter_mut().zip(sources) {
        field.clear();
        let text = match source {
            Source::Field(i) => raw.fields.get(*i).map(String::as_str),
            Source::Choices(range) => raw
                .fields
                .get(range.clone())
                .unwrap_or(&[])
                .iter()
                .map(String::as_str)
                .find(|f| !f.trim().is_empty()),
        };
        field.push_str(text.unwrap_or(""));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::survey::csv::CsvReader;

    fn records(text: &str) -> Vec<Record> {
        CsvReader::new(text).take(3).collect()
    }

    #[test]
    fn each_tool_is_recognised() {
        let qualtrics = "StartDate,ResponseId,Q1\nStart Date,Response ID,How was it?\n\"{\"\"ImportId\"\":\"\"a\"\"}\",\"{\"\"ImportId\"\":\"\"b\"\"}\",\"{\"\"ImportId\"\":\"\"QID1\"\"}\"\n";
        assert_eq!(detect(&records(qualtrics)), Layout::Qualtrics);
        let monkey = "Respondent ID,Collector ID,Q\n,,Response\n1,2,3\n";
        assert_eq!(detect(&records(monkey)), Layout::Surveymonkey);
        assert_eq!(
            detect(&records("Timestamp,Q\n2026/01/01,3\n")),
            Layout::GoogleForms
        );
        assert_eq!(
            detect(&records("respondent,Touchpoint,Value\nr,a,3\n")),
            Layout::Long
        );
        assert_eq!(detect(&records("id,q1,q2\n1,2,3\n")), Layout::Wide);
    }

    #[test]
    fn qualtrics_keys_are_the_short_ids() {
        let text = "Q1,Q2_1\nHow was it?,Rate: speed\nx,y\n";
        let cols = columns(Layout::Qualtrics, &records(text));
        assert_eq!(
            cols[1],
            Column {
                key: "Q2_1".into(),
                question: "Rate: speed".into()
            }
        );
    }

    #[test]
    fn surveymonkey_sub_options_join_their_question() {
        let text = "Respondent ID,Rate us,,Why?\n,Speed,Price,Open-Ended Response\n";
        let keys: Vec<String> = columns(Layout::Surveymonkey, &records(text))
            .into_iter()
            .map(|c| c.key)
            .collect();
        assert_eq!(
            keys,
            [
                "Respondent ID",
                "Rate us - Speed",
                "Rate us - Price",
                "Why?"
            ]
        );
    }

    #[test]
    fn a_header_of_100000_columns_is_read_in_one_pass() {
        let header: Vec<String> = (0..100_000).map(|i| format!("q{}", i % 50_000)).collect();
        let text = header.join(",") + "\n";
        // Comparing each key with every other, as this once did, takes minutes here.
        let cols = columns(Layout::Wide, &records(&text));
        assert_eq!(cols.len(), 100_000);
        assert_eq!(cols[50_000].key, "q0 (2)");
    }

    #[test]
    fn repeated_and_empty_headers_get_unique_keys() {
        let keys: Vec<String> = columns(Layout::Wide, &records("a,a,,a\n"))
            .into_iter()
            .map(|c| c.key)
            .collect();
        assert_eq!(keys, ["a", "a (2)", "Column 3", "a (3)"]);
    }
}
