//! The answers of the linked columns that are not plain numbers, for the mapping step to list
//! with how often each occurs and the value it will be read as, before anything is read.

use std::collections::HashMap;

use super::aggregate::{Survey, SurveyMapping};
use super::csv::Record;
use super::layout::Layout;
use super::values::{read_cell, Cell};
use crate::order;
use crate::score::{Metric, Plan};

/// Distinct answers listed at most: past that, a column holds free text, not labels.
pub const MOST_LABELS: usize = 200;

/// An answer as written, how often it occurs, and how it would be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AnswerLabel {
    pub text: String,
    pub count: u64,
    /// A value, N/A (including negative no-basis codes), or unmapped.
    pub reading: Cell,
}

/// How a cell that is not a plain answer reads on `metric`; `None` for plain numbers and blanks.
fn label_reading(text: &str, mapping: &SurveyMapping, metric: &Metric) -> Option<Cell> {
    let text = text.trim();
    match text.parse::<i32>() {
        Ok(v) if v < 0 && metric.min >= 0 => Some(Cell::NotApplicable),
        Ok(_) => None,
        Err(_) if text.is_empty() => None,
        Err(_) => Some(read_cell(
            text,
            &mapping.labels,
            Some((metric.min, metric.max)),
        )),
    }
}

impl Survey<'_> {
    /// The non-numeric answers of the columns `mapping` links (in the long layout, the values of
    /// linked touchpoints) among the first `scan` records, most frequent first.
    pub fn answer_labels(
        mut self,
        mapping: &SurveyMapping,
        plan: &Plan,
        scan: usize,
    ) -> Vec<AnswerLabel> {
        let links: Vec<(String, Metric)> = mapping
            .touchpoints
            .iter()
            .filter_map(|l| Some((l.column.trim().to_string(), plan.metric(l.card)?)))
            .collect();
        let long = (self.layout == Layout::Long)
            .then(|| {
                Some((
                    self.find("touchpoint", "touchpoint").ok()?,
                    self.find("value", "value").ok()?,
                ))
            })
            .flatten();
        let columns: Vec<(usize, Metric)> = links
            .iter()
            .filter_map(|(column, metric)| Some((self.find("touchpoint", column).ok()?, *metric)))
            .collect();
        let mut found: HashMap<String, (u64, Cell)> = HashMap::new();
        let mut note = |text: &str, metric: &Metric| {
            if let Some(reading) = label_reading(text, mapping, metric) {
                let full = found.len() >= MOST_LABELS;
                match found.get_mut(text.trim()) {
                    Some(entry) => entry.0 += 1,
                    None if !full => {
                        found.insert(text.trim().to_string(), (1, reading));
                    }
                    None => {}
                }
            }
        };
        let mut record = Record {
            line: 0,
            fields: Vec::new(),
        };
        for _ in 0..scan {
            if !self.read_into(&mut record) {
                break;
            }
            let cell = |i: usize| record.fields.get(i).map(String::as_str).unwrap_or("");
            match long {
                Some((touchpoint, value)) => {
                    let name = cell(touchpoint).trim();
                    if let Some((_, metric)) = links.iter().find(|(c, _)| c == name) {
                        note(cell(value), metric);
                    }
                }
                None => {
                    for (column, metric) in &columns {
                        note(cell(*column), metric);
                    }
                }
            }
        }
        let mut labels: Vec<AnswerLabel> = found
            .into_iter()
            .map(|(text, (count, reading))| AnswerLabel {
                text,
                count,
                reading,
            })
            .collect();
        order::sort_by(&mut labels, |a, b| {
            b.count.cmp(&a.count).then_with(|| a.text.cmp(&b.text))
        });
        labels
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::score::{PlanStage, PlanTouchpoint};
    use crate::survey::ColumnLink;
    use crate::survey::LabelValue;

    fn plan() -> Plan {
        Plan {
            stages: vec![PlanStage {
                id: 1,
                weight: 1.0,
                touchpoints: vec![PlanTouchpoint {
                    card: 7,
                    weight: 1.0,
                    metric: Metric::mean(1, 7),
                }],
            }],
        }
    }

    #[test]
    fn every_distinct_label_with_its_count_and_reading() {
        let text = "Q,Other\nSatisfied,x\n3,y\nSatisfied,z\nMeh,\n-99,\nDon't know,\n";
        let mut mapping = SurveyMapping {
            touchpoints: vec![ColumnLink {
                column: "Q".into(),
                card: 7,
            }],
            ..SurveyMapping::default()
        };
        let labels = Survey::open(text, None)
            .unwrap()
            .answer_labels(&mapping, &plan(), 100);
        let rows: Vec<(&str, u64, Cell)> = labels
            .iter()
            .map(|l| (l.text.as_str(), l.count, l.reading.clone()))
            .collect();
        assert_eq!(
            rows,
            [
                ("Satisfied", 2, Cell::Value(6)),
                ("-99", 1, Cell::NotApplicable),
                ("Don't know", 1, Cell::NotApplicable),
                ("Meh", 1, Cell::Unmapped("Meh".into())),
            ]
        );
        mapping.labels.push(LabelValue {
            label: "Meh".into(),
            value: 4,
        });
        let labels = Survey::open(text, None)
            .unwrap()
            .answer_labels(&mapping, &plan(), 100);
        assert!(labels
            .iter()
            .any(|l| l.text == "Meh" && l.reading == Cell::Value(4)));
    }
}
