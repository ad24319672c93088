//! What is kept of the answers: per touchpoint card, period and segment, a histogram (SCORING §5),
//! and per period and segment the respondents' sums behind the loyalty link. Raw rows are never kept.

use std::collections::HashMap;

use super::histogram::Histogram;
use super::loyalty::{merge_pattern, PairSums, Respondents};
pub use crate::model::evidence::{Evidence, LoyaltyEvidence};
use crate::model::Id;
use crate::order;

/// Which answers to score: all of them, one period's, one segment's, or both narrowed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Slice {
    pub period: Option<String>,
    pub segment: Option<String>,
}

impl Slice {
    fn admits(&self, period: &Option<String>, segment: &Option<String>) -> bool {
        (self.period.is_none() || self.period == *period)
            && (self.segment.is_none() || self.segment == *segment)
    }
}

/// The answers per card within a slice, merged across what the slice leaves open.
pub fn gather(evidence: &[Evidence], slice: &Slice) -> HashMap<Id, Histogram> {
    let mut answers: HashMap<Id, Histogram> = HashMap::new();
    for e in evidence
        .iter()
        .filter(|e| slice.admits(&e.period, &e.segment))
    {
        match answers.get_mut(&e.card) {
            Some(h) => {
                h.merge(&e.answers);
            }
            None => {
                answers.insert(e.card, e.answers.clone());
            }
        }
    }
    answers
}

/// The respondents behind the loyalty link within a slice, merged by answer pattern.
pub fn gather_loyalty(loyalty: &[LoyaltyEvidence], slice: &Slice) -> Respondents {
    let mut out = Respondents::default();
    for l in loyalty
        .iter()
        .filter(|l| slice.admits(&l.period, &l.segment))
    {
        for pattern in &l.patterns {
            merge_pattern(&mut out.patterns, pattern);
        }
        if let Some(sums) = &l.at_import {
            out.at_import
                .get_or_insert_with(PairSums::default)
                .merge(sums);
        }
        for card in &l.left_out {
            if !out.left_out.contains(card) {
                out.left_out.push(*card);
            }
        }
    }
    out
}

/// Every period that has answers, in order.
pub fn periods(evidence: &[Evidence]) -> Vec<String> {
    let mut periods: Vec<String> = evidence.iter().filter_map(|e| e.period.clone()).collect();
    order::sort(&mut periods);
    periods.dedup();
    periods
}

pub fn segments(evidence: &[Evidence]) -> Vec<String> {
    let mut segments: Vec<String> = evidence.iter().filter_map(|e| e.segment.clone()).collect();
    order::sort(&mut segments);
    segments.dedup();
    segments
}

#[cfg(test)]
mod tests {
    use super::*;

    fn e(card: Id, period: &str, segment: &str, values: &[i32]) -> Evidence {
        Evidence {
            card,
            period: Some(period.into()),
            segment: Some(segment.into()),
            answers: Histogram::from_values(1, 5, values.iter().copied()),
        }
    }

    #[test]
    fn slices_merge_what_they_leave_open() {
        let all = [
            e(1, "2026-Q1", "New", &[5]),
            e(1, "2026-Q2", "New", &[4]),
            e(1, "2026-Q1", "Old", &[1]),
            e(2, "2026-Q1", "Old", &[3]),
        ];
        assert_eq!(gather(&all, &Slice::default())[&1].n(), 3);
        let q1 = Slice {
            period: Some("2026-Q1".into()),
            segment: None,
        };
        assert_eq!(gather(&all, &q1)[&1].counts, [1, 0, 0, 0, 1]);
        let new = Slice {
            period: None,
            segment: Some("New".into()),
        };
        assert_eq!(gather(&all, &new)[&1].counts, [0, 0, 0, 1, 1]);
        assert!(!gather(&all, &new).contains_key(&2));
        assert_eq!(periods(&all), ["2026-Q1", "2026-Q2"]);
        assert_eq!(segments(&all), ["New", "Old"]);
    }
}
