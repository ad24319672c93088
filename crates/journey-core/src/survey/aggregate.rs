//! From survey rows to evidence: which column feeds which touchpoint, and what was skipped.
//!
//! `Survey::open` reads the header rows; an `Aggregator` then takes the data records one at a
//! time, so the app can import a large file in slices without freezing the page.

use std::collections::HashMap;
use std::fmt;

use super::csv::{Cells, CsvReader, Record, Row};
use super::dates::{period_name, period_number, read_date, DateOrder, Periodicity, WrittenDate};
use super::layout::{detect, gather, header, Column, Dialect, Layout, Source};
use super::values::{read_cell, Cell, LabelValue, Scale};
use crate::model::evidence::AnswerPattern;
pub use crate::model::survey_mapping::{ColumnLink, SurveyMapping};
use crate::model::Id;
use crate::order;
use crate::score::loyalty::merge_pattern;
use crate::score::{Evidence, Histogram, LoyaltyEvidence, Metric, Plan};

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
    /// A negative code on a scale with none (`-1`, `-99`): "no basis", "prefer not to answer".
    NoBasis,
    OffScale,
    UnmappedLabel,
    UnmappedTouchpoint,
}

impl SkipReason {
    pub const ALL: [SkipReason; 6] = [
        SkipReason::Blank,
        SkipReason::NotApplicable,
        SkipReason::NoBasis,
        SkipReason::OffScale,
        SkipReason::UnmappedLabel,
        SkipReason::UnmappedTouchpoint,
    ];
}

impl fmt::Display for SkipReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            SkipReason::Blank => "blank",
            SkipReason::NotApplicable => "not applicable",
            SkipReason::NoBasis => "a negative no-basis code, read as N/A",
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

/// How the dates of a file were read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DateDecision {
    /// No date column, or no date in it that could be read.
    NoDates,
    /// Every date was year-first (or dotted, or a serial day): nothing to decide.
    Unambiguous,
    /// The first date only one order reads, and where it is.
    DecidedBy { line: usize, value: String },
    /// No date tells month-first from day-first: month first.
    Ambiguous,
    /// The order the user chose in the mapping.
    Chosen,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateReading {
    /// The order `03/04/2026` was read in; year-first when the file wrote none such.
    pub order: DateOrder,
    pub decision: DateDecision,
    /// Rows whose date could not be read: their answers count in the totals, in no period.
    pub unreadable: u64,
}

impl DateReading {
    pub fn describe(&self) -> String {
        let order = match self.order {
            DateOrder::YearFirst => "year first",
            DateOrder::MonthFirst => "month first",
            DateOrder::DayFirst => "day first",
        };
        let how = match &self.decision {
            DateDecision::NoDates => "No dates were read".to_string(),
            DateDecision::Unambiguous => format!("Dates are written {order}"),
            DateDecision::DecidedBy { line, value } => {
                format!("Dates read {order}, as “{value}” on line {line} can only be read that way")
            }
            DateDecision::Ambiguous => format!(
                "No date in the column tells month-first from day-first, so they were read {order}: change it in the mapping if that is wrong"
            ),
            DateDecision::Chosen => format!("Dates read {order}, as chosen in the mapping"),
        };
        match self.unreadable {
            0 => format!("{how}."),
            1 => format!("{how}; 1 date could not be read."),
            n => format!("{how}; {n} dates could not be read."),
        }
    }
}

