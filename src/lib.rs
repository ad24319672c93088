//! The Journeyscope web app: a thin Yew layer over `journey_core`. `main.rs` only mounts `App`;
//! the library target exists so browser tests can mount components too.

mod app;
mod browser;
pub mod components;
pub mod crash;
mod files;
mod hooks;
pub mod places;
mod route;
pub mod score_context;
mod state;
mod storage;
mod survey_run;
mod views;

pub use app::App;
