//! Which tool wrote a survey file, and what its columns are called.

pub use crate::model::survey_mapping::Layout;

use super::csv::Record;

impl Layout {
    pub const ALL: [Layout; 5] = [
        Layout::Qualtrics,
        Layout::Surveymonkey,
        Layout::GoogleForms,
        Layout::Wide,
        Layout::Long,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Layout::Qualtrics => "Qualtrics export (three header rows)",
            Layout::Surveymonkey => "SurveyMonkey export (two header rows)",
            Layout::GoogleForms => "Google Forms responses",
            Layout::Wide => "Spreadsheet, one row per respondent",
            Layout::Long => "Spreadsheet, one row per answer",
        }
    }

    pub fn header_rows(self) -> usize {
        match self {
            Layout::Qualtrics => 3,
            Layout::Surveymonkey => 2,
            _ => 1,
        }
    }
}

/// A column as the mapping names it, and the question it asks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Column {
    pub key: String,
    pub question: String,
}

fn has(row: &Record, name: &str) -> bool {
    row.fields
        .iter()
        .any(|f| f.trim().eq_ignore_ascii_case(name))
}

/// Guesses the layout from the first records of a file.
pub fn detect(first: &[Record]) -> Layout {
    let Some(top) = first.first() else {
        return Layout::Wide;
    };
    let import_ids = first.get(2).is_some_and(|row| {
        let ids = row
            .fields
            .iter()
            .filter(|f| f.trim_start().starts_with("{\"ImportId\""))
            .count();
        ids * 2 > row.fields.len()
    });
    if import_ids || (has(top, "ResponseId") && has(top, "StartDate")) {
        Layout::Qualtrics
    } else if has(top, "Respondent ID") && has(top, "Collector ID") {
        Layout::Surveymonkey
    } else if top.fields.first().is_some_and(|f| f.trim() == "Timestamp") {
        Layout::GoogleForms
    } else if has(top, "touchpoint") && has(top, "value") {
        Layout::Long
    } else {
        Layout::Wide
    }
}

/// Column keys and questions from the header rows. Keys are unique: a repeated one gets " (2)".
pub fn columns(layout: Layout, header: &[Record]) -> Vec<Column> {
    let row = |i: usize| header.get(i).map(|r| r.fields.as_slice()).unwrap_or(&[]);
    let width = header.iter().map(|r| r.fields.len()).max().unwrap_or(0);
    let cell = |i: usize, c: usize| {
        row(i)
            .get(c)
            .map(|s| s.trim().to_string())
            .unwrap_or_default()
    };
    let mut columns: Vec<Column> = Vec::with_capacity(width);
    let mut question = String::new();
    for c in 0..width {
        let (key, text) = match layout {
            Layout::Qualtrics => (cell(0, c), cell(1, c)),
            Layout::Surveymonkey => {
                if !cell(0, c).is_empty() {
                    question = cell(0, c);
                }
                let sub = cell(1, c);
                let plain = sub.is_empty() || sub == "Response" || sub == "Open-Ended Response";
                let key = if plain {
                    question.clone()
                } else {
                    format!("{question} - {sub}")
                };
                (key.clone(), key)
            }
            _ => (cell(0, c), cell(0, c)),
        };
        let mut unique = if key.is_empty() {
            format!("Column {}", c + 1)
        } else {
            key
        };
        let base = unique.clone();
        let mut copy = 2;
        while columns.iter().any(|col| col.key == unique) {
            unique = format!("{base} ({copy})");
            copy += 1;
        }
        columns.push(Column {
            key: unique,
            question: text,
        });
    }
    columns
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
    fn repeated_and_empty_headers_get_unique_keys() {
        let keys: Vec<String> = columns(Layout::Wide, &records("a,a,,a\n"))
            .into_iter()
            .map(|c| c.key)
            .collect();
        assert_eq!(keys, ["a", "a (2)", "Column 3", "a (3)"]);
    }
}