/// What an import found, shown before anything is saved.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportReport {
    pub layout: Layout,
    /// How the file departs from its tool's usual export.
    pub dialects: Vec<Dialect>,
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
    pub dates: DateReading,
    /// Answers whose label had its number glued on (`Very likely7`), read by the number.
    pub glued_labels: u64,
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
    pub dialects: Vec<Dialect>,
    /// Where each column's cell is in a record, when that is not its own position.
    sources: Option<Vec<Source>>,
    raw: Record,
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
        let header = header(layout, &first);
        let mut reader = CsvReader::new(text);
        for _ in 0..header_rows {
            reader.next_record();
        }
        Ok(Survey {
            reader,
            layout,
            columns: header.columns,
            dialects: header.dialects,
            sources: header.sources,
            raw: Record {
                line: 0,
                fields: Vec::new(),
            },
        })
    }

    pub fn next_record(&mut self) -> Option<Record> {
        let mut record = Record {
            line: 0,
            fields: Vec::new(),
        };
        self.read_into(&mut record).then_some(record)
    }

    /// The next record into a reused buffer, its fields in column order; false at the end.
    pub fn read_into(&mut self, record: &mut Record) -> bool {
        match &self.sources {
            None => self.reader.read_into(record),
            Some(sources) => {
                let read = self.reader.read_into(&mut self.raw);
                if read {
                    gather(sources, &self.raw, record);
                }
                read
            }
        }
    }

    /// What a touchpoint can be linked to: the column keys, or in the long layout the distinct
    /// touchpoint names among the first `scan` records.
    pub fn choices(self, scan: usize) -> Vec<String> {
        let Some(column) = (self.layout == Layout::Long)
            .then(|| self.find("touchpoint", "touchpoint").ok())
            .flatten()
        else {
            return self.columns.iter().map(|c| c.key.clone()).collect();
        };
        self.distinct(column, scan, usize::MAX)
    }

    /// The distinct values of the segment column among the first `scan` records, at most
    /// `limit` of them, in the order they first appear.
    pub fn segment_values(self, column: &str, scan: usize, limit: usize) -> Vec<String> {
        match self.find("segment", column) {
            Ok(at) => self.distinct(at, scan, limit),
            Err(_) => Vec::new(),
        }
    }

    fn distinct(mut self, column: usize, scan: usize, limit: usize) -> Vec<String> {
        let mut values: Vec<String> = Vec::new();
        for record in std::iter::from_fn(|| self.next_record()).take(scan) {
            if let Some(value) = record.fields.get(column).map(|s| s.trim()) {
                if !value.is_empty() && !values.iter().any(|v| v == value) {
                    values.push(value.to_string());
                    if values.len() == limit {
                        break;
                    }
                }
            }
        }
        values
    }

    /// (bytes read, bytes in all), for a progress bar.
    pub fn progress(&self) -> (usize, usize) {
        (self.reader.position(), self.reader.len())
    }

    pub(crate) fn find(&self, role: &'static str, column: &str) -> Result<usize, SurveyError> {
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
        let mut cards: Vec<Id> = links.iter().map(|(_, card, _)| *card).collect();
        order::sort(&mut cards);
        cards.dedup();
        let offsets = std::iter::once(0)
            .chain(links.iter().scan(0, |end, (_, _, metric)| {
                *end += (metric.max - metric.min + 1) as usize;
                Some(*end)
            }))
            .collect();
        let card_of_link = links
            .iter()
            .map(|(_, card, _)| cards.partition_point(|c| c < card))
            .collect();
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
            date_order: mapping.date_order,
            decided: None,
            either_dates: false,
            any_dates: false,
            last_slot: 0,
            labels: mapping.labels.clone(),
            column_names: self.columns.iter().map(|c| c.key.clone()).collect(),
            layout: self.layout,
            dialects: self.dialects.clone(),
            separator: self.reader.separator(),
            slots: Vec::new(),
            respondents: HashMap::new(),
            row_answers: Vec::new(),
            answered: vec![0; cards.len().div_ceil(64)],
            totals: vec![(0.0, 0.0); cards.len()],
            offsets,
            card_of_link,
            cards,
            pattern_scores: Vec::new(),
            rows: 0,
            used: vec![0; mapping.touchpoints.len()],
            skips: Skips::default(),
            undated: 0,
            glued: 0,
        })
    }
}

/// A slot with its period decided.
struct MergedSlot {
    period: Option<(i32, u32)>,
    segment: Option<String>,
    counts: Vec<u64>,
    patterns: Vec<AnswerPattern>,
}

