//! Pieces of the views, one component a file.

pub mod add_lane;
pub mod add_name;
pub mod banners;
pub mod card_cell;
pub mod card_draft;
pub mod card_form;
pub mod card_move;
pub mod card_score;
pub mod card_view;
pub mod drop_zone;
pub mod emotion_control;
pub mod emotion_curve;
pub mod import_button;
pub mod inline_text;
pub mod journey_grid;
pub mod journey_score_bar;
pub mod lane_header;
pub mod map_header;
pub mod map_row;
pub mod measure_form;
pub mod persona_bar;
pub mod reorder_buttons;
pub mod score_badge;
pub mod stage_header;
pub mod stage_score;
pub mod template_picker;
