//! Turning an answer cell into a scale value: numbers, numbers with a label ("4 - Satisfied"),
//! and labels alone through a mapping the user can correct.

pub use crate::model::survey_mapping::LabelValue;

/// A scale's lowest and highest value, for labels whose value depends on the scale's length.
pub type Scale = (i32, i32);

/// The labels survey tools write on 5-point scales (agreement, satisfaction, likelihood, ease,
/// frequency, quality), from the lowest choice up.
const FIVE_POINT: [&[&str]; 5] = [
    &[
        "strongly disagree",
        "very dissatisfied",
        "extremely dissatisfied",
        "extremely unlikely",
        "very unlikely",
        "very difficult",
        "extremely difficult",
        "never",
        "very poor",
    ],
    &[
        "disagree",
        "somewhat disagree",
        "dissatisfied",
        "somewhat dissatisfied",
        "unlikely",
        "somewhat unlikely",
        "difficult",
        "somewhat difficult",
        "rarely",
        "poor",
    ],
    &[
        "neither agree nor disagree",
        "neutral",
        "neither satisfied nor dissatisfied",
        "neither likely nor unlikely",
        "neither easy nor difficult",
        "sometimes",
        "fair",
    ],
    &[
        "agree",
        "somewhat agree",
        "satisfied",
        "somewhat satisfied",
        "likely",
        "somewhat likely",
        "easy",
        "somewhat easy",
        "often",
        "good",
    ],
    &[
        "strongly agree",
        "very satisfied",
        "extremely satisfied",
        "extremely likely",
        "very likely",
        "very easy",
        "extremely easy",
        "always",
        "excellent",
    ],
];

/// The same on 7-point scales, where "somewhat" and "slightly" sit next to the middle.
const SEVEN_POINT: [&[&str]; 7] = [
    &[
        "strongly disagree",
        "extremely dissatisfied",
        "very dissatisfied",
        "extremely unlikely",
        "extremely difficult",
        "very difficult",
        "never",
    ],
    &[
        "disagree",
        "moderately disagree",
        "moderately dissatisfied",
        "dissatisfied",
        "moderately unlikely",
        "very unlikely",
        "moderately difficult",
        "difficult",
        "rarely",
    ],
    &[
        "somewhat disagree",
        "slightly disagree",
        "slightly dissatisfied",
        "somewhat dissatisfied",
        "slightly unlikely",
        "somewhat unlikely",
        "slightly difficult",
        "somewhat difficult",
        "occasionally",
    ],
    &[
        "neither agree nor disagree",
        "neutral",
        "neither satisfied nor dissatisfied",
        "neither likely nor unlikely",
        "neither easy nor difficult",
        "sometimes",
    ],
    &[
        "somewhat agree",
        "slightly agree",
        "slightly satisfied",
        "somewhat satisfied",
        "slightly likely",
        "somewhat likely",
        "slightly easy",
        "somewhat easy",
        "frequently",
    ],
    &[
        "agree",
        "moderately agree",
        "moderately satisfied",
        "satisfied",
        "moderately likely",
        "very likely",
        "moderately easy",
        "easy",
        "usually",
    ],
    &[
        "strongly agree",
        "extremely satisfied",
        "very satisfied",
        "extremely likely",
        "extremely easy",
        "very easy",
        "always",
    ],
];

/// On any other scale (0–10, 1–10) only the two ends are labelled.
const LOW_END: [&str; 6] = [
    "not at all likely",
    "extremely unlikely",
    "not at all satisfied",
    "extremely dissatisfied",
    "strongly disagree",
    "very difficult",
];
const HIGH_END: [&str; 5] = [
    "extremely likely",
    "completely satisfied",
    "extremely satisfied",
    "strongly agree",
    "very easy",
];

/// The built-in value of a label (normalised) on `scale`.
pub fn built_in_value(label: &str, (min, max): Scale) -> Option<i32> {
    let position = |points: &[&[&str]]| points.iter().position(|labels| labels.contains(&label));
    let found = match max - min + 1 {
        5 => position(&FIVE_POINT),
        7 => position(&SEVEN_POINT),
        _ if LOW_END.contains(&label) => Some(0),
        _ if HIGH_END.contains(&label) => Some((max - min) as usize),
        _ => None,
    };
    found.map(|p| min + p as i32)
}

/// Cells that mean "no answer" rather than a wrong one.
const NOT_APPLICABLE: [&str; 9] = [
    "n/a",
    "na",
    "n.a.",
    "-",
    "not applicable",
    "don't know",
    "prefer not to say",
    "prefer not to answer",
    "no basis for evaluation",
];

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Cell {
    Value(i32),
    /// A label with its number glued on (`Very likely7`, `Not at all likely` and `1` on two
    /// lines), read by the number.
    Glued(i32),
    Blank,
    NotApplicable,
    /// Text that is neither a number nor a known label.
    Unmapped(String),
}