enum Loyalty {
    Column(usize),
    /// In the long layout, the loyalty question is one of the touchpoint names.
    Touchpoint(String),
}

/// A row's period under either reading of its date, before the column's order is known: the
/// year and the period number if the date is month-first and if it is day-first (0: it cannot
/// be read that way). Most dates read the same both ways.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct PeriodKey {
    year: i32,
    month_first: u32,
    day_first: u32,
}

impl PeriodKey {
    fn of(date: WrittenDate, periodicity: Periodicity) -> PeriodKey {
        let period = |order| {
            date.month(order)
                .map_or(0, |m| period_number(m, periodicity))
        };
        PeriodKey {
            year: date.year(),
            month_first: period(DateOrder::MonthFirst),
            day_first: period(DateOrder::DayFirst),
        }
    }

    fn period(self, order: DateOrder) -> Option<(i32, u32)> {
        let n = match order {
            DateOrder::DayFirst => self.day_first,
            _ => self.month_first,
        };
        (n != 0).then_some((self.year, n))
    }
}

/// One period × segment combination and everything counted for it.
struct Slot {
    period: Option<PeriodKey>,
    segment: Option<String>,
    rows: u64,
    /// Every link's histogram counts end to end (see `Aggregator::offsets`): one flat array
    /// per slot, so counting an answer is one add.
    counts: Vec<u64>,
    patterns: Vec<AnswerPattern>,
    /// Each pattern's cards as bits over the aggregator's `cards`, to find it without comparing
    /// card lists, and the pattern the last respondent joined, tried first: most respondents
    /// answer the same touchpoints as the one before.
    pattern_bits: Vec<Vec<u64>>,
    last_pattern: usize,
}

/// A respondent gathered across the rows of a long file.
#[derive(Default)]
struct Respondent {
    slot: usize,
    /// (link, value)
    answers: Vec<(usize, i32)>,
    loyalty: Option<i32>,
}

pub struct Aggregator {
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
    /// The mapping's order for ambiguous dates, and the first date that decided one.
    date_order: Option<DateOrder>,
    decided: Option<(DateOrder, usize, String)>,
    either_dates: bool,
    any_dates: bool,
    /// The slot of the row before: rows often come sorted by date.
    last_slot: usize,
    labels: Vec<LabelValue>,
    column_names: Vec<String>,
    layout: Layout,
    dialects: Vec<Dialect>,
    separator: char,
    slots: Vec<Slot>,
    respondents: HashMap<String, Respondent>,
    /// Answers of the row being read (link, value), for the respondent's sums.
    row_answers: Vec<(usize, i32)>,
    /// Where each link's counts start in a slot's `counts` (and, last, their length).
    offsets: Vec<usize>,
    /// The distinct linked cards, ascending; each link's place among them.
    cards: Vec<Id>,
    card_of_link: Vec<usize>,
    /// A respondent's answered cards as bits over `cards`, their score totals and counts, and
    /// their scores in card order: reused from respondent to respondent.
    answered: Vec<u64>,
    totals: Vec<(f64, f64)>,
    pattern_scores: Vec<f64>,
    rows: u64,
    used: Vec<u64>,
    skips: Skips,
    undated: u64,
    glued: u64,
}

/// `text` without surrounding white space; most cells have none, and are not searched for it.
#[inline(always)]
fn trimmed(text: &str) -> &str {
    let plain = |b: Option<&u8>| b.is_none_or(|b| b.is_ascii() && !b.is_ascii_whitespace());
    let bytes = text.as_bytes();
    if plain(bytes.first()) && plain(bytes.last()) {
        text
    } else {
        text.trim()
    }
}

#[inline(always)]
fn field<C: Cells>(record: &C, index: Option<usize>) -> Option<&str> {
    record.cell(index?).map(trimmed)
}

