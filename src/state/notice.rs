//! What the banners across the top say, as one value the root builds, and what the user can do
//! from them.

use std::rc::Rc;

use journey_core::library::Cleanup;
use journey_core::store::{Backup, Unreadable};
use journey_core::JourneyMap;

use crate::browser::storage::StorageError;

/// A one-off message about the user's last action.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    Info(String),
    Error(String),
}

/// A map changed here and in another tab.
#[derive(Clone, Debug, PartialEq)]
pub struct Conflict {
    pub name: String,
    /// What both tabs changed, in words.
    pub what: Vec<String>,
}

/// Everything the banners show.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Notices {
    pub notice: Option<Notice>,
    pub storage_unavailable: bool,
    pub save_failure: Option<StorageError>,
    pub unreadable: Vec<Unreadable>,
    pub backups: Vec<Backup>,
    pub deleted: Option<Rc<JourneyMap>>,
    pub conflict: Option<Conflict>,
    /// While storage is full: what dropping old score periods would free.
    pub cleanup: Option<Cleanup>,
    /// While storage is full: what dropping old saved versions would free.
    pub old_versions: Option<Cleanup>,
}

/// Which version of a map in conflict stays.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Keep {
    Ours,
    Theirs,
}

/// A stored value handed back to the user as a file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Recovered {
    pub file_name: String,
    pub text: String,
}

/// What the user asked for from a banner.
#[derive(Clone, Debug, PartialEq)]
pub enum BannerAction {
    Dismiss,
    UndoDelete,
    Download(Recovered),
    DiscardBackup { key: String },
    Settle(Keep),
    DropOldPeriods,
    DropOldVersions,
    ExportAll,
}
