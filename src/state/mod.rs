//! One `Reducible` per aggregate: the library of maps, and the editing session of the open map.
//! Reducers only call domain methods; clock, ids and storage reach them as action data.

pub mod editor;
pub mod library;
pub mod notice;