/// What was skipped: counts by reason, the first few values, and the labels with no value.
#[derive(Default)]
struct Skips {
    counts: [u64; SkipReason::ALL.len()],
    examples: Vec<Skipped>,
    unmapped: HashMap<String, u64>,
}

impl Skips {
    fn add(&mut self, line: usize, column: &str, value: &str, reason: SkipReason) {
        self.counts[reason as usize] += 1;
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
}

#[inline(always)]
fn in_scale(v: i32, metric: &Metric) -> Result<(i32, bool), SkipReason> {
    if (metric.min..=metric.max).contains(&v) {
        Ok((v, false))
    } else {
        Err(SkipReason::OffScale)
    }
}

/// The scale a loyalty question is read on when its labels carry no number: 0–10, as NPS.
const LOYALTY_SCALE: Scale = (0, 10);

/// A cell's value on the metric's scale (and whether its number was glued to a label), or the
/// reason it is not an answer.
#[inline(always)]
fn classify(text: &str, labels: &[LabelValue], metric: &Metric) -> Result<(i32, bool), SkipReason> {
    // Most cells of a numeric export are one or two digits, or blank.
    match *text.as_bytes() {
        [] => return Err(SkipReason::Blank),
        [d] if d.is_ascii_digit() => return in_scale(i32::from(d - b'0'), metric),
        [a, b] if a.is_ascii_digit() && b.is_ascii_digit() => {
            return in_scale(i32::from(a - b'0') * 10 + i32::from(b - b'0'), metric)
        }
        _ => {}
    }
    classify_text(text, labels, metric)
}

/// `classify` for cells that are not one or two digits.
fn classify_text(
    text: &str,
    labels: &[LabelValue],
    metric: &Metric,
) -> Result<(i32, bool), SkipReason> {
    let cell = read_cell(text, labels, Some((metric.min, metric.max)));
    match cell.value() {
        Some(v) if (metric.min..=metric.max).contains(&v) => {
            Ok((v, matches!(cell, Cell::Glued(_))))
        }
        Some(v) if v < 0 && metric.min >= 0 => Err(SkipReason::NoBasis),
        Some(_) => Err(SkipReason::OffScale),
        None => Err(match cell {
            Cell::Blank => SkipReason::Blank,
            Cell::NotApplicable => SkipReason::NotApplicable,
            _ => SkipReason::UnmappedLabel,
        }),
    }
}

impl Aggregator {
    #[inline(always)]
    fn count(&mut self, slot: usize, link: usize, value: i32) {
        // `classify` let only values on the link's scale through.
        let at = self.offsets[link] + (value - self.links[link].2.min) as usize;
        self.slots[slot].counts[at] += 1;
        self.used[link] += 1;
    }

    /// The slot of a row's period and segment; found by comparison, so reading a row allocates
    /// nothing once its slot exists.
    fn slot_of<C: Cells>(&mut self, record: &C) -> usize {
        let period = match field(record, self.date) {
            Some(text) => match read_date(text) {
                Some(date) => {
                    self.note_date(date, record.line(), text);
                    Some(PeriodKey::of(date, self.period))
                }
                None => {
                    self.undated += 1;
                    None
                }
            },
            None => None,
        };
        let segment = field(record, self.segment).filter(|s| !s.is_empty());
        let fits = |s: &Slot| s.period == period && s.segment.as_deref() == segment;
        let found = match self.slots.get(self.last_slot) {
            Some(last) if fits(last) => Some(self.last_slot),
            _ => self.slots.iter().position(fits),
        };
        let at = found.unwrap_or_else(|| {
            self.slots.push(Slot {
                period,
                segment: segment.map(str::to_string),
                rows: 0,
                counts: vec![0; self.offsets[self.links.len()]],
                patterns: Vec::new(),
                pattern_bits: Vec::new(),
                last_pattern: 0,
            });
            self.slots.len() - 1
        });
        self.slots[at].rows += 1;
        self.last_slot = at;
        at
    }

