//! Key drivers (`docs/scoring.md`, §6): how strongly each touchpoint's answers go with the loyalty
//! answer, and how much of loyalty each one explains when touchpoints move together, by Johnson's
//! relative weights. From the same respondent sums as the loyalty link; no rows.

use super::journey::{Plan, Scores};
use super::loyalty::{correlation, pearson, LoyaltyLink, Respondents};
use crate::model::{Id, Scoring, Weight, WeightsSource};
use crate::order;

/// One touchpoint as a driver of loyalty.
#[derive(Clone, Debug, PartialEq)]
pub struct Driver {
    pub card: Id,
    /// Its correlation with the loyalty answer, over the respondents who answered it.
    pub link: LoyaltyLink,
    /// Its relative weight: its part of R², the loyalty variance all the drivers explain.
    pub importance: f64,
    /// `importance / R²`: its share of what the drivers explain (0–1).
    pub share: f64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Drivers {
    /// Largest importance first.
    pub drivers: Vec<Driver>,
    pub r_squared: f64,
}

/// Sums of the respondents who answered both touchpoints of a pair (or, on the diagonal, one).
#[derive(Clone, Copy, Default)]
struct Moments {
    n: u64,
    a: f64,
    b: f64,
    aa: f64,
    bb: f64,
    ab: f64,
}

impl Moments {
    fn r(&self) -> Option<f64> {
        // Touchpoints are compared over however many respondents answered both; fewer than
        // three cannot show a relation, so none is assumed.
        if self.n < 3 {
            return None;
        }
        pearson(self.n, self.a, self.b, self.aa, self.bb, self.ab)
    }
}

impl Respondents {
    /// The key drivers among the plan's touchpoints, each with at least ten respondents and some
    /// spread in its answers and in loyalty. None without two such touchpoints' worth of data.
    pub fn drivers(&self, plan: &Plan) -> Option<Drivers> {
        let cards: Vec<Id> = plan.touchpoints().map(|t| t.card).collect();
        let p = cards.len();
        let mut with_loyalty = vec![Moments::default(); p];
        let mut pairs = vec![Moments::default(); p * p];
        for pattern in &self.patterns {
            let at: Vec<(usize, usize)> = pattern
                .cards
                .iter()
                .enumerate()
                .filter_map(|(i, card)| cards.iter().position(|c| c == card).map(|d| (i, d)))
                .collect();
            for &(i, d) in &at {
                let m = &mut with_loyalty[d];
                m.n += pattern.n;
                m.a += pattern.sums[i];
                m.aa += pattern.product(i, i);
                m.b += pattern.loyalty;
                m.bb += pattern.loyalty_squares;
                m.ab += pattern.with_loyalty[i];
                for &(j, e) in &at {
                    let m = &mut pairs[d * p + e];
                    m.n += pattern.n;
                    m.a += pattern.sums[i];
                    m.b += pattern.sums[j];
                    m.aa += pattern.product(i, i);
                    m.bb += pattern.product(j, j);
                    m.ab += pattern.product(i, j);
                }
            }
        }
        let kept: Vec<(usize, LoyaltyLink)> = (0..p)
            .filter_map(|d| {
                let m = with_loyalty[d];
                correlation(m.n, m.a, m.b, m.aa, m.bb, m.ab).map(|link| (d, link))
            })
            .collect();
        if kept.is_empty() {
            return None;
        }
        let r_xx: Vec<Vec<f64>> = kept
            .iter()
            .map(|(d, _)| {
                kept.iter()
                    .map(|(e, _)| {
                        if d == e {
                            1.0
                        } else {
                            pairs[d * p + e].r().unwrap_or(0.0)
                        }
                    })
                    .collect()
            })
            .collect();
        let r_xy: Vec<f64> = kept.iter().map(|(_, link)| link.r).collect();
        let importance = relative_weights(&r_xx, &r_xy);
        let r_squared: f64 = importance.iter().sum();
        let mut drivers: Vec<Driver> = kept
            .iter()
            .zip(importance)
            .map(|((d, link), importance)| Driver {
                card: cards[*d],
                link: *link,
                importance,
                share: if r_squared > 0.0 {
                    importance / r_squared
                } else {
                    0.0
                },
            })
            .collect();
        order::sort_by(&mut drivers, |a, b| b.importance.total_cmp(&a.importance));
        Some(Drivers { drivers, r_squared })
    }
}

/// Weights the answers suggest: touchpoints and stages, and the touchpoints the data say nothing
/// about, which keep the average weight of their stage's drivers.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SuggestedWeights {
    pub stages: Vec<(Id, Weight)>,
    pub touchpoints: Vec<(Id, Weight)>,
    pub without_data: Vec<Id>,
}

