//! From survey rows to evidence: which column feeds which touchpoint, and what was skipped.
//!
//! `Survey::open` reads the header rows; an `Aggregator` then takes the data records one at a
//! time, so the app can import a large file in slices without freezing the page.

use std::collections::{BTreeMap, HashMap};
use std::fmt;

use serde::{Deserialize, Serialize};

use super::csv::{CsvReader, Record};
use super::dates::{period_of, Periodicity};
use super::layout::{columns, detect, Column, Layout};
use super::values::{read_cell, Cell, LabelValue};
use crate::model::Id;
use crate::score::{Evidence, Histogram, LoyaltyEvidence, Metric, PairSums, Plan};

/// One survey column (or, in the long layout, one touchpoint name) feeding one touchpoint card.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ColumnLink {
    pub column: String,
    pub card: Id,
}

/// How a survey file maps onto a map; kept with the map so next month's file imports the same way.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SurveyMapping {
    /// Absent: detected from the file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub layout: Option<Layout>,
    #[serde(default)]
    pub period: Periodicity,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_column: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub segment_column: Option<String>,
    /// Needed by the long layout to tell respondents apart for the loyalty link.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub respondent_column: Option<String>,
    /// The loyalty question (NPS 0–10 or a rating): a column, or a touchpoint name in the long layout.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub loyalty_column: Option<String>,
    #[serde(default)]
    pub touchpoints: Vec<ColumnLink>,
    /// The user's own label → value corrections, tried before the built-in labels.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub labels: Vec<LabelValue>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SurveyError {
    Empty,
    NoColumn { role: &'static str, column: String },
    NoTouchpoints,
    UnmeasuredCard(Id),
    BadMetric { card: Id, problem: String },
}

impl fmt::Display for SurveyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SurveyError::Empty => f.write_str("the file has no header row"),
            SurveyError::NoColumn { role, column } => {
                write!(f, "the {role} column “{column}” is not in this file")
            }
            SurveyError::NoTouchpoints => f.write_str("no column is linked to a touchpoint"),
            SurveyError::UnmeasuredCard(card) => {
                write!(f, "card {card} is not a measured touchpoint")
            }
            SurveyError::BadMetric { card, problem } => write!(f, "card {card}: {problem}"),
        }
    }
}

impl std::error::Error for SurveyError {}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum SkipReason {
    Blank,
    NotApplicable,
    OffScale,
    UnmappedLabel,
    UnmappedTouchpoint,
}

impl fmt::Display for SkipReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            SkipReason::Blank => "blank",
            SkipReason::NotApplicable => "not applicable",
            SkipReason::OffScale => "outside the scale",
            SkipReason::UnmappedLabel => "a label with no value",
            SkipReason::UnmappedTouchpoint => "a touchpoint not linked to the map",
        })
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Skipped {
    pub line: usize,
    pub column: String,
    pub value: String,
    pub reason: SkipReason,
}

/// What an import found, shown before anything is saved.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportReport {
    pub layout: Layout,
    pub separator: char,
    /// Data rows read (header rows not counted).
    pub rows: u64,
    /// Answers used per touchpoint card.
    pub used: Vec<(Id, u64)>,
    /// Every skipped value, counted by reason.
    pub skipped: Vec<(SkipReason, u64)>,
    /// The first few skipped values with their line numbers.
    pub examples: Vec<Skipped>,
    /// Labels that have no value yet, with how often each occurred; never guessed.
    pub unmapped_labels: Vec<(String, u64)>,
    /// Rows whose date could not be read: their answers count in the totals, in no period.
    pub undated_rows: u64,
    pub periods: Vec<String>,
    pub segments: Vec<String>,
}

