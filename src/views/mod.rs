//! One page each: the library of maps, the editor of one map, and a shared map to read.

pub mod library;
pub mod map;
pub mod shared;
