//! What a score warns about (§4): below the alert threshold, too few answers, or no data.

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

/// The thresholds a map sets for its flags.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Thresholds {
    pub alert_below: u32,
    pub low_sample: u64,
}

impl Thresholds {
    pub fn flags(self, score: Option<f64>, n: u64) -> Vec<Flag> {
        let Some(score) = score else {
            return vec![Flag::NoData];
        };
        let mut flags = Vec::new();
        if score < f64::from(self.alert_below) {
            flags.push(Flag::BelowAlert);
        }
        if n < self.low_sample {
            flags.push(Flag::LowSample);
        }
        flags
    }
}

impl crate::model::Scoring {
    pub fn thresholds(&self) -> Thresholds {
        Thresholds {
            alert_below: self.alert_below,
            low_sample: self.low_sample,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thresholds_come_from_the_settings() {
        let settings = crate::model::Scoring::default().thresholds();
        assert_eq!(settings.flags(None, 0), [Flag::NoData]);
        assert_eq!(settings.flags(Some(59.9), 30), [Flag::BelowAlert]);
        assert_eq!(settings.flags(Some(60.0), 29), [Flag::LowSample]);
        assert_eq!(settings.flags(Some(60.0), 30), []);
        let strict = Thresholds {
            alert_below: 80,
            low_sample: 100,
        };
        assert_eq!(
            strict.flags(Some(70.0), 50),
            [Flag::BelowAlert, Flag::LowSample]
        );
    }
}
