//! The loyalty link (§4): how each respondent's own journey score goes with their loyalty answer.
//! Respondents are kept as sums grouped by the touchpoints they answered (`AnswerPattern`): within
//! a group each respondent's journey score is the same linear mix of their touchpoint scores, so
//! the link is exact for whatever weights the map has now, and no respondent row is stored.

use super::journey::Plan;
use super::Z95;
use crate::model::evidence::AnswerPattern;
pub use crate::model::evidence::PairSums;
use crate::model::Id;

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LoyaltyLink {
    pub r: f64,
    pub n: u64,
    pub ci: (f64, f64),
}

/// Fewest respondents for which the link is reported.
pub const MIN_PAIRS: u64 = 10;

/// Pearson r of paired sums with its 95% interval from Fisher's z; none below ten pairs or
/// without spread (a spread lost in rounding counts as none).
pub(crate) fn correlation(
    n: u64,
    x: f64,
    y: f64,
    xx: f64,
    yy: f64,
    xy: f64,
) -> Option<LoyaltyLink> {
    if n < MIN_PAIRS {
        return None;
    }
    let r = pearson(n, x, y, xx, yy, xy)?;
    let nf = n as f64;
    let z = r.clamp(-0.999_999, 0.999_999).atanh();
    let half = Z95 / (nf - 3.0).sqrt();
    Some(LoyaltyLink {
        r,
        n,
        ci: ((z - half).tanh(), (z + half).tanh()),
    })
}

/// Pearson r from paired sums; none without spread (a spread lost in rounding counts as none).
pub(crate) fn pearson(n: u64, x: f64, y: f64, xx: f64, yy: f64, xy: f64) -> Option<f64> {
    let nf = n as f64;
    let sxy = xy - x * y / nf;
    let sxx = xx - x * x / nf;
    let syy = yy - y * y / nf;
    (sxx > 1e-12 * xx.max(1.0) && syy > 1e-12 * yy.max(1.0))
        .then(|| (sxy / (sxx * syy).sqrt()).clamp(-1.0, 1.0))
}

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

    pub fn link(&self) -> Option<LoyaltyLink> {
        correlation(self.n, self.x, self.y, self.xx, self.yy, self.xy)
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
        let sure = if self.clear() {
            "and the link is clear beyond chance"
        } else {
            "but with this many respondents it could still be chance"
        };
        format!(
            "Respondents with a better journey are {strength} {direction} loyal (r = {:.2}, n = {}), {sure}.",
            self.r, self.n
        )
    }

    /// Whether the interval leaves out zero.
    pub fn clear(&self) -> bool {
        self.ci.0 > 0.0 || self.ci.1 < 0.0
    }
}

/// Where Σ a_t·a_u (t ≤ u) sits in `products`, for `p` cards.
pub(crate) fn product_index(p: usize, t: usize, u: usize) -> usize {
    let (t, u) = if t <= u { (t, u) } else { (u, t) };
    t * p - t * (t + 1) / 2 + u
}

impl AnswerPattern {
    pub fn new(cards: Vec<Id>) -> AnswerPattern {
        let p = cards.len();
        AnswerPattern {
            cards,
            n: 0,
            sums: vec![0.0; p],
            products: vec![0.0; p * (p + 1) / 2],
            with_loyalty: vec![0.0; p],
            loyalty: 0.0,
            loyalty_squares: 0.0,
        }
    }

    /// One respondent: their score per card (in `cards` order) and their loyalty answer.
    pub fn add(&mut self, scores: &[f64], y: f64) {
        self.n += 1;
        // Row by row through the upper triangle, in the order `product_index` gives.
        let mut rest = &mut self.products[..];
        for (t, a) in scores.iter().enumerate() {
            self.sums[t] += a;
            self.with_loyalty[t] += a * y;
            let (row, tail) = std::mem::take(&mut rest).split_at_mut(scores.len() - t);
            for (sum, b) in row.iter_mut().zip(&scores[t..]) {
                *sum += a * b;
            }
            rest = tail;
        }
        self.loyalty += y;
        self.loyalty_squares += y * y;
    }

    /// Adds another group of respondents who answered the same cards.
    pub fn merge(&mut self, other: &AnswerPattern) {
        debug_assert_eq!(self.cards, other.cards);
        self.n += other.n;
        let add = |a: &mut Vec<f64>, b: &[f64]| a.iter_mut().zip(b).for_each(|(a, b)| *a += b);
        add(&mut self.sums, &other.sums);
        add(&mut self.products, &other.products);
        add(&mut self.with_loyalty, &other.with_loyalty);
        self.loyalty += other.loyalty;
        self.loyalty_squares += other.loyalty_squares;
    }

    pub fn product(&self, t: usize, u: usize) -> f64 {
        self.products[product_index(self.cards.len(), t, u)]
    }

    /// The same respondents as if they had not answered `card`: exact, since the other sums do not
    /// involve it.
    pub fn without(&self, card: Id) -> AnswerPattern {
        let keep: Vec<usize> = (0..self.cards.len())
            .filter(|&t| self.cards[t] != card)
            .collect();
        let mut out = AnswerPattern::new(keep.iter().map(|&t| self.cards[t]).collect());
        out.n = self.n;
        for (i, &t) in keep.iter().enumerate() {
            out.sums[i] = self.sums[t];
            out.with_loyalty[i] = self.with_loyalty[t];
            for (j, &u) in keep.iter().enumerate().skip(i) {
                out.products[product_index(keep.len(), i, j)] = self.product(t, u);
            }
        }
        out.loyalty = self.loyalty;
        out.loyalty_squares = self.loyalty_squares;
        out
    }

