//! Journeyscope's domain: journey maps, their edits and undo history, templates, validation,
//! the JSON file format and the stored-schema migrations.
//!
//! Nothing here touches a browser: the app calls these functions and does the IO itself, so the
//! whole domain is tested natively with plain `cargo test`.

pub mod cards_csv;
pub mod compare;
pub mod edit;
pub mod exports;
pub mod format;
pub mod history;
mod json_text;
pub mod library;
pub mod merge;
pub mod mermaid;
pub mod model;
pub mod order;
pub mod personas;
pub mod picture;
pub mod score;
pub mod share;
pub mod store;
pub mod survey;
pub mod templates;
pub mod to_be;
pub mod validate;

pub use edit::{Edit, EditError};
pub use format::{
    export_file_name, export_json, import_json, ImportError, FORMAT_NAME, SCHEMA_VERSION,
};
pub use history::Session;
pub use library::Library;
pub use model::{
    Card, Channel, EmotionPoint, Id, JourneyMap, Lane, LaneKind, Millis, Persona, Stage, Weight,
    WeightsSource, EMOTION_MAX, EMOTION_MIN,
};
pub use templates::Template;
pub use validate::{validate, ValidationError};