    /// Keeps what a date says about the column's order: the first one only one order reads.
    fn note_date(&mut self, date: WrittenDate, line: usize, text: &str) {
        self.any_dates = true;
        if let WrittenDate::Either { .. } = date {
            self.either_dates = true;
            if self.decided.is_none() {
                if let Some(order) = date.decides() {
                    self.decided = Some((order, line, text.to_string()));
                }
            }
        }
    }

    /// The order ambiguous dates are read in, and how it was arrived at.
    fn date_order(&self) -> (DateOrder, DateDecision) {
        match (self.date_order, &self.decided) {
            _ if !self.any_dates => (DateOrder::YearFirst, DateDecision::NoDates),
            _ if !self.either_dates => (DateOrder::YearFirst, DateDecision::Unambiguous),
            (Some(order), _) => (order, DateDecision::Chosen),
            (None, Some((order, line, value))) => (
                *order,
                DateDecision::DecidedBy {
                    line: *line,
                    value: value.clone(),
                },
            ),
            (None, None) => (DateOrder::MonthFirst, DateDecision::Ambiguous),
        }
    }

    /// A respondent with a loyalty answer joins the group of those who answered the same
    /// touchpoints, each touchpoint scored as the mean of their answers to it.
    fn add_respondent(&mut self, slot: usize, answers: &[(usize, i32)], y: i32) {
        self.answered.iter_mut().for_each(|w| *w = 0);
        for &(link, value) in answers {
            let c = self.card_of_link[link];
            let score = self.links[link].2.answer_score(value);
            let (word, bit) = (c / 64, 1u64 << (c % 64));
            if self.answered[word] & bit == 0 {
                self.answered[word] |= bit;
                self.totals[c] = (score, 1.0);
            } else {
                self.totals[c].0 += score;
                self.totals[c].1 += 1.0;
            }
        }
        if self.answered.iter().all(|w| *w == 0) {
            return;
        }
        let answered =
            (0..self.cards.len()).filter(|c| self.answered[c / 64] & (1 << (c % 64)) != 0);
        self.pattern_scores.clear();
        self.pattern_scores.extend(answered.clone().map(|c| {
            let (total, count) = self.totals[c];
            // One answer each is the usual case: no division for it.
            if count == 1.0 {
                total
            } else {
                total / count
            }
        }));
        let target = &self.slots[slot];
        let found = match target.pattern_bits.get(target.last_pattern) {
            Some(bits) if *bits == self.answered => Some(target.last_pattern),
            _ => target
                .pattern_bits
                .iter()
                .position(|bits| *bits == self.answered),
        };
        let at = match found {
            Some(at) => at,
            None => {
                let cards = answered.map(|c| self.cards[c]).collect();
                let target = &mut self.slots[slot];
                target.patterns.push(AnswerPattern::new(cards));
                target.pattern_bits.push(self.answered.clone());
                target.patterns.len() - 1
            }
        };
        self.slots[slot].last_pattern = at;
        self.slots[slot].patterns[at].add(&self.pattern_scores, f64::from(y));
    }

    pub fn push<C: Cells>(&mut self, record: &C) {
        self.rows += 1;
        let slot = self.slot_of(record);
        match self.long {
            None => self.push_wide(record, slot),
            Some((touchpoint, value)) => self.push_long(record, slot, touchpoint, value),
        }
    }

    fn push_wide<C: Cells>(&mut self, record: &C, slot: usize) {
        self.row_answers.clear();
        // A row's answers are kept only to join the loyalty sums.
        let keep = self.loyalty.is_some();
        for link in 0..self.links.len() {
            let column = self.wide_columns[link];
            let text = record.cell(column).unwrap_or("");
            match classify(text, &self.labels, &self.links[link].2) {
                Ok((v, glued)) => {
                    self.glued += u64::from(glued);
                    self.count(slot, link, v);
                    if keep {
                        self.row_answers.push((link, v));
                    }
                }
                Err(reason) => {
                    let name = &self.column_names[column];
                    self.skips.add(record.line(), name, text, reason);
                }
            }
        }
        if let Some(Loyalty::Column(column)) = self.loyalty {
            let loyalty = field(record, Some(column))
                .and_then(|t| read_cell(t, &self.labels, Some(LOYALTY_SCALE)).value());
            if let Some(y) = loyalty {
                let answers = std::mem::take(&mut self.row_answers);
                self.add_respondent(slot, &answers, y);
                self.row_answers = answers;
            }
        }
    }

