//! The Customer Journey Score: badges in the grid, the score bar and panel, measures and weights, and the scores of the chosen slice shared through a context.

pub mod card_score;
pub mod journey_score_bar;
pub mod measure_form;
pub mod priority_table;
pub mod score_badge;
pub mod score_context;
pub mod score_panel;
pub mod score_settings;
pub mod segment_table;
pub mod stage_bars;
pub mod stage_score;
pub mod trend_chart;
