//! Turning an answer cell into a scale value: numbers, numbers with a label ("4 - Satisfied"),
//! and labels alone through a mapping the user can correct.

pub use crate::model::survey_mapping::LabelValue;

/// Labels common survey tools write, pre-filled so most files need no mapping. A user's own
/// mapping comes first and can override any of these.
pub const DEFAULT_LABELS: [(&str, i32); 20] = [
    ("very dissatisfied", 1),
    ("dissatisfied", 2),
    ("somewhat dissatisfied", 2),
    ("neutral", 3),
    ("neither satisfied nor dissatisfied", 3),
    ("satisfied", 4),
    ("somewhat satisfied", 4),
    ("very satisfied", 5),
    ("strongly disagree", 1),
    ("disagree", 2),
    ("neither agree nor disagree", 3),
    ("agree", 4),
    ("strongly agree", 5),
    ("very poor", 1),
    ("poor", 2),
    ("fair", 3),
    ("good", 4),
    ("excellent", 5),
    ("not at all likely", 0),
    ("extremely likely", 10),
];

/// Cells that mean "no answer" rather than a wrong one.
const NOT_APPLICABLE: [&str; 7] = [
    "n/a",
    "na",
    "n.a.",
    "-",
    "not applicable",
    "don't know",
    "prefer not to say",
];

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Cell {
    Value(i32),
    Blank,
    NotApplicable,
    /// Text that is neither a number nor a known label.
    Unmapped(String),
}

fn normalise(label: &str) -> String {
    label
        .trim()
        .to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// A whole number at the start of the text, when what follows is a label ("4 - Satisfied").
fn leading_number(text: &str) -> Option<i32> {
    let digits = text
        .char_indices()
        .take_while(|(i, c)| c.is_ascii_digit() || (*i == 0 && (*c == '-' || *c == '+')))
        .last()
        .map(|(i, c)| i + c.len_utf8())?;
    let rest = text[digits..].trim_start();
    let labelled =
        rest.is_empty() || rest.starts_with(['-', '–', '=', ':', '(']) || rest.starts_with(". ");
    if labelled {
        text[..digits].parse().ok()
    } else {
        None
    }
}

pub fn read_cell(text: &str, labels: &[LabelValue]) -> Cell {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Cell::Blank;
    }
    if let Ok(v) = trimmed.parse::<i32>() {
        return Cell::Value(v);
    }
    // Some tools write "4.0" or, in European exports, "4,0".
    if let Ok(v) = trimmed.replace(',', ".").parse::<f64>() {
        if v.fract() == 0.0 && v.abs() < 1e6 {
            return Cell::Value(v as i32);
        }
    }
    let key = normalise(trimmed);
    if let Some(own) = labels.iter().find(|l| normalise(&l.label) == key) {
        return Cell::Value(own.value);
    }
    if NOT_APPLICABLE.contains(&key.as_str()) {
        return Cell::NotApplicable;
    }
    if let Some(v) = leading_number(trimmed) {
        return Cell::Value(v);
    }
    match DEFAULT_LABELS.iter().find(|(label, _)| *label == key) {
        Some((_, v)) => Cell::Value(*v),
        None => Cell::Unmapped(trimmed.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_labelled_numbers() {
        assert_eq!(read_cell(" 4 ", &[]), Cell::Value(4));
        assert_eq!(read_cell("4.0", &[]), Cell::Value(4));
        assert_eq!(read_cell("4,0", &[]), Cell::Value(4));
        assert_eq!(read_cell("4 - Satisfied", &[]), Cell::Value(4));
        assert_eq!(read_cell("10 - Extremely likely", &[]), Cell::Value(10));
        assert_eq!(read_cell("1 (very little)", &[]), Cell::Value(1));
        assert_eq!(read_cell("4.5", &[]), Cell::Unmapped("4.5".into()));
    }

    #[test]
    fn blanks_and_not_applicable() {
        assert_eq!(read_cell("  ", &[]), Cell::Blank);
        assert_eq!(read_cell("N/A", &[]), Cell::NotApplicable);
        assert_eq!(read_cell("Don't know", &[]), Cell::NotApplicable);
    }

    #[test]
    fn labels_from_the_defaults_and_the_users_own_mapping() {
        assert_eq!(read_cell("Very satisfied", &[]), Cell::Value(5));
        assert_eq!(read_cell("  very   SATISFIED ", &[]), Cell::Value(5));
        assert_eq!(read_cell("Extremely likely", &[]), Cell::Value(10));
        assert_eq!(read_cell("Meh", &[]), Cell::Unmapped("Meh".into()));
        let own = [
            LabelValue {
                label: "Meh".into(),
                value: 3,
            },
            LabelValue {
                label: "Very satisfied".into(),
                value: 7,
            },
        ];
        assert_eq!(read_cell("meh", &own), Cell::Value(3));
        assert_eq!(read_cell("Very satisfied", &own), Cell::Value(7));
    }
}
