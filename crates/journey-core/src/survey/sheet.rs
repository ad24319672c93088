//! Survey answers from an `.xlsx` workbook: one sheet (the first, or a chosen one) written out as
//! CSV text, which then goes through the same layout detection, mapping and report as any export.
//! Dates the spreadsheet stores as serial days come out as ISO dates and times.

use std::fmt;
use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};

/// A workbook's sheets, and the chosen one as CSV.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Workbook {
    pub sheets: Vec<String>,
    /// The sheet written out, as an index into `sheets`.
    pub chosen: usize,
    pub csv: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SheetError {
    /// Not a workbook calamine can open (not a zip, no workbook part, damaged XML).
    Unreadable(String),
    NoSheets,
    NoSuchSheet(String),
    /// A sheet that opens but cannot be read, with where.
    BadSheet {
        sheet: String,
        problem: String,
    },
}

impl fmt::Display for SheetError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SheetError::Unreadable(problem) => {
                write!(f, "the file is not a readable .xlsx workbook ({problem})")
            }
            SheetError::NoSheets => f.write_str("the workbook has no sheets"),
            SheetError::NoSuchSheet(name) => write!(f, "the workbook has no sheet “{name}”"),
            SheetError::BadSheet { sheet, problem } => {
                write!(f, "sheet “{sheet}” could not be read ({problem})")
            }
        }
    }
}

impl std::error::Error for SheetError {}

/// Whether `bytes` start as a zip archive does, as every `.xlsx` file does.
pub fn looks_like_xlsx(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
}

/// A whole number without a decimal point, so `4.0` reads as the answer 4.
fn number(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        format!("{}", value as i64)
    } else {
        value.to_string()
    }
}

fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty | Data::Error(_) => String::new(),
        Data::Int(v) => v.to_string(),
        Data::Float(v) => number(*v),
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_string(),
        Data::DateTime(date) if date.is_datetime() => {
            let (y, mo, d, h, mi, s, _) = date.to_ymd_hms_milli();
            format!("{y:04}-{mo:02}-{d:02} {h:02}:{mi:02}:{s:02}")
        }
        Data::DateTime(duration) => number(duration.as_f64()),
    }
}

/// Appends `field` to a CSV line, quoted when it holds a comma, a quote or a line break.
fn push_field(line: &mut String, field: &str) {
    if field.contains([',', '"', '\n', '\r']) {
        line.push('"');
        line.push_str(&field.replace('"', "\"\""));
        line.push('"');
    } else {
        line.push_str(field);
    }
}

/// Reads `sheet` (the first when `None`) of the workbook in `bytes`.
pub fn read_xlsx(bytes: &[u8], sheet: Option<&str>) -> Result<Workbook, SheetError> {
    let mut workbook =
        Xlsx::new(Cursor::new(bytes)).map_err(|e| SheetError::Unreadable(e.to_string()))?;
    let sheets = workbook.sheet_names();
    let chosen = match sheet {
        None if sheets.is_empty() => return Err(SheetError::NoSheets),
        None => 0,
        Some(name) => sheets
            .iter()
            .position(|s| s == name)
            .ok_or_else(|| SheetError::NoSuchSheet(name.to_string()))?,
    };
    let name = sheets[chosen].clone();
    let range = workbook
        .worksheet_range(&name)
        .map_err(|e| SheetError::BadSheet {
            sheet: name.clone(),
            problem: e.to_string(),
        })?;
    let mut csv = String::new();
    for row in range.rows() {
        // Trailing empty cells make no columns: a sheet's used range often runs past its data.
        let used = row
            .iter()
            .rposition(|c| *c != Data::Empty)
            .map_or(0, |i| i + 1);
        for (i, cell) in row[..used].iter().enumerate() {
            if i > 0 {
                csv.push(',');
            }
            push_field(&mut csv, &cell_text(cell));
        }
        csv.push_str("\r\n");
    }
    Ok(Workbook {
        sheets,
        chosen,
        csv,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_as_answers_and_fields_are_quoted() {
        assert_eq!(number(4.0), "4");
        assert_eq!(number(45123.5), "45123.5");
        let mut line = String::new();
        push_field(&mut line, "a, \"b\"");
        assert_eq!(line, "\"a, \"\"b\"\"\"");
    }

    #[test]
    fn what_is_not_a_workbook_is_refused_with_why() {
        let error = read_xlsx(b"Date,Q1\n2026-01-01,4\n", None).unwrap_err();
        assert!(matches!(error, SheetError::Unreadable(_)));
        assert!(error
            .to_string()
            .starts_with("the file is not a readable .xlsx workbook"));
        assert!(!looks_like_xlsx(b"Date,Q1"));
    }
}
