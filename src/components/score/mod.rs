//! The Customer Journey Score: badges in the grid, the score bar and panel, measures and weights, and the scores of the chosen slice shared through a context.

pub mod card_score;
pub mod driver_chart;
pub mod driver_table;
pub mod journey_score_bar;
pub mod key_drivers;
pub mod loyalty_link;
pub mod measure_form;
pub mod priority_table;
pub mod score_badge;
pub mod score_context;
pub mod score_findings;
pub mod score_panel;
pub mod score_settings;
pub mod segment_table;
pub mod stage_bars;
pub mod stage_score;
pub mod trend_chart;
pub mod weights_advice;