/// Suggested weights are percentages of importance with one decimal; none goes below this, so
/// no measured touchpoint drops out of the score because the data barely rank it.
pub const LEAST_SUGGESTED: f64 = 0.1;

impl Drivers {
    /// Each driver weighs its share of importance, in percent, and each stage the sum of its
    /// drivers' weights; then every driver's part of the journey score, c_t, is its share.
    /// Stages without a driver keep their weights.
    pub fn suggest(&self, plan: &Plan) -> SuggestedWeights {
        let percent = |share: f64| ((share * 1000.0).round() / 10.0).max(LEAST_SUGGESTED);
        let mut out = SuggestedWeights::default();
        for stage in &plan.stages {
            let suggested: Vec<(Id, f64)> = stage
                .touchpoints
                .iter()
                .filter_map(|t| {
                    let d = self.drivers.iter().find(|d| d.card == t.card)?;
                    Some((t.card, percent(d.share)))
                })
                .collect();
            if suggested.is_empty() {
                continue;
            }
            let total: f64 = suggested.iter().map(|(_, w)| w).sum();
            let average = ((total / suggested.len() as f64) * 10.0).round() / 10.0;
            for t in &stage.touchpoints {
                match suggested.iter().find(|(card, _)| *card == t.card) {
                    Some((card, w)) => out.touchpoints.push((*card, Weight(*w))),
                    None => {
                        out.touchpoints.push((t.card, Weight(average)));
                        out.without_data.push(t.card);
                    }
                }
            }
            out.stages
                .push((stage.id, Weight((total * 10.0).round() / 10.0)));
        }
        out
    }

    /// The "fix first" quadrant: drivers above the average share of importance whose score is
    /// below the journey score.
    pub fn fix_first(&self, scores: &Scores) -> Vec<Id> {
        let Some(journey) = &scores.journey else {
            return Vec::new();
        };
        let average = 1.0 / self.drivers.len() as f64;
        self.drivers
            .iter()
            .filter(|d| d.share >= average)
            .filter(|d| {
                scores
                    .touchpoint(d.card)
                    .and_then(|t| t.estimate)
                    .is_some_and(|e| e.score < journey.score)
            })
            .map(|d| d.card)
            .collect()
    }
}

impl WeightsSource {
    /// Where the weights came from, in a sentence.
    pub fn describe(&self) -> String {
        let answers = match (&self.period, &self.segment) {
            (Some(p), Some(s)) => format!("period {p}, segment {s}"),
            (Some(p), None) => format!("period {p}"),
            (None, Some(s)) => format!("segment {s}"),
            (None, None) => "all answers".into(),
        };
        format!(
            "Weights derived from the key drivers of {} respondents ({answers}; loyalty question “{}”), applied {}.",
            self.respondents, self.loyalty_question, self.applied
        )
    }
}

impl Scoring {
    /// Where the map's weights came from, in a sentence.
    pub fn weights_described(&self) -> String {
        self.weights_from.as_ref().map_or_else(
            || "Weights typed on the map.".to_string(),
            WeightsSource::describe,
        )
    }
}

/// Johnson's relative weights: with R = V·diag(λ)·Vᵀ the touchpoints' correlations, Λ = R^½ and
/// β = R^-½·r_y, touchpoint j's weight is Σ_k Λ_jk²·β_k². They are never negative and sum to
/// R² = r_yᵀ·R⁻¹·r_y. Directions with no variance (λ ≈ 0, touchpoints that duplicate each other)
/// are left out of the inverse.
pub fn relative_weights(r_xx: &[Vec<f64>], r_xy: &[f64]) -> Vec<f64> {
    let p = r_xy.len();
    let (values, vectors) = symmetric_eigen(r_xx);
    let root = |f: &dyn Fn(f64) -> f64| -> Vec<Vec<f64>> {
        (0..p)
            .map(|i| {
                (0..p)
                    .map(|j| {
                        (0..p)
                            .map(|k| vectors[i][k] * f(values[k]) * vectors[j][k])
                            .sum()
                    })
                    .collect()
            })
            .collect()
    };
    let lambda = root(&|v| v.max(0.0).sqrt());
    let inverse = root(&|v| if v > 1e-9 { 1.0 / v.sqrt() } else { 0.0 });
    let beta: Vec<f64> = (0..p)
        .map(|k| (0..p).map(|j| inverse[k][j] * r_xy[j]).sum())
        .collect();
    (0..p)
        .map(|j| (0..p).map(|k| lambda[j][k].powi(2) * beta[k].powi(2)).sum())
        .collect()
}

