//! Messages across the top: what went wrong with storage or a file, and what the user can do.

use std::rc::Rc;

use journey_core::store::{human_size, Backup, Unreadable};
use journey_core::JourneyMap;
use yew::prelude::*;

use crate::storage::StorageError;

/// How many of each map's latest score periods a clean-up keeps.
pub const KEEP_PERIODS: usize = 4;

/// A one-off message about the user's last action.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    Info(String),
    Error(String),
}

#[derive(Properties, PartialEq)]
pub struct BannersProps {
    pub notice: Option<Notice>,
    pub storage_unavailable: bool,
    pub save_failure: Option<StorageError>,
    pub unreadable: Vec<Unreadable>,
    pub backups: Vec<Backup>,
    pub deleted: Option<Rc<JourneyMap>>,
    pub on_dismiss: Callback<()>,
    pub on_undo_delete: Callback<()>,
    /// File name and contents of something to hand back to the user.
    pub on_download: Callback<(String, String)>,
    pub on_discard_backup: Callback<String>,
    /// A map changed here and in another tab: its name and what both changed.
    pub conflict: Option<(String, Vec<String>)>,
    /// True keeps this tab's version, false takes the other tab's.
    pub on_settle: Callback<bool>,
    /// When storage is full: what dropping old score periods would free (maps, periods, chars).
    pub cleanup: Option<(usize, usize, usize)>,
    pub on_cleanup: Callback<()>,
    pub on_export_all: Callback<()>,
}

#[component]
pub fn Banners(props: &BannersProps) -> Html {
    let notice = props.notice.as_ref().map(|notice| {
        let (class, role, text) = match notice {
            Notice::Info(text) => ("banner info", "status", text),
            Notice::Error(text) => ("banner error", "alert", text),
        };
        let dismiss = props.on_dismiss.reform(|_| ());
        html! {
            <div {class} {role}>
                <p>{ text }</p>
                <button type="button" onclick={dismiss}>{ "Dismiss" }</button>
            </div>
        }
    });
    let unavailable = props.storage_unavailable.then(|| html! {
        <div class="banner warning" role="alert">
            <p>{ "This browser does not let Journeyscope keep data on this page (private mode or \
                  blocked storage). Your maps work but are lost when the tab closes: use Export \
                  JSON to keep them." }</p>
        </div>
    });
    let save_failure = props.save_failure.as_ref().filter(|_| !props.storage_unavailable).map(|e| {
        let cleanup = props.cleanup.map(|(maps, periods, chars)| html! {
            <button type="button" onclick={props.on_cleanup.reform(|_| ())}>
                { format!("Drop score periods older than the latest {KEEP_PERIODS} ({periods} period{} in {maps} map{}, frees {})",
                    if periods == 1 { "" } else { "s" }, if maps == 1 { "" } else { "s" }, human_size(chars)) }
            </button>
        });
        html! {
            <div class="banner error" role="alert">
                <p>{ format!("Your latest changes are not saved in this browser: {e}. They stay here \
                              while this tab is open, and saving is tried again with every change. \
                              Export your maps to keep a copy, or make room.") }</p>
                <button type="button" onclick={props.on_export_all.reform(|_| ())}>{ "Export all maps" }</button>
                { for cleanup }
            </div>
        }
    });
    let unreadable = props.unreadable.iter().map(|entry| {
        let text = if entry.should_quarantine() {
            format!(
                "A stored map could not be read and could not be set aside ({}). It is \
                     left untouched.",
                entry.message()
            )
        } else {
            format!("A stored map is left untouched: {}.", entry.message())
        };
        let download = props.on_download.reform({
            let name = format!("{}.txt", entry.key.replace(':', "-"));
            let raw = entry.raw.clone();
            move |_| (name.clone(), raw.clone())
        });
        html! {
            <div class="banner warning" role="status" key={entry.key.clone()}>
                <p>{ text }</p>
                <button type="button" onclick={download}>{ "Download it" }</button>
            </div>
        }
    });
    let backups = props.backups.iter().map(|backup| {
        let why = backup
            .reason
            .as_ref()
            .map(|r| format!(" ({r})"))
            .unwrap_or_default();
        let download = props.on_download.reform({
            let (name, raw) = (backup.file_name(), backup.raw.clone());
            move |_| (name.clone(), raw.clone())
        });
        let discard = props.on_discard_backup.reform({
            let key = backup.key.clone();
            move |_| key.clone()
        });
        html! {
            <div class="banner warning" role="status" key={backup.key.clone()}>
                <p>{ format!("Journeyscope found stored data it could not read{why} and set it \
                              aside unchanged. Download it to inspect or repair it, then \
                              discard it.") }</p>
                <button type="button" onclick={download}>{ "Download backup" }</button>
                <button type="button" onclick={discard}>{ "Discard backup" }</button>
            </div>
        }
    });
    let deleted = props.deleted.as_ref().map(|map| html! {
        <div class="banner info" role="status">
            <p>{ format!("Deleted “{}”.", map.name) }</p>
            <button type="button" onclick={props.on_undo_delete.reform(|_| ())}>{ "Undo delete" }</button>
        </div>
    });
    let conflict = props.conflict.as_ref().map(|(name, what)| html! {
        <div class="banner warning" role="alert">
            <p>{ format!("“{name}” was also changed in another tab, in the same places ({}). Which version should stay?", what.join(", ")) }</p>
            <button type="button" onclick={props.on_settle.reform(|_| true)}>{ "Keep this tab's version" }</button>
            <button type="button" onclick={props.on_settle.reform(|_| false)}>{ "Use the other tab's version" }</button>
        </div>
    });
    html! {
        <div class="banners">
            { for conflict }
            { for unavailable }
            { for save_failure }
            { for notice }
            { for deleted }
            { for unreadable }
            { for backups }
        </div>
    }
}
