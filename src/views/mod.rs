//! One page each: the library of maps, the editor of one map, and a shared map to read, with the
//! page the embed module shows for a share link.

pub mod library;
pub mod map;
pub mod shared;
pub mod shared_page;
