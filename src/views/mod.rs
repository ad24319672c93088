//! One page each: the library of maps, and the editor of one map.

pub mod library;
pub mod map;
