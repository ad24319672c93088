//! The open map's scores for the chosen slice, computed once per change and shared with every
//! card and stage head through a yew context instead of props through the whole grid.

use std::rc::Rc;

use journey_core::score::flags::{Flag, Thresholds};
use journey_core::score::{Estimate, Scores, Slice};
use journey_core::{Id, JourneyMap};

#[derive(Debug, PartialEq)]
pub struct ScoreContext {
    /// Shared, so panels take it without copying.
    pub scores: Rc<Scores>,
    pub thresholds: Thresholds,
    pub slice: Slice,
    /// Whether any card is measured; without one, the score UI stays out of the way.
    pub measuring: bool,
    /// The map is a to-be journey, whose touchpoints can have targets.
    pub planning: bool,
}

pub type ScoreHandle = Rc<ScoreContext>;

impl ScoreContext {
    pub fn of(map: &JourneyMap, slice: &Slice) -> ScoreContext {
        ScoreContext {
            scores: Rc::new(map.scores(slice)),
            thresholds: map.scoring.thresholds(),
            slice: slice.clone(),
            measuring: map.cards.iter().any(|c| c.measure.is_some()),
            planning: map.as_is.is_some(),
        }
    }

    pub fn card(&self, id: Id) -> Option<(Option<Estimate>, Vec<Flag>)> {
        let t = self.scores.touchpoint(id)?;
        let (score, n) = (t.estimate.map(|e| e.score), t.estimate.map_or(0, |e| e.n));
        Some((t.estimate, self.thresholds.flags(score, n)))
    }

    pub fn stage(&self, id: Id) -> Option<(Option<f64>, u64, Vec<Flag>)> {
        let s = self.scores.stage(id)?;
        Some((s.score, s.n, self.thresholds.flags(s.score, s.n)))
    }
}
