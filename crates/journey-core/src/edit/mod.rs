//! Every change a user can make to a map, as data. The app dispatches these; the history keeps
//! snapshots around them for undo. `apply` hands each edit to a method of its concern: the map's
//! structure (`structure`: name, stages, lanes), its cards (`cards`), personas and their
//! feelings (`personas`), and its scoring (`scoring`: weights, measures, answers, settings).

use std::fmt;

mod cards;
mod personas;
mod scoring;
pub use scoring::WeightsProposal;
mod structure;
#[cfg(test)]
mod tests;
mod versions;

use crate::model::evidence::{Evidence, LoyaltyEvidence};
use crate::model::survey_mapping::SurveyMapping;
use crate::model::{
    Card, Channel, Id, JourneyMap, Lane, LaneKind, Measure, Millis, Persona, Stage, Weight,
    WeightsSource, EMOTION_MAX, EMOTION_MIN, TARGET_MAX,
};

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Edit {
    RenameMap(String),
    SetMapDescription(String),
    AddStage {
        name: String,
    },
    RenameStage {
        stage: Id,
        name: String,
    },
    SetStageDescription {
        stage: Id,
        description: String,
    },
    /// Moves the stage so that it ends up at index `to`.
    MoveStage {
        stage: Id,
        to: usize,
    },
    /// Removes the stage with its cards and emotion points.
    DeleteStage {
        stage: Id,
    },
    AddLane {
        kind: LaneKind,
        title: String,
    },
    RenameLane {
        lane: Id,
        title: String,
    },
    MoveLane {
        lane: Id,
        to: usize,
    },
    DeleteLane {
        lane: Id,
    },
    AddCard {
        lane: Id,
        stage: Id,
        text: String,
    },
    EditCard {
        card: Id,
        text: String,
        note: String,
        channel: Option<Channel>,
    },
    /// Puts the card into a cell at position `index` among that cell's other cards.
    MoveCard {
        card: Id,
        lane: Id,
        stage: Id,
        index: usize,
    },
    DeleteCard {
        card: Id,
    },
    SetEmotion {
        persona: Id,
        stage: Id,
        value: Option<i8>,
    },
    AddPersona {
        name: String,
    },
    RenamePersona {
        persona: Id,
        name: String,
    },
    SetPersonaDescription {
        persona: Id,
        description: String,
    },
    DeletePersona {
        persona: Id,
    },
    SetStageWeight {
        stage: Id,
        weight: Weight,
    },
    /// Measures a card for the score, or stops measuring it. Answers on a scale other than the
    /// new metric's cannot be read on it and are dropped.
    SetMeasure {
        card: Id,
        measure: Option<Measure>,
    },
    /// Adds imported or typed answers. With `replace`, what the map already has for the same
    /// touchpoints and periods goes first, so a re-imported period is not counted twice.
    AddEvidence {
        evidence: Vec<Evidence>,
        loyalty: Vec<LoyaltyEvidence>,
        replace: bool,
        /// The survey mapping that produced them, remembered for next month's file.
        survey: Option<Box<SurveyMapping>>,
    },
    /// Removes every answer of one period, or all answers.
    ClearEvidence {
        period: Option<String>,
    },
    /// Removes the answers of every period before this one (undated answers stay), to free space.
    DropPeriodsBefore {
        first_kept: String,
    },
    /// Remembers how survey files map onto this map.
    SetSurveyMapping(Option<Box<SurveyMapping>>),
    SetAlertBelow(u32),
    SetLowSample(u64),
    /// Sets many weights in one step, as data-driven weights are applied, with where they came
    /// from (`None`: typed).
    SetWeights {
        stages: Vec<(Id, Weight)>,
        touchpoints: Vec<(Id, Weight)>,
        source: Option<WeightsSource>,
    },
    /// Keeps the map as it is now as a named version; the time comes from the app's clock.
    SaveVersion {
        name: String,
        saved: Millis,
    },
    RenameVersion {
        number: u32,
        name: String,
    },
    DeleteVersions {
        numbers: Vec<u32>,
    },
    /// Makes the map what the version was, keeping its versions.
    RestoreVersion {
        number: u32,
    },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EditError {
    NoSuchStage(Id),
    NoSuchLane(Id),
    NoSuchCard(Id),
    NoSuchPersona(Id),
    EmptyName,
    FeelingsLaneHoldsNoCards,
    OnlyOneFeelingsLane,
    LastPersona,
    EmotionOutOfRange(i8),
    InvalidWeight,
    BadMetric(String),
    NotMeasured(Id),
    ScaleMismatch(Id),
    ThresholdOutOfRange,
    TargetOutOfRange,
    /// The edit would take the map past one of its size limits.
    Limit(String),
    NoSuchVersion(u32),
    /// The stored versions cannot be read (only a value no Journeyscope wrote).
    DamagedVersions(String),
}

impl fmt::Display for EditError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EditError::NoSuchStage(id) => write!(f, "stage {id} no longer exists"),
            EditError::NoSuchLane(id) => write!(f, "lane {id} no longer exists"),
            EditError::NoSuchCard(id) => write!(f, "card {id} no longer exists"),
            EditError::NoSuchPersona(id) => write!(f, "persona {id} no longer exists"),
            EditError::EmptyName => f.write_str("a name cannot be empty"),
            EditError::FeelingsLaneHoldsNoCards => {
                f.write_str("the feelings lane holds emotions, not cards")
            }
            EditError::OnlyOneFeelingsLane => f.write_str("a map has at most one feelings lane"),
            EditError::LastPersona => f.write_str("a map needs at least one persona"),
            EditError::EmotionOutOfRange(v) => {
                write!(f, "emotion {v} is outside {EMOTION_MIN}..{EMOTION_MAX}")
            }
            EditError::InvalidWeight => f.write_str("a weight is a number of 0 or more"),
            EditError::BadMetric(problem) => f.write_str(problem),
            EditError::NotMeasured(id) => write!(f, "card {id} is not measured"),
            EditError::ScaleMismatch(id) => {
                write!(
                    f,
                    "the answers for card {id} are on another scale than its metric"
                )
            }
            EditError::ThresholdOutOfRange => {
                f.write_str("the alert threshold is between 0 and 100")
            }
            EditError::TargetOutOfRange => write!(f, "a target is a score from 0 to {TARGET_MAX}"),
            EditError::Limit(problem) => write!(f, "the map would be too large ({problem})"),
            EditError::NoSuchVersion(n) => write!(f, "version {n} no longer exists"),
            EditError::DamagedVersions(problem) => {
                write!(f, "the map's saved versions cannot be read ({problem})")
            }
        }
    }
}