impl Cell {
    pub fn value(&self) -> Option<i32> {
        match self {
            Cell::Value(v) | Cell::Glued(v) => Some(*v),
            _ => None,
        }
    }
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

/// A number of up to two digits at the end of a label, glued to it or on its own line.
fn trailing_number(text: &str) -> Option<i32> {
    let digits = text.bytes().rev().take_while(u8::is_ascii_digit).count();
    let (label, number) = text.split_at(text.len() - digits);
    let glued = (1..=2).contains(&digits)
        && label.ends_with(|c: char| c.is_alphabetic() || c.is_whitespace())
        && label.chars().filter(|c| c.is_alphabetic()).count() >= 2;
    glued.then(|| number.parse().ok()).flatten()
}

/// A cell's value: a number; the user's own label; "no answer"; a labelled number; or a label
/// built in for `scale` (none: the user's labels and numbers only).
pub fn read_cell(text: &str, labels: &[LabelValue], scale: Option<Scale>) -> Cell {
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
    if let Some(v) = scale.and_then(|scale| built_in_value(&key, scale)) {
        return Cell::Value(v);
    }
    match trailing_number(trimmed) {
        Some(v) => Cell::Glued(v),
        None => Cell::Unmapped(trimmed.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FIVE: Option<Scale> = Some((1, 5));

    #[test]
    fn numbers_and_labelled_numbers() {
        assert_eq!(read_cell(" 4 ", &[], FIVE), Cell::Value(4));
        assert_eq!(read_cell("4.0", &[], FIVE), Cell::Value(4));
        assert_eq!(read_cell("4,0", &[], FIVE), Cell::Value(4));
        assert_eq!(read_cell("4 - Satisfied", &[], FIVE), Cell::Value(4));
        assert_eq!(
            read_cell("10 - Extremely likely", &[], None),
            Cell::Value(10)
        );
        assert_eq!(read_cell("1 (very little)", &[], FIVE), Cell::Value(1));
        assert_eq!(read_cell("4.5", &[], FIVE), Cell::Unmapped("4.5".into()));
        assert_eq!(read_cell("-99", &[], FIVE), Cell::Value(-99));
    }

    #[test]
    fn numbers_glued_to_their_label() {
        assert_eq!(read_cell("Very likely7", &[], Some((1, 7))), Cell::Glued(7));
        assert_eq!(
            read_cell("Not at all likely\n1", &[], Some((1, 7))),
            Cell::Glued(1)
        );
        assert_eq!(
            read_cell("Extremely likely 10", &[], Some((0, 10))),
            Cell::Glued(10)
        );
        assert_eq!(read_cell("Q100", &[], FIVE), Cell::Unmapped("Q100".into()));
        assert_eq!(read_cell("A1", &[], FIVE), Cell::Unmapped("A1".into()));
    }

    #[test]
    fn blanks_and_not_applicable() {
        assert_eq!(read_cell("  ", &[], FIVE), Cell::Blank);
        assert_eq!(read_cell("N/A", &[], FIVE), Cell::NotApplicable);
        assert_eq!(read_cell("Don't know", &[], FIVE), Cell::NotApplicable);
        assert_eq!(
            read_cell("No basis for evaluation", &[], FIVE),
            Cell::NotApplicable
        );
    }

    #[test]
    fn built_in_labels_follow_the_scale() {
        assert_eq!(read_cell("Very satisfied", &[], FIVE), Cell::Value(5));
        assert_eq!(read_cell("  very   SATISFIED ", &[], FIVE), Cell::Value(5));
        assert_eq!(read_cell("Dissatisfied", &[], FIVE), Cell::Value(2));
        assert_eq!(read_cell("Satisfied", &[], Some((1, 7))), Cell::Value(6));
        assert_eq!(
            read_cell("Somewhat dissatisfied", &[], Some((1, 7))),
            Cell::Value(3)
        );
        assert_eq!(
            read_cell("Extremely likely", &[], Some((0, 10))),
            Cell::Value(10)
        );
        assert_eq!(read_cell("Extremely likely", &[], FIVE), Cell::Value(5));
        assert_eq!(
            read_cell("Extremely likely", &[], Some((1, 7))),
            Cell::Value(7)
        );
        assert_eq!(
            read_cell("Not at all likely", &[], Some((0, 10))),
            Cell::Value(0)
        );
        assert_eq!(read_cell("Sometimes", &[], Some((1, 7))), Cell::Value(4));
        assert_eq!(
            read_cell("Neither easy nor difficult", &[], Some((0, 4))),
            Cell::Value(2)
        );
        assert_eq!(
            read_cell("Satisfied", &[], None),
            Cell::Unmapped("Satisfied".into())
        );
    }

    #[test]
    fn each_list_holds_a_label_once_per_scale() {
        for points in [&FIVE_POINT[..], &SEVEN_POINT[..]] {
            let mut all: Vec<&str> = points.iter().flat_map(|p| p.iter().copied()).collect();
            let count = all.len();
            all.sort_unstable();
            all.dedup();
            assert_eq!(all.len(), count);
        }
    }

    #[test]
    fn the_users_own_labels_come_first() {
        assert_eq!(read_cell("Meh", &[], FIVE), Cell::Unmapped("Meh".into()));
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
        assert_eq!(read_cell("meh", &own, FIVE), Cell::Value(3));
        assert_eq!(read_cell("Very satisfied", &own, FIVE), Cell::Value(7));
    }
}
