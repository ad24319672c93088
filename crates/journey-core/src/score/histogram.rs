//! Answers to one question, kept as a count per scale value. Every figure of the score is exact
//! from these counts, and a million answers take a few numbers.

pub use crate::model::evidence::Histogram;

impl Histogram {
    /// An empty histogram for the integer scale `min..=max`.
    pub fn new(min: i32, max: i32) -> Histogram {
        let len = usize::try_from(i64::from(max) - i64::from(min) + 1).unwrap_or(0);
        Histogram {
            min,
            counts: vec![0; len],
        }
    }

    pub fn from_values(min: i32, max: i32, values: impl IntoIterator<Item = i32>) -> Histogram {
        let mut histogram = Histogram::new(min, max);
        for value in values {
            histogram.add(value, 1);
        }
        histogram
    }

    pub fn max(&self) -> i32 {
        self.min + self.counts.len() as i32 - 1
    }

    /// Adds `count` answers of `value`; false (and nothing added) when it is off the scale.
    pub fn add(&mut self, value: i32, count: u64) -> bool {
        let Some(slot) = usize::try_from(i64::from(value) - i64::from(self.min))
            .ok()
            .and_then(|i| self.counts.get_mut(i))
        else {
            return false;
        };
        *slot += count;
        true
    }

    /// Adds another histogram of the same scale; false when the scales differ.
    pub fn merge(&mut self, other: &Histogram) -> bool {
        if other.min != self.min || other.counts.len() != self.counts.len() {
            return false;
        }
        for (mine, theirs) in self.counts.iter_mut().zip(&other.counts) {
            *mine += theirs;
        }
        true
    }

    fn values(&self) -> impl Iterator<Item = (f64, f64)> + '_ {
        self.counts
            .iter()
            .enumerate()
            .filter(|(_, &c)| c > 0)
            .map(move |(i, &c)| (f64::from(self.min) + i as f64, c as f64))
    }

    pub fn n(&self) -> u64 {
        self.counts.iter().sum()
    }

    pub fn mean(&self) -> Option<f64> {
        let n = self.n();
        (n > 0).then(|| self.values().map(|(v, c)| v * c).sum::<f64>() / n as f64)
    }

    /// The sample standard deviation (n − 1 in the denominator); none below two answers.
    pub fn sd(&self) -> Option<f64> {
        let n = self.n();
        let mean = self.mean()?;
        (n >= 2).then(|| {
            let squares: f64 = self.values().map(|(v, c)| c * (v - mean).powi(2)).sum();
            (squares / (n - 1) as f64).sqrt()
        })
    }

    /// The share of answers for which `keep(value)` holds.
    pub fn share(&self, keep: impl Fn(i32) -> bool) -> Option<f64> {
        let n = self.n();
        let kept: u64 = self
            .counts
            .iter()
            .enumerate()
            .filter(|(i, _)| keep(self.min + *i as i32))
            .map(|(_, c)| c)
            .sum();
        (n > 0).then(|| kept as f64 / n as f64)
    }
}

impl Histogram {
    /// `n` whole answers whose mean and standard deviation come as close to the given ones as
    /// the scale allows, for a report that gives only n, mean and sd. Starts from the tightest
    /// spread around the mean and widens it symmetrically (the mean stays put) while that brings
    /// the sd closer.
    pub fn approximate(min: i32, max: i32, n: u64, mean: f64, sd: f64) -> Histogram {
        let mut h = Histogram::new(min, max);
        if n == 0 || max <= min {
            return h;
        }
        let mean = mean.clamp(f64::from(min), f64::from(max));
        let low = (mean.floor() as i32).min(max - 1);
        let high_count = ((mean - f64::from(low)) * n as f64).round() as u64;
        h.add(low, n - high_count.min(n));
        h.add(low + 1, high_count.min(n));
        let gap = |h: &Histogram| (h.sd().unwrap_or(0.0) - sd).abs();
        // Answers move in batches so a large n takes about two hundred steps at most.
        let batch = (n / 200).max(1);
        loop {
            let len = h.counts.len();
            let mut best: Option<(f64, Histogram)> = None;
            for down in (1..len).filter(|&i| h.counts[i] >= batch) {
                for up in (0..len - 1).filter(|&j| h.counts[j] >= batch && j != down) {
                    let mut wider = h.clone();
                    wider.counts[down] -= batch;
                    wider.counts[down - 1] += batch;
                    wider.counts[up] -= batch;
                    wider.counts[up + 1] += batch;
                    let g = gap(&wider);
                    if best.as_ref().is_none_or(|(b, _)| g < *b) {
                        best = Some((g, wider));
                    }
                }
            }
            match best {
                Some((g, wider)) if g < gap(&h) => h = wider,
                _ => break,
            }
        }
        h
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn approximations_keep_n_and_come_close_to_mean_and_sd() {
        let h = Histogram::approximate(1, 5, 40, 3.6, 1.0);
        assert_eq!(h.n(), 40);
        assert!((h.mean().unwrap() - 3.6).abs() < 0.05, "{:?}", h);
        assert!((h.sd().unwrap() - 1.0).abs() < 0.15, "{:?}", h);
        let tight = Histogram::approximate(1, 5, 10, 4.0, 0.0);
        assert_eq!(tight.counts, [0, 0, 0, 10, 0]);
        assert_eq!(Histogram::approximate(1, 5, 0, 3.0, 1.0).n(), 0);
    }

    #[test]
    fn counts_means_and_sample_sd() {
        let h = Histogram::from_values(1, 5, [5, 4, 4, 3]);
        assert_eq!(h.counts, [0, 0, 1, 2, 1]);
        assert_eq!(h.n(), 4);
        assert_eq!(h.mean(), Some(4.0));
        // squares 1 + 0 + 0 + 1 = 2, over n − 1 = 3
        assert!((h.sd().unwrap() - (2.0f64 / 3.0).sqrt()).abs() < 1e-12);
        assert_eq!(h.share(|v| v >= 4), Some(0.75));
    }

    #[test]
    fn off_scale_values_are_refused() {
        let mut h = Histogram::new(0, 10);
        assert!(!h.add(11, 1));
        assert!(!h.add(-1, 1));
        assert!(h.add(10, 3));
        assert_eq!(h.n(), 3);
        assert_eq!(h.max(), 10);
    }

    #[test]
    fn empty_and_single_answers_have_no_spread() {
        assert_eq!(Histogram::new(1, 5).mean(), None);
        assert_eq!(Histogram::from_values(1, 5, [3]).sd(), None);
    }

    #[test]
    fn merging_adds_counts_of_the_same_scale_only() {
        let mut a = Histogram::from_values(1, 5, [1, 2]);
        assert!(a.merge(&Histogram::from_values(1, 5, [2, 5])));
        assert_eq!(a.counts, [1, 2, 0, 0, 1]);
        assert!(!a.merge(&Histogram::new(0, 10)));
    }
}
