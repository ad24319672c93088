//! The map's structure: its name and description, its stages and its lanes.

use super::{move_within, name, optional, position, EditError};
use crate::model::{Id, JourneyMap, Lane, LaneKind, Stage, Weight};

impl JourneyMap {
    /// `Edit::RenameMap` on its own, for the library page, which needs no other edit.
    pub fn rename(&mut self, text: &str) -> Result<(), EditError> {
        self.name = name(text)?;
        Ok(())
    }

    pub(super) fn describe(&mut self, text: &str) {
        self.description = text.trim().to_string();
    }

    pub(super) fn add_stage(&mut self, text: &str) -> Result<(), EditError> {
        let stage = Stage {
            id: self.next_id(),
            name: name(text)?,
            description: None,
            weight: Weight::default(),
        };
        self.stages.push(stage);
        Ok(())
    }

    pub(super) fn rename_stage(&mut self, stage: Id, text: &str) -> Result<(), EditError> {
        let new_name = name(text)?;
        self.stage_mut(stage)?.name = new_name;
        Ok(())
    }

    pub(super) fn describe_stage(&mut self, stage: Id, text: &str) -> Result<(), EditError> {
        self.stage_mut(stage)?.description = optional(text);
        Ok(())
    }

    /// Moves the stage so that it ends up at index `to`.
    pub(super) fn move_stage(&mut self, stage: Id, to: usize) -> Result<(), EditError> {
        let from =
            position(&self.stages, |s| s.id == stage).ok_or(EditError::NoSuchStage(stage))?;
        move_within(&mut self.stages, from, to);
        Ok(())
    }

    /// Removes the stage with its cards and emotion points.
    pub(super) fn delete_stage(&mut self, stage: Id) -> Result<(), EditError> {
        let at = position(&self.stages, |s| s.id == stage).ok_or(EditError::NoSuchStage(stage))?;
        self.stages.remove(at);
        self.cards.retain(|c| c.stage != stage);
        for persona in &mut self.personas {
            persona.emotions.retain(|p| p.stage != stage);
        }
        Ok(())
    }

    pub(super) fn add_lane(&mut self, kind: LaneKind, title: &str) -> Result<(), EditError> {
        if kind == LaneKind::Feelings && self.lanes.iter().any(|l| l.kind == kind) {
            return Err(EditError::OnlyOneFeelingsLane);
        }
        let title = optional(title).unwrap_or_else(|| kind.default_title().to_string());
        self.lanes.push(Lane {
            id: self.next_id(),
            kind,
            title,
        });
        Ok(())
    }

    pub(super) fn rename_lane(&mut self, lane: Id, title: &str) -> Result<(), EditError> {
        let new_title = name(title)?;
        self.lane_mut(lane)?.title = new_title;
        Ok(())
    }

    pub(super) fn move_lane(&mut self, lane: Id, to: usize) -> Result<(), EditError> {
        let from = position(&self.lanes, |l| l.id == lane).ok_or(EditError::NoSuchLane(lane))?;
        move_within(&mut self.lanes, from, to);
        Ok(())
    }

    /// Removes the lane with its cards.
    pub(super) fn delete_lane(&mut self, lane: Id) -> Result<(), EditError> {
        let at = position(&self.lanes, |l| l.id == lane).ok_or(EditError::NoSuchLane(lane))?;
        self.lanes.remove(at);
        self.cards.retain(|c| c.lane != lane);
        Ok(())
    }
}