impl std::error::Error for EditError {}

/// Names are trimmed and must not be empty.
fn name(text: &str) -> Result<String, EditError> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        Err(EditError::EmptyName)
    } else {
        Ok(trimmed.to_string())
    }
}

/// Optional texts: blank means absent.
fn optional(text: &str) -> Option<String> {
    let trimmed = text.trim();
    (!trimmed.is_empty()).then(|| trimmed.to_string())
}

fn position<T>(items: &[T], found: impl Fn(&T) -> bool) -> Option<usize> {
    items.iter().position(found)
}

fn move_within<T>(items: &mut Vec<T>, from: usize, to: usize) {
    let item = items.remove(from);
    items.insert(to.min(items.len()), item);
}

impl JourneyMap {
    /// Applies one edit. On error the map is unchanged. The caller sets `updated`.
    pub fn apply(&mut self, edit: &Edit) -> Result<(), EditError> {
        match edit {
            Edit::RenameMap(text) => self.rename(text)?,
            Edit::SetMapDescription(text) => self.describe(text),
            Edit::AddStage { name } => self.add_stage(name)?,
            Edit::RenameStage { stage, name } => self.rename_stage(*stage, name)?,
            Edit::SetStageDescription { stage, description } => {
                self.describe_stage(*stage, description)?
            }
            Edit::MoveStage { stage, to } => self.move_stage(*stage, *to)?,
            Edit::DeleteStage { stage } => self.delete_stage(*stage)?,
            Edit::AddLane { kind, title } => self.add_lane(*kind, title)?,
            Edit::RenameLane { lane, title } => self.rename_lane(*lane, title)?,
            Edit::MoveLane { lane, to } => self.move_lane(*lane, *to)?,
            Edit::DeleteLane { lane } => self.delete_lane(*lane)?,
            Edit::AddCard { lane, stage, text } => self.add_card(*lane, *stage, text)?,
            Edit::EditCard {
                card,
                text,
                note,
                channel,
            } => self.edit_card(*card, text, note, *channel)?,
            Edit::MoveCard {
                card,
                lane,
                stage,
                index,
            } => self.move_card(*card, *lane, *stage, *index)?,
            Edit::DeleteCard { card } => self.delete_card(*card)?,
            Edit::SetEmotion {
                persona,
                stage,
                value,
            } => self.set_emotion(*persona, *stage, *value)?,
            Edit::AddPersona { name } => self.add_persona(name)?,
            Edit::RenamePersona { persona, name } => self.rename_persona(*persona, name)?,
            Edit::SetPersonaDescription {
                persona,
                description,
            } => self.describe_persona(*persona, description)?,
            Edit::DeletePersona { persona } => self.delete_persona(*persona)?,
            Edit::SetStageWeight { stage, weight } => self.set_stage_weight(*stage, *weight)?,
            Edit::SetMeasure { card, measure } => self.set_measure(*card, *measure)?,
            Edit::AddEvidence {
                evidence,
                loyalty,
                replace,
                survey,
            } => self.add_evidence(evidence, loyalty, *replace, survey.as_deref())?,
            Edit::ClearEvidence { period } => self.clear_evidence(period.as_deref()),
            Edit::DropPeriodsBefore { first_kept } => self.drop_periods_before(first_kept),
            Edit::SetSurveyMapping(mapping) => self.scoring.survey = mapping.as_deref().cloned(),
            Edit::SetAlertBelow(threshold) => self.set_alert_below(*threshold)?,
            Edit::SetLowSample(n) => self.scoring.low_sample = *n,
            Edit::SetWeights {
                stages,
                touchpoints,
                source,
            } => self.set_weights(stages, touchpoints, source)?,
            Edit::SaveVersion { name, saved } => self.save_version(name, *saved)?,
            Edit::RenameVersion { number, name } => self.rename_version(*number, name)?,
            Edit::DeleteVersions { numbers } => self.delete_versions(numbers)?,
            Edit::RestoreVersion { number } => self.restore_version(*number)?,
        }
        self.forget_unmeasured();
        Ok(())
    }

    fn stage_mut(&mut self, id: Id) -> Result<&mut Stage, EditError> {
        self.stages
            .iter_mut()
            .find(|s| s.id == id)
            .ok_or(EditError::NoSuchStage(id))
    }

    fn lane_mut(&mut self, id: Id) -> Result<&mut Lane, EditError> {
        self.lanes
            .iter_mut()
            .find(|l| l.id == id)
            .ok_or(EditError::NoSuchLane(id))
    }

    fn card_mut(&mut self, id: Id) -> Result<&mut Card, EditError> {
        self.cards
            .iter_mut()
            .find(|c| c.id == id)
            .ok_or(EditError::NoSuchCard(id))
    }

    fn persona_mut(&mut self, id: Id) -> Result<&mut Persona, EditError> {
        self.personas
            .iter_mut()
            .find(|p| p.id == id)
            .ok_or(EditError::NoSuchPersona(id))
    }
}