    fn push_long<C: Cells>(&mut self, record: &C, slot: usize, touchpoint: usize, value: usize) {
        let name = field(record, Some(touchpoint)).unwrap_or("");
        let text = record.cell(value).unwrap_or("");
        let link = self.links.iter().position(|(column, _, _)| column == name);
        let respondent = field(record, self.respondent).map(str::to_string);
        let is_loyalty = matches!(&self.loyalty, Some(Loyalty::Touchpoint(l)) if l == name);
        if is_loyalty {
            let y = read_cell(text, &self.labels, Some(LOYALTY_SCALE)).value();
            if let (Some(id), Some(y)) = (&respondent, y) {
                let entry = self.respondents.entry(id.clone()).or_default();
                entry.loyalty = Some(y);
                entry.slot = slot;
            }
        }
        let Some(link) = link else {
            if !is_loyalty {
                self.skips.add(
                    record.line(),
                    "touchpoint",
                    name,
                    SkipReason::UnmappedTouchpoint,
                );
            }
            return;
        };
        match classify(text, &self.labels, &self.links[link].2) {
            Ok((v, glued)) => {
                self.glued += u64::from(glued);
                self.count(slot, link, v);
                if let (Some(id), Some(_)) = (respondent, &self.loyalty) {
                    let entry = self.respondents.entry(id).or_default();
                    entry.answers.push((link, v));
                    entry.slot = slot;
                }
            }
            Err(reason) => self.skips.add(record.line(), name, text, reason),
        }
    }

    /// The slots by period once the order is known: a slot whose dates cannot be read that way
    /// joins its segment's undated slot, and slots that now share a period are merged.
    fn merged_slots(&mut self, order: DateOrder) -> Vec<MergedSlot> {
        let mut merged: Vec<MergedSlot> = Vec::new();
        for slot in &self.slots {
            let period = slot.period.and_then(|key| key.period(order));
            if slot.period.is_some() && period.is_none() {
                self.undated += slot.rows;
            }
            let at = match merged
                .iter()
                .position(|m| m.period == period && m.segment == slot.segment)
            {
                Some(at) => at,
                None => {
                    merged.push(MergedSlot {
                        period,
                        segment: slot.segment.clone(),
                        counts: vec![0; slot.counts.len()],
                        patterns: Vec::new(),
                    });
                    merged.len() - 1
                }
            };
            let into = &mut merged[at];
            for (mine, theirs) in into.counts.iter_mut().zip(&slot.counts) {
                *mine += theirs;
            }
            for pattern in &slot.patterns {
                merge_pattern(&mut into.patterns, pattern);
            }
        }
        merged
    }

