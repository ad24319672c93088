//! The loyalty link (§4): how each respondent's own journey score goes with their loyalty answer,
//! kept as running sums so no respondent row has to be stored.

use super::Z95;
pub use crate::model::evidence::PairSums;

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LoyaltyLink {
    pub r: f64,
    pub n: u64,
    pub ci: (f64, f64),
}

/// Fewest respondents for which the link is reported.
pub const MIN_PAIRS: u64 = 10;

impl PairSums {
    pub fn add(&mut self, x: f64, y: f64) {
        self.n += 1;
        self.x += x;
        self.y += y;
        self.xx += x * x;
        self.yy += y * y;
        self.xy += x * y;
    }

    pub fn merge(&mut self, other: &PairSums) {
        self.n += other.n;
        self.x += other.x;
        self.y += other.y;
        self.xx += other.xx;
        self.yy += other.yy;
        self.xy += other.xy;
    }

    /// Pearson r with a 95% interval from Fisher's z; none below ten pairs or without spread.
    pub fn link(&self) -> Option<LoyaltyLink> {
        if self.n < MIN_PAIRS {
            return None;
        }
        let n = self.n as f64;
        let sxy = self.xy - self.x * self.y / n;
        let sxx = self.xx - self.x * self.x / n;
        let syy = self.yy - self.y * self.y / n;
        if sxx <= 0.0 || syy <= 0.0 {
            return None;
        }
        let r = (sxy / (sxx * syy).sqrt()).clamp(-1.0, 1.0);
        let z = r.clamp(-0.999_999, 0.999_999).atanh();
        let half = Z95 / (n - 3.0).sqrt();
        Some(LoyaltyLink {
            r,
            n: self.n,
            ci: ((z - half).tanh(), (z + half).tanh()),
        })
    }
}

impl LoyaltyLink {
    /// What r means, in a sentence for people who do not read statistics.
    pub fn sentence(&self) -> String {
        let strength = match self.r.abs() {
            a if a >= 0.5 => "strongly",
            a if a >= 0.3 => "moderately",
            a if a >= 0.1 => "weakly",
            _ => "hardly",
        };
        let direction = if self.r >= 0.0 { "more" } else { "less" };
        let sure = if self.ci.0 > 0.0 || self.ci.1 < 0.0 {
            "and the link is clear beyond chance"
        } else {
            "but with this many respondents it could still be chance"
        };
        format!(
            "Respondents with a better journey are {strength} {direction} loyal (r = {:.2}, n = {}), {sure}.",
            self.r, self.n
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sums(pairs: &[(f64, f64)]) -> PairSums {
        let mut s = PairSums::default();
        for &(x, y) in pairs {
            s.add(x, y);
        }
        s
    }

    #[test]
    fn a_perfect_line_has_r_one() {
        let pairs: Vec<(f64, f64)> = (0..12).map(|i| (i as f64 * 10.0, i as f64)).collect();
        let link = sums(&pairs).link().unwrap();
        assert!((link.r - 1.0).abs() < 1e-9);
        assert_eq!(link.n, 12);
    }

    #[test]
    fn r_and_the_fisher_interval_by_hand() {
        // x = 1..10, y = 2, 1, 4, 3, 6, 5, 8, 7, 10, 9: Σxy = 380, Sxy = 380 − 302.5 = 77.5,
        // Sxx = Syy = 82.5 → r = 0.93939
        let pairs: Vec<(f64, f64)> = (1..=10)
            .map(|i| {
                (
                    i as f64,
                    if i % 2 == 1 {
                        i as f64 + 1.0
                    } else {
                        i as f64 - 1.0
                    },
                )
            })
            .collect();
        let link = sums(&pairs).link().unwrap();
        assert!((link.r - 0.939394).abs() < 1e-5);
        // z = atanh r = ½ ln 32 = 1.73287; ± 1.96 / √7 = 0.74081 → tanh 0.99206 = 0.75824,
        // tanh 2.47368 = 0.98590
        assert!((link.ci.0 - 0.75824).abs() < 1e-4, "{:?}", link.ci);
        assert!((link.ci.1 - 0.98590).abs() < 1e-4, "{:?}", link.ci);
        assert!(link.sentence().starts_with(
            "Respondents with a better journey are strongly more loyal (r = 0.94, n = 10)"
        ));
    }

    #[test]
    fn too_few_or_flat_gives_nothing() {
        let few: Vec<(f64, f64)> = (0..9).map(|i| (i as f64, i as f64)).collect();
        assert_eq!(sums(&few).link(), None);
        let flat: Vec<(f64, f64)> = (0..20).map(|i| (i as f64, 5.0)).collect();
        assert_eq!(sums(&flat).link(), None);
    }

    #[test]
    fn merged_sums_equal_sums_of_everything() {
        let mut a = sums(&[(1.0, 2.0), (3.0, 5.0)]);
        a.merge(&sums(&[(4.0, 4.0)]));
        assert_eq!(a, sums(&[(1.0, 2.0), (3.0, 5.0), (4.0, 4.0)]));
    }
}
