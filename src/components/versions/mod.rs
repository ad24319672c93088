//! Saved versions of a map: the list, and what changed between two of them.

pub mod change_list;
pub mod version_compare;
pub mod versions_panel;

/// What the version view shows: a saved version (`None`: the map now), and against which older
/// version its changes are marked (`None`: no comparison).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Showing {
    pub version: Option<u32>,
    pub since: Option<u32>,
}