/// Eigenvalues and eigenvectors (as columns) of a small symmetric matrix by cyclic Jacobi
/// rotations: a few dozen lines for matrices of a few dozen touchpoints, where a linear-algebra
/// crate would add far more to the wasm than it saves.
fn symmetric_eigen(matrix: &[Vec<f64>]) -> (Vec<f64>, Vec<Vec<f64>>) {
    let p = matrix.len();
    let mut a: Vec<Vec<f64>> = matrix.to_vec();
    let mut v: Vec<Vec<f64>> = (0..p)
        .map(|i| (0..p).map(|j| f64::from(u8::from(i == j))).collect())
        .collect();
    for _sweep in 0..100 {
        let off: f64 = (0..p)
            .flat_map(|i| (0..p).filter(move |&j| j != i).map(move |j| (i, j)))
            .map(|(i, j)| a[i][j] * a[i][j])
            .sum();
        if off < 1e-22 {
            break;
        }
        for i in 0..p {
            for j in i + 1..p {
                if a[i][j].abs() < 1e-300 {
                    continue;
                }
                let theta = (a[j][j] - a[i][i]) / (2.0 * a[i][j]);
                let t = theta.signum() / (theta.abs() + (theta * theta + 1.0).sqrt());
                let c = 1.0 / (t * t + 1.0).sqrt();
                let s = t * c;
                // A = Jᵀ·A·J: columns i and j, then rows i and j; V = V·J.
                for row in a.iter_mut().chain(v.iter_mut()) {
                    let (ki, kj) = (row[i], row[j]);
                    row[i] = c * ki - s * kj;
                    row[j] = s * ki + c * kj;
                }
                let (upper, lower) = a.split_at_mut(j);
                for (x, y) in upper[i].iter_mut().zip(lower[0].iter_mut()) {
                    let (ik, jk) = (*x, *y);
                    *x = c * ik - s * jk;
                    *y = s * ik + c * jk;
                }
            }
        }
    }
    ((0..p).map(|i| a[i][i]).collect(), v)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64, tolerance: f64) -> bool {
        (a - b).abs() < tolerance
    }

    /// Three touchpoints correlated 0.5 with each other, 0.6, 0.5 and 0.4 with loyalty. R has the
    /// eigenvalues 2 (along (1,1,1)/√3) and 0.5 (twice), so R^½ = (√2 − √½)/3·J + √½·I: 0.94281
    /// on the diagonal, 0.23570 off it; R^-½ = 1.17851 and −0.23570. β = R^-½·r_y = (0.49497,
    /// 0.35355, 0.21213); ε_j = Σ_k Λ_jk²·β_k² with Λ² = 0.88889 and 0.05556:
    /// ε = (0.22722, 0.12722, 0.06056), summing to 0.415. Directly, R⁻¹ = 1.5 on the diagonal and
    /// −0.5 off it, so R² = 1.5·0.77 − 2·0.5·0.74 = 0.415.
    #[test]
    fn relative_weights_of_three_correlated_touchpoints_by_hand() {
        let r_xx = vec![
            vec![1.0, 0.5, 0.5],
            vec![0.5, 1.0, 0.5],
            vec![0.5, 0.5, 1.0],
        ];
        let weights = relative_weights(&r_xx, &[0.6, 0.5, 0.4]);
        for (got, want) in weights.iter().zip([0.227_222, 0.127_222, 0.060_556]) {
            assert!(close(*got, want, 1e-5), "{weights:?}");
        }
        assert!(close(weights.iter().sum(), 0.415, 1e-9));
    }

    #[test]
    fn uncorrelated_touchpoints_weigh_their_squared_correlations() {
        let r_xx = vec![
            vec![1.0, 0.0, 0.0],
            vec![0.0, 1.0, 0.0],
            vec![0.0, 0.0, 1.0],
        ];
        let weights = relative_weights(&r_xx, &[0.6, -0.3, 0.1]);
        for (got, want) in weights.iter().zip([0.36, 0.09, 0.01]) {
            assert!(close(*got, want, 1e-12), "{weights:?}");
        }
    }

    #[test]
    fn a_duplicated_touchpoint_splits_its_importance() {
        // Two identical touchpoints (r = 1 between them): R is singular; each takes half of r².
        let r_xx = vec![vec![1.0, 1.0], vec![1.0, 1.0]];
        let weights = relative_weights(&r_xx, &[0.6, 0.6]);
        assert!(close(weights[0], 0.18, 1e-9) && close(weights[1], 0.18, 1e-9));
    }
}
