//! What a score warns about (§4): below the alert threshold, too few answers, or no data.

use crate::model::Scoring;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Flag {
    BelowAlert,
    LowSample,
    NoData,
}

impl Flag {
    pub fn label(self) -> &'static str {
        match self {
            Flag::BelowAlert => "below alert",
            Flag::LowSample => "low sample",
            Flag::NoData => "no data",
        }
    }

    pub fn slug(self) -> &'static str {
        match self {
            Flag::BelowAlert => "below-alert",
            Flag::LowSample => "low-sample",
            Flag::NoData => "no-data",
        }
    }
}

pub fn flags(score: Option<f64>, n: u64, settings: &Scoring) -> Vec<Flag> {
    let Some(score) = score else {
        return vec![Flag::NoData];
    };
    let mut flags = Vec::new();
    if score < f64::from(settings.alert_below) {
        flags.push(Flag::BelowAlert);
    }
    if n < settings.low_sample {
        flags.push(Flag::LowSample);
    }
    flags
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thresholds_come_from_the_settings() {
        let settings = Scoring::default();
        assert_eq!(flags(None, 0, &settings), [Flag::NoData]);
        assert_eq!(flags(Some(59.9), 30, &settings), [Flag::BelowAlert]);
        assert_eq!(flags(Some(60.0), 29, &settings), [Flag::LowSample]);
        assert_eq!(flags(Some(60.0), 30, &settings), []);
        let strict = Scoring {
            alert_below: 80,
            low_sample: 100,
            ..Scoring::default()
        };
        assert_eq!(
            flags(Some(70.0), 50, &strict),
            [Flag::BelowAlert, Flag::LowSample]
        );
    }
}
