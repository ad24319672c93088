//! The map editor's grid and header: stages, lanes, cards, personas, feelings and their curve, and where a card can move.

pub mod add_lane;
pub mod card_cell;
pub mod card_draft;
pub mod card_form;
pub mod card_move;
pub mod card_view;
pub mod emotion_control;
pub mod emotion_curve;
pub mod journey_grid;
pub mod lane_header;
pub mod map_header;
pub mod move_pickers;
pub mod persona_bar;
pub mod places;
pub mod read_only_grid;
pub mod stage_header;
