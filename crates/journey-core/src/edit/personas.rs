//! Personas and how each feels at each stage.

use super::{name, position, EditError};
use crate::model::{EmotionPoint, Id, JourneyMap, Persona, EMOTION_MAX, EMOTION_MIN};

impl JourneyMap {
    /// Sets (or with `None` clears) how the persona feels at the stage.
    pub(super) fn set_emotion(
        &mut self,
        persona: Id,
        stage: Id,
        value: Option<i8>,
    ) -> Result<(), EditError> {
        if let Some(v) = value {
            if !(EMOTION_MIN..=EMOTION_MAX).contains(&v) {
                return Err(EditError::EmotionOutOfRange(v));
            }
        }
        self.stage(stage).ok_or(EditError::NoSuchStage(stage))?;
        let persona = self.persona_mut(persona)?;
        persona.emotions.retain(|p| p.stage != stage);
        if let Some(value) = value {
            persona.emotions.push(EmotionPoint { stage, value });
        }
        Ok(())
    }

    pub(super) fn add_persona(&mut self, text: &str) -> Result<(), EditError> {
        let persona = Persona {
            id: self.next_id(),
            name: name(text)?,
            description: String::new(),
            emotions: Vec::new(),
        };
        self.personas.push(persona);
        Ok(())
    }

    pub(super) fn rename_persona(&mut self, persona: Id, text: &str) -> Result<(), EditError> {
        let new_name = name(text)?;
        self.persona_mut(persona)?.name = new_name;
        Ok(())
    }

    pub(super) fn describe_persona(&mut self, persona: Id, text: &str) -> Result<(), EditError> {
        self.persona_mut(persona)?.description = text.trim().to_string();
        Ok(())
    }

    /// Removes a persona; a map always keeps one.
    pub(super) fn delete_persona(&mut self, persona: Id) -> Result<(), EditError> {
        let at = position(&self.personas, |p| p.id == persona)
            .ok_or(EditError::NoSuchPersona(persona))?;
        if self.personas.len() == 1 {
            return Err(EditError::LastPersona);
        }
        self.personas.remove(at);
        Ok(())
    }
}