impl ImportReport {
    pub fn skipped_total(&self) -> u64 {
        self.skipped.iter().map(|(_, n)| n).sum()
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct ImportResult {
    pub evidence: Vec<Evidence>,
    pub loyalty: Vec<LoyaltyEvidence>,
    pub report: ImportReport,
}

/// How many skipped values are listed one by one.
pub const EXAMPLES: usize = 20;

/// A survey file with its header read.
pub struct Survey<'a> {
    reader: CsvReader<'a>,
    pub layout: Layout,
    pub columns: Vec<Column>,
}

impl<'a> Survey<'a> {
    /// Reads the header rows; `layout` overrides the detected one.
    pub fn open(text: &'a str, layout: Option<Layout>) -> Result<Survey<'a>, SurveyError> {
        let mut peek = CsvReader::new(text);
        let first: Vec<Record> = (&mut peek).take(3).collect();
        if first.is_empty() {
            return Err(SurveyError::Empty);
        }
        let layout = layout.unwrap_or_else(|| detect(&first));
        let header_rows = layout.header_rows().min(first.len());
        let columns = columns(layout, &first[..header_rows]);
        let mut reader = CsvReader::new(text);
        for _ in 0..header_rows {
            reader.next_record();
        }
        Ok(Survey {
            reader,
            layout,
            columns,
        })
    }

    pub fn next_record(&mut self) -> Option<Record> {
        self.reader.next_record()
    }

    /// What a touchpoint can be linked to: the column keys, or in the long layout the distinct
    /// touchpoint names among the first `scan` records.
    pub fn choices(mut self, scan: usize) -> Vec<String> {
        let Some(column) = (self.layout == Layout::Long)
            .then(|| self.find("touchpoint", "touchpoint").ok())
            .flatten()
        else {
            return self.columns.iter().map(|c| c.key.clone()).collect();
        };
        let mut names: Vec<String> = Vec::new();
        for record in std::iter::from_fn(|| self.next_record()).take(scan) {
            if let Some(name) = record.fields.get(column).map(|s| s.trim()) {
                if !name.is_empty() && !names.iter().any(|n| n == name) {
                    names.push(name.to_string());
                }
            }
        }
        names
    }

    /// (bytes read, bytes in all), for a progress bar.
    pub fn progress(&self) -> (usize, usize) {
        (self.reader.position(), self.reader.len())
    }

    fn find(&self, role: &'static str, column: &str) -> Result<usize, SurveyError> {
        let wanted = column.trim();
        self.columns
            .iter()
            .position(|c| c.key == wanted)
            .or_else(|| self.columns.iter().position(|c| c.question == wanted))
            .or_else(|| {
                self.columns
                    .iter()
                    .position(|c| c.key.eq_ignore_ascii_case(wanted))
            })
            .ok_or_else(|| SurveyError::NoColumn {
                role,
                column: column.to_string(),
            })
    }

    fn optional(
        &self,
        role: &'static str,
        column: &Option<String>,
    ) -> Result<Option<usize>, SurveyError> {
        column.as_deref().map(|c| self.find(role, c)).transpose()
    }

    pub fn aggregator(
        &self,
        mapping: &SurveyMapping,
        plan: &Plan,
    ) -> Result<Aggregator, SurveyError> {
        if mapping.touchpoints.is_empty() {
            return Err(SurveyError::NoTouchpoints);
        }
        let mut links = Vec::new();
        for link in &mapping.touchpoints {
            let metric = plan
                .metric(link.card)
                .ok_or(SurveyError::UnmeasuredCard(link.card))?;
            if let Some(problem) = metric.problem() {
                return Err(SurveyError::BadMetric {
                    card: link.card,
                    problem,
                });
            }
            links.push((link.column.trim().to_string(), link.card, metric));
        }
        let long = if self.layout == Layout::Long {
            Some((
                self.find("touchpoint", "touchpoint")?,
                self.find("value", "value")?,
            ))
        } else {
            None
        };
        let wide_columns = match long {
            Some(_) => Vec::new(),
            None => links
                .iter()
                .map(|(c, _, _)| self.find("touchpoint", c))
                .collect::<Result<_, _>>()?,
        };
        Ok(Aggregator {
            plan: plan.clone(),
            links,
            wide_columns,
            long,
            date: self.optional("date", &mapping.date_column)?,
            segment: self.optional("segment", &mapping.segment_column)?,
            respondent: self.optional("respondent", &mapping.respondent_column)?,
            loyalty: match (long, &mapping.loyalty_column) {
                (None, column) => self.optional("loyalty", column)?.map(Loyalty::Column),
                (Some(_), Some(name)) => Some(Loyalty::Touchpoint(name.trim().to_string())),
                (Some(_), None) => None,
            },
            period: mapping.period,
            labels: mapping.labels.clone(),
            column_names: self.columns.iter().map(|c| c.key.clone()).collect(),
            layout: self.layout,
            separator: self.reader.separator(),
            histograms: BTreeMap::new(),
            pairs: BTreeMap::new(),
            respondents: HashMap::new(),
            rows: 0,
            used: HashMap::new(),
            skipped: BTreeMap::new(),
            examples: Vec::new(),
            unmapped: HashMap::new(),
            undated: 0,
        })
    }
}

enum Loyalty {
    Column(usize),
    /// In the long layout, the loyalty question is one of the touchpoint names.
    Touchpoint(String),
}

type Key = (Option<String>, Option<String>);

/// A respondent gathered across the rows of a long file.
#[derive(Default)]
struct Respondent {
    slice: Key,
    answers: Vec<(Id, i32)>,
    loyalty: Option<i32>,
}

pub struct Aggregator {
    plan: Plan,
    /// (column or touchpoint name, card, metric)
    links: Vec<(String, Id, Metric)>,
    wide_columns: Vec<usize>,
    /// (touchpoint column, value column) in the long layout.
    long: Option<(usize, usize)>,
    date: Option<usize>,
    segment: Option<usize>,
    respondent: Option<usize>,
    loyalty: Option<Loyalty>,
    period: Periodicity,
    labels: Vec<LabelValue>,
    column_names: Vec<String>,
    layout: Layout,
    separator: char,
    histograms: BTreeMap<(Id, Key), Histogram>,
    pairs: BTreeMap<Key, PairSums>,
    respondents: HashMap<String, Respondent>,
    rows: u64,
    used: HashMap<Id, u64>,
    skipped: BTreeMap<SkipReason, u64>,
    examples: Vec<Skipped>,
    unmapped: HashMap<String, u64>,
    undated: u64,
}

fn field(record: &Record, index: Option<usize>) -> Option<&str> {
    record.fields.get(index?).map(|s| s.trim())
}

impl Aggregator {
    fn skip(&mut self, line: usize, column: &str, value: &str, reason: SkipReason) {
        *self.skipped.entry(reason).or_default() += 1;
        if reason == SkipReason::UnmappedLabel {
            *self.unmapped.entry(value.trim().to_string()).or_default() += 1;
        }
        if self.examples.len() < EXAMPLES {
            self.examples.push(Skipped {
                line,
                column: column.to_string(),
                value: value.to_string(),
                reason,
            });
        }
    }