    /// The sums of (journey score, loyalty) of these respondents under the plan's weights: each
    /// one's journey score is Σ c_t·a_t with the same c for the whole group.
    fn pair_sums(&self, weights: &PlanWeights) -> PairSums {
        let c = weights.coefficients(&self.cards);
        if c.iter().all(|c| *c == 0.0) {
            return PairSums::default();
        }
        let mut sums = PairSums {
            n: self.n,
            y: self.loyalty,
            yy: self.loyalty_squares,
            ..PairSums::default()
        };
        for (t, ct) in c.iter().enumerate().filter(|(_, c)| **c != 0.0) {
            sums.x += ct * self.sums[t];
            sums.xy += ct * self.with_loyalty[t];
            for (u, cu) in c.iter().enumerate().filter(|(_, c)| **c != 0.0) {
                sums.xx += ct * cu * self.product(t, u);
            }
        }
        sums
    }
}

/// Each measured card with its stage (by index), its weight and its stage's weight; searched in
/// place, as a plan has few touchpoints.
pub(crate) struct PlanWeights(Vec<(Id, usize, f64, f64)>);

impl PlanWeights {
    pub(crate) fn of(plan: &Plan) -> PlanWeights {
        let mut cards = Vec::new();
        for (k, stage) in plan.stages.iter().enumerate() {
            for t in &stage.touchpoints {
                cards.push((t.card, k, t.weight, stage.weight));
            }
        }
        PlanWeights(cards)
    }

    /// c_t for a respondent who answered exactly `cards`: (W_k / Σ W) · (w_t / Σ_k w) over the
    /// stages and touchpoints they answered that count; 0 for the rest.
    fn coefficients(&self, cards: &[Id]) -> Vec<f64> {
        let place: Vec<Option<(usize, f64, f64)>> = cards
            .iter()
            .map(|card| {
                let (_, k, w, sw) = *self.0.iter().find(|entry| entry.0 == *card)?;
                (w > 0.0 && sw > 0.0).then_some((k, w, sw))
            })
            .collect();
        let mut stage_sums: Vec<(usize, f64, f64)> = Vec::new();
        for (k, w, sw) in place.iter().flatten() {
            match stage_sums.iter_mut().find(|(s, _, _)| s == k) {
                Some(entry) => entry.1 += w,
                None => stage_sums.push((*k, *w, *sw)),
            }
        }
        let total: f64 = stage_sums.iter().map(|(_, _, sw)| sw).sum();
        place
            .iter()
            .map(|p| match p {
                Some((k, w, sw)) => {
                    let inside = stage_sums
                        .iter()
                        .find(|(s, _, _)| s == k)
                        .map_or(1.0, |s| s.1);
                    sw / total * w / inside
                }
                None => 0.0,
            })
            .collect()
    }
}

/// The loyalty link as the panel states it: the figures, and what they stand on.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LinkReport {
    pub link: Option<LoyaltyLink>,
    /// Some respondents come from an import made before schema 4: their journey scores used the
    /// weights of that day and do not follow later changes.
    pub at_import: bool,
    /// Cards whose measure changed after the import, left out of the respondents' scores.
    pub left_out: Vec<Id>,
}

impl LinkReport {
    /// What the link stands on, in words, when it is not simply the current weights.
    pub fn caveat(&self) -> Option<&'static str> {
        match (self.at_import, self.left_out.is_empty()) {
            (true, _) => Some(
                "Computed with the weights at import; re-import the file to update it.",
            ),
            (false, false) => Some(
                "Leaves out touchpoints whose measure changed after the import; re-import the file to include them.",
            ),
            (false, true) => None,
        }
    }
}

/// The respondents of a slice, merged: one group per answer pattern.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Respondents {
    pub patterns: Vec<AnswerPattern>,
    pub at_import: Option<PairSums>,
    pub left_out: Vec<Id>,
}

impl Respondents {
    pub fn n(&self) -> u64 {
        self.patterns.iter().map(|p| p.n).sum::<u64>() + self.at_import.map_or(0, |s| s.n)
    }

    /// The loyalty link under the plan's current weights.
    pub fn link(&self, plan: &Plan) -> LinkReport {
        let weights = PlanWeights::of(plan);
        let mut sums = self.at_import.unwrap_or_default();
        for pattern in &self.patterns {
            sums.merge(&pattern.pair_sums(&weights));
        }
        LinkReport {
            link: sums.link(),
            at_import: self.at_import.is_some(),
            left_out: self.left_out.clone(),
        }
    }
}

/// Merges `pattern` into the group with the same cards, or adds it.
pub fn merge_pattern(patterns: &mut Vec<AnswerPattern>, pattern: &AnswerPattern) {
    match patterns.iter_mut().find(|p| p.cards == pattern.cards) {
        Some(same) => same.merge(pattern),
        None => {
            let at = patterns.partition_point(|p| p.cards < pattern.cards);
            patterns.insert(at, pattern.clone());
        }
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
