//! A touchpoint's metric and its score with standard error (`docs/scoring.md`, §1–2).

pub use crate::model::metric::{Metric, MetricKind};

use super::histogram::Histogram;

/// A score on 0–100 with its standard error (none below two answers) and its number of answers.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Estimate {
    pub score: f64,
    pub se: Option<f64>,
    pub n: u64,
}

impl Metric {
    pub fn mean(min: i32, max: i32) -> Metric {
        Metric {
            kind: MetricKind::Mean,
            min,
            max,
            higher_is_better: true,
            threshold: None,
        }
    }

    pub fn nps() -> Metric {
        Metric {
            kind: MetricKind::Nps,
            min: 0,
            max: 10,
            higher_is_better: true,
            threshold: None,
        }
    }

    pub fn top_box(min: i32, max: i32, threshold: i32) -> Metric {
        Metric {
            kind: MetricKind::TopBox,
            min,
            max,
            higher_is_better: true,
            threshold: Some(threshold),
        }
    }

    pub fn threshold(&self) -> i32 {
        self.threshold.unwrap_or(if self.higher_is_better {
            self.max - 1
        } else {
            self.min + 1
        })
    }

    /// Why this metric cannot score anything, if it cannot.
    pub fn problem(&self) -> Option<String> {
        if self.max <= self.min {
            return Some(format!("the scale {}–{} is empty", self.min, self.max));
        }
        if self.max - self.min > 100 {
            return Some(format!(
                "the scale {}–{} has more than 101 points",
                self.min, self.max
            ));
        }
        if self.kind == MetricKind::Nps && (self.min, self.max) != (0, 10) {
            return Some("an NPS question is answered on 0–10".into());
        }
        if self.kind == MetricKind::TopBox && !(self.min..=self.max).contains(&self.threshold()) {
            return Some(format!(
                "the threshold {} is off the scale",
                self.threshold()
            ));
        }
        None
    }

    pub fn empty_histogram(&self) -> Histogram {
        Histogram::new(self.min, self.max)
    }

    /// The touchpoint score from its answers; none without answers.
    pub fn score(&self, answers: &Histogram) -> Option<Estimate> {
        let n = answers.n();
        if n == 0 || self.problem().is_some() {
            return None;
        }
        let nf = n as f64;
        let range = f64::from(self.max - self.min);
        let (score, se) = match self.kind {
            MetricKind::Mean => {
                let rescaled = 100.0 * (answers.mean()? - f64::from(self.min)) / range;
                let score = if self.higher_is_better {
                    rescaled
                } else {
                    100.0 - rescaled
                };
                (
                    score,
                    answers.sd().map(|sd| 100.0 * sd / (range * nf.sqrt())),
                )
            }
            MetricKind::TopBox => {
                let t = self.threshold();
                let q = if self.higher_is_better {
                    answers.share(|v| v >= t)?
                } else {
                    answers.share(|v| v <= t)?
                };
                (100.0 * q, Some(100.0 * (q * (1.0 - q) / nf).sqrt()))
            }
            MetricKind::Nps => {
                let p = answers.share(|v| v >= 9)?;
                let d = answers.share(|v| v <= 6)?;
                let nps = 100.0 * (p - d);
                let variance = (p + d - (p - d).powi(2)).max(0.0);
                ((nps + 100.0) / 2.0, Some(50.0 * (variance / nf).sqrt()))
            }
        };
        Some(Estimate { score, se, n })
    }