    /// A cell's value on the metric's scale, or the reason it is not an answer.
    fn value(&mut self, line: usize, column: &str, text: &str, metric: &Metric) -> Option<i32> {
        let reason = match read_cell(text, &self.labels) {
            Cell::Value(v) if (metric.min..=metric.max).contains(&v) => return Some(v),
            Cell::Value(_) => SkipReason::OffScale,
            Cell::Blank => SkipReason::Blank,
            Cell::NotApplicable => SkipReason::NotApplicable,
            Cell::Unmapped(_) => SkipReason::UnmappedLabel,
        };
        self.skip(line, column, text, reason);
        None
    }

    fn count(&mut self, card: Id, metric: &Metric, key: &Key, value: i32) {
        self.histograms
            .entry((card, key.clone()))
            .or_insert_with(|| metric.empty_histogram())
            .add(value, 1);
        *self.used.entry(card).or_default() += 1;
    }

    fn slice_of(&mut self, record: &Record) -> Key {
        let period = match field(record, self.date) {
            Some(date) => {
                let period = period_of(date, self.period);
                if period.is_none() {
                    self.undated += 1;
                }
                period
            }
            None => None,
        };
        let segment = field(record, self.segment)
            .filter(|s| !s.is_empty())
            .map(str::to_string);
        (period, segment)
    }

    pub fn push(&mut self, record: &Record) {
        self.rows += 1;
        let key = self.slice_of(record);
        match self.long {
            None => self.push_wide(record, key),
            Some((touchpoint, value)) => self.push_long(record, key, touchpoint, value),
        }
    }

