//! The cards in the grid's cells: add, edit, move and delete.

use super::{optional, position, EditError};
use crate::model::{Card, Channel, Id, JourneyMap, LaneKind};

impl JourneyMap {
    /// A new card at the end of its cell; a touchpoint starts on the web channel.
    pub(super) fn add_card(&mut self, lane: Id, stage: Id, text: &str) -> Result<(), EditError> {
        self.check_cell(lane, stage)?;
        let channel = (self.lane(lane).map(|l| l.kind) == Some(LaneKind::Touchpoints))
            .then_some(Channel::Web);
        let card = Card {
            id: self.next_id(),
            lane,
            stage,
            text: text.trim().to_string(),
            note: None,
            channel,
            measure: None,
        };
        self.cards.push(card);
        Ok(())
    }

    pub(super) fn edit_card(
        &mut self,
        card: Id,
        text: &str,
        note: &str,
        channel: Option<Channel>,
    ) -> Result<(), EditError> {
        let card = self.card_mut(card)?;
        card.text = text.trim().to_string();
        card.note = optional(note);
        card.channel = channel;
        Ok(())
    }

    /// Moves the card to the cell of `lane` and `stage`, at `index` among the cards there (past
    /// the last one when the index is beyond them).
    pub(super) fn move_card(
        &mut self,
        card: Id,
        lane: Id,
        stage: Id,
        index: usize,
    ) -> Result<(), EditError> {
        self.check_cell(lane, stage)?;
        let from = position(&self.cards, |c| c.id == card).ok_or(EditError::NoSuchCard(card))?;
        let mut moved = self.cards.remove(from);
        moved.lane = lane;
        moved.stage = stage;
        let in_cell: Vec<usize> = (0..self.cards.len())
            .filter(|&i| self.cards[i].lane == lane && self.cards[i].stage == stage)
            .collect();
        let at = match in_cell.get(index) {
            Some(&i) => i,
            None => in_cell.last().map_or(self.cards.len(), |&i| i + 1),
        };
        self.cards.insert(at, moved);
        Ok(())
    }

    pub(super) fn delete_card(&mut self, card: Id) -> Result<(), EditError> {
        let at = position(&self.cards, |c| c.id == card).ok_or(EditError::NoSuchCard(card))?;
        self.cards.remove(at);
        Ok(())
    }

    fn check_cell(&self, lane: Id, stage: Id) -> Result<(), EditError> {
        let lane = self.lane(lane).ok_or(EditError::NoSuchLane(lane))?;
        if !lane.kind.holds_cards() {
            return Err(EditError::FeelingsLaneHoldsNoCards);
        }
        self.stage(stage).ok_or(EditError::NoSuchStage(stage))?;
        Ok(())
    }
}