    /// One respondent's answer scored on its own, for the loyalty link (§4).
    pub fn answer_score(&self, value: i32) -> f64 {
        let good = |v: i32| {
            if self.higher_is_better {
                v >= self.threshold()
            } else {
                v <= self.threshold()
            }
        };
        match self.kind {
            MetricKind::Mean => {
                let rescaled = 100.0 * f64::from(value - self.min) / f64::from(self.max - self.min);
                if self.higher_is_better {
                    rescaled
                } else {
                    100.0 - rescaled
                }
            }
            MetricKind::TopBox => {
                if good(value) {
                    100.0
                } else {
                    0.0
                }
            }
            MetricKind::Nps => match value {
                9.. => 100.0,
                7 | 8 => 50.0,
                _ => 0.0,
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 0.005
    }

    #[test]
    fn mean_of_the_worked_example() {
        // 5, 4, 4, 3 on 1–5: m = 4 → 75; sd = 0.8165 → SE = 100 · 0.8165 / (4 · 2) = 10.21
        let e = Metric::mean(1, 5)
            .score(&Histogram::from_values(1, 5, [5, 4, 4, 3]))
            .unwrap();
        assert!(close(e.score, 75.0));
        assert!(close(e.se.unwrap(), 10.206));
        assert_eq!(e.n, 4);
    }

    #[test]
    fn lower_is_better_turns_the_mean_around() {
        // effort 1–7, answers 2 and 4: m = 3 → 33.33, reversed 66.67
        let mut effort = Metric::mean(1, 7);
        effort.higher_is_better = false;
        let e = effort.score(&Histogram::from_values(1, 7, [2, 4])).unwrap();
        assert!(close(e.score, 66.667));
        // sd = 1.4142 → SE = 100 · 1.4142 / (6 · 1.4142) = 16.67
        assert!(close(e.se.unwrap(), 16.667));
    }

    #[test]
    fn top_box_of_the_worked_example() {
        // 5, 4, 2, 1 with threshold 4: q = 0.5 → 50; SE = 100 · √(0.25 / 4) = 25
        let e = Metric::top_box(1, 5, 4)
            .score(&Histogram::from_values(1, 5, [5, 4, 2, 1]))
            .unwrap();
        assert!(close(e.score, 50.0));
        assert!(close(e.se.unwrap(), 25.0));
    }

    #[test]
    fn top_box_defaults_and_lower_is_better() {
        let mut m = Metric::top_box(1, 7, 0);
        m.threshold = None;
        assert_eq!(m.threshold(), 6);
        m.higher_is_better = false;
        assert_eq!(m.threshold(), 2);
        // answers 1, 2, 3, 7: two at or below 2 → 50
        let e = m
            .score(&Histogram::from_values(1, 7, [1, 2, 3, 7]))
            .unwrap();
        assert!(close(e.score, 50.0));
    }

    #[test]
    fn nps_of_the_worked_example() {
        // 10, 9, 8, 6, 3: p = 0.4, d = 0.4 → NPS 0 → 50; SE = 50 · √(0.8 / 5) = 20
        let e = Metric::nps()
            .score(&Histogram::from_values(0, 10, [10, 9, 8, 6, 3]))
            .unwrap();
        assert!(close(e.score, 50.0));
        assert!(close(e.se.unwrap(), 20.0));
    }

    #[test]
    fn all_promoters_score_100_with_no_spread() {
        let e = Metric::nps()
            .score(&Histogram::from_values(0, 10, [9, 10, 10]))
            .unwrap();
        assert!(close(e.score, 100.0));
        assert!(close(e.se.unwrap(), 0.0));
    }

    #[test]
    fn no_answers_no_score_and_one_answer_no_se() {
        assert_eq!(Metric::mean(1, 5).score(&Histogram::new(1, 5)), None);
        let one = Metric::mean(1, 5)
            .score(&Histogram::from_values(1, 5, [2]))
            .unwrap();
        assert!(close(one.score, 25.0));
        assert_eq!(one.se, None);
    }

    #[test]
    fn broken_metrics_say_why() {
        assert!(Metric::mean(5, 5).problem().is_some());
        let mut nps = Metric::nps();
        nps.max = 5;
        assert_eq!(
            nps.problem().as_deref(),
            Some("an NPS question is answered on 0–10")
        );
        assert!(Metric::top_box(1, 5, 9).problem().is_some());
        assert_eq!(Metric::mean(1, 5).problem(), None);
    }

    #[test]
    fn single_answers_score_for_the_loyalty_link() {
        assert_eq!(Metric::nps().answer_score(9), 100.0);
        assert_eq!(Metric::nps().answer_score(7), 50.0);
        assert_eq!(Metric::nps().answer_score(6), 0.0);
        assert_eq!(Metric::mean(1, 5).answer_score(4), 75.0);
        assert_eq!(Metric::top_box(1, 5, 4).answer_score(4), 100.0);
    }
}