    fn push_wide(&mut self, record: &Record, key: Key) {
        let mut answers = Vec::new();
        for i in 0..self.links.len() {
            let (card, metric) = (self.links[i].1, self.links[i].2);
            let column = self.wide_columns[i];
            let text = record.fields.get(column).map(String::as_str).unwrap_or("");
            let name = self.column_names[column].clone();
            if let Some(v) = self.value(record.line, &name, text, &metric) {
                self.count(card, &metric, &key, v);
                answers.push((card, v));
            }
        }
        if let Some(Loyalty::Column(column)) = self.loyalty {
            let loyalty = field(record, Some(column)).map(|t| read_cell(t, &self.labels));
            if let (Some(Cell::Value(y)), Some(x)) = (loyalty, self.plan.respondent_score(&answers))
            {
                self.pairs.entry(key).or_default().add(x, f64::from(y));
            }
        }
    }

    fn push_long(&mut self, record: &Record, key: Key, touchpoint: usize, value: usize) {
        let name = field(record, Some(touchpoint)).unwrap_or("").to_string();
        let text = record.fields.get(value).map(String::as_str).unwrap_or("");
        let link = self
            .links
            .iter()
            .find(|(column, _, _)| *column == name)
            .map(|(_, c, m)| (*c, *m));
        let respondent = field(record, self.respondent).map(str::to_string);
        let is_loyalty = matches!(&self.loyalty, Some(Loyalty::Touchpoint(l)) if *l == name);
        if is_loyalty {
            if let (Some(id), Cell::Value(y)) = (&respondent, read_cell(text, &self.labels)) {
                let entry = self.respondents.entry(id.clone()).or_default();
                entry.loyalty = Some(y);
                entry.slice = key.clone();
            }
        }
        let Some((card, metric)) = link else {
            if !is_loyalty {
                self.skip(
                    record.line,
                    "touchpoint",
                    &name,
                    SkipReason::UnmappedTouchpoint,
                );
            }
            return;
        };
        let Some(v) = self.value(record.line, &name, text, &metric) else {
            return;
        };
        self.count(card, &metric, &key, v);
        if let (Some(id), Some(_)) = (respondent, &self.loyalty) {
            let entry = self.respondents.entry(id).or_default();
            entry.answers.push((card, v));
            entry.slice = key;
        }
    }

    pub fn finish(mut self) -> ImportResult {
        for respondent in std::mem::take(&mut self.respondents).into_values() {
            if let (Some(y), Some(x)) = (
                respondent.loyalty,
                self.plan.respondent_score(&respondent.answers),
            ) {
                self.pairs
                    .entry(respondent.slice)
                    .or_default()
                    .add(x, f64::from(y));
            }
        }
        let mut periods: Vec<String> = self
            .histograms
            .keys()
            .filter_map(|(_, (p, _))| p.clone())
            .collect();
        periods.sort();
        periods.dedup();
        let mut segments: Vec<String> = self
            .histograms
            .keys()
            .filter_map(|(_, (_, s))| s.clone())
            .collect();
        segments.sort();
        segments.dedup();
        let mut unmapped: Vec<(String, u64)> = self.unmapped.into_iter().collect();
        unmapped.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        let used = self
            .links
            .iter()
            .map(|(_, card, _)| (*card, self.used.get(card).copied().unwrap_or(0)))
            .collect();
        ImportResult {
            evidence: self
                .histograms
                .into_iter()
                .map(|((card, (period, segment)), answers)| Evidence {
                    card,
                    period,
                    segment,
                    answers,
                })
                .collect(),
            loyalty: self
                .pairs
                .into_iter()
                .map(|((period, segment), sums)| LoyaltyEvidence {
                    period,
                    segment,
                    sums,
                })
                .collect(),
            report: ImportReport {
                layout: self.layout,
                separator: self.separator,
                rows: self.rows,
                used,
                skipped: self.skipped.into_iter().collect(),
                examples: self.examples,
                unmapped_labels: unmapped,
                undated_rows: self.undated,
                periods,
                segments,
            },
        }
    }
}

/// Reads a whole survey file in one go (the CLI, tests); the app drives `Aggregator` in slices.
pub fn import(
    text: &str,
    mapping: &SurveyMapping,
    plan: &Plan,
) -> Result<ImportResult, SurveyError> {
    let mut survey = Survey::open(text, mapping.layout)?;
    let mut aggregator = survey.aggregator(mapping, plan)?;
    while let Some(record) = survey.next_record() {
        aggregator.push(&record);
    }
    Ok(aggregator.finish())
}