    pub fn finish(mut self) -> ImportResult {
        for respondent in std::mem::take(&mut self.respondents).into_values() {
            if let Some(y) = respondent.loyalty {
                self.add_respondent(respondent.slot, &respondent.answers, y);
            }
        }
        let periodicity = self.period;
        let (order, decision) = self.date_order();
        let slots = self.merged_slots(order);
        let name = |key: Option<(i32, u32)>| key.map(|k| period_name(k, periodicity));
        let mut evidence = Vec::new();
        let mut loyalty = Vec::new();
        for slot in &slots {
            for (link, (_, card, metric)) in self.links.iter().enumerate() {
                let counts = &slot.counts[self.offsets[link]..self.offsets[link + 1]];
                if counts.iter().any(|n| *n > 0) {
                    evidence.push(Evidence {
                        card: *card,
                        period: name(slot.period),
                        segment: slot.segment.clone(),
                        answers: Histogram {
                            min: metric.min,
                            counts: counts.to_vec(),
                        },
                    });
                }
            }
            if !slot.patterns.is_empty() {
                let mut patterns = slot.patterns.clone();
                order::sort_by(&mut patterns, |a, b| a.cards.cmp(&b.cards));
                loyalty.push(LoyaltyEvidence {
                    period: name(slot.period),
                    segment: slot.segment.clone(),
                    patterns,
                    ..LoyaltyEvidence::default()
                });
            }
        }
        order::sort_by(&mut evidence, |a, b| {
            (a.card, &a.period, &a.segment).cmp(&(b.card, &b.period, &b.segment))
        });
        order::sort_by(&mut loyalty, |a, b| {
            (&a.period, &a.segment).cmp(&(&b.period, &b.segment))
        });
        let periods = crate::score::evidence::periods(&evidence);
        let segments = crate::score::evidence::segments(&evidence);
        let mut unmapped: Vec<(String, u64)> = self.skips.unmapped.into_iter().collect();
        order::sort_by(&mut unmapped, |a, b| {
            b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0))
        });
        let used = self
            .links
            .iter()
            .zip(&self.used)
            .map(|((_, card, _), n)| (*card, *n))
            .collect();
        ImportResult {
            evidence,
            loyalty,
            report: ImportReport {
                layout: self.layout,
                dialects: self.dialects,
                separator: self.separator,
                rows: self.rows,
                used,
                skipped: SkipReason::ALL
                    .into_iter()
                    .zip(self.skips.counts)
                    .filter(|(_, n)| *n > 0)
                    .collect(),
                examples: self.skips.examples,
                unmapped_labels: unmapped,
                dates: DateReading {
                    order,
                    decision,
                    unreadable: self.undated,
                },
                glued_labels: self.glued,
                periods,
                segments,
            },
        }
    }
}

/// A survey file being read: its header, the counts so far and one reused record buffer. The
/// CLI reads it in one go; the app reads it in slices, yielding to the browser between them.
pub struct Reading<'a> {
    survey: Survey<'a>,
    aggregator: Aggregator,
    /// Where records are read in place (most files), and where they are rebuilt (expanded
    /// choice columns).
    row: Row<'a>,
    record: Record,
}

impl<'a> Reading<'a> {
    pub fn start(
        text: &'a str,
        mapping: &SurveyMapping,
        plan: &Plan,
    ) -> Result<Reading<'a>, SurveyError> {
        let survey = Survey::open(text, mapping.layout)?;
        let aggregator = survey.aggregator(mapping, plan)?;
        Ok(Reading {
            survey,
            aggregator,
            row: Row::new(text),
            record: Record {
                line: 0,
                fields: Vec::new(),
            },
        })
    }

    /// Reads and counts up to `limit` records; true once the file is done.
    pub fn step(&mut self, limit: usize) -> bool {
        for _ in 0..limit {
            if self.survey.sources.is_none() {
                if !self.survey.reader.read_row(&mut self.row) {
                    return true;
                }
                self.aggregator.push(&self.row);
            } else {
                if !self.survey.read_into(&mut self.record) {
                    return true;
                }
                self.aggregator.push(&self.record);
            }
        }
        false
    }

    /// (bytes read, bytes in all), for a progress bar.
    pub fn progress(&self) -> (usize, usize) {
        self.survey.progress()
    }

    pub fn finish(self) -> ImportResult {
        self.aggregator.finish()
    }
}

/// Reads a whole survey file in one go.
pub fn import(
    text: &str,
    mapping: &SurveyMapping,
    plan: &Plan,
) -> Result<ImportResult, SurveyError> {
    let mut reading = Reading::start(text, mapping, plan)?;
    reading.step(usize::MAX);
    Ok(reading.finish())
}
