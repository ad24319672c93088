//! Messages across the top: what went wrong with storage or a file, and what the user can do.

use journey_core::library::{Cleanup, KEEP_PERIODS, KEEP_VERSIONS};
use journey_core::store::human_size;
use yew::prelude::*;

use crate::state::notice::{BannerAction, Conflict, Keep, Notice, Notices, Recovered};

#[derive(Properties, PartialEq)]
pub struct BannersProps {
    pub notices: Notices,
    pub on_action: Callback<BannerAction>,
}

#[component]
pub fn Banners(props: &BannersProps) -> Html {
    let (notices, on_action) = (&props.notices, &props.on_action);
    let act = |action: BannerAction| on_action.reform(move |_: MouseEvent| action.clone());
    let notice = notices.notice.as_ref().map(|notice| {
        let (class, role, text) = match notice {
            Notice::Info(text) => ("banner info", "status", text),
            Notice::Error(text) => ("banner error", "alert", text),
        };
        let dismiss = act(BannerAction::Dismiss);
        html! {
            <div {class} {role}>
                <p>{ text }</p>
                <button type="button" onclick={dismiss}>{ "Dismiss" }</button>
            </div>
        }
    });
    let unavailable = notices.storage_unavailable.then(|| html! {
        <div class="banner warning" role="alert">
            <p>{ "This browser does not let Journeyscope keep data on this page (private mode or \
                  blocked storage). Your maps work but are lost when the tab closes: use Export \
                  JSON to keep them." }</p>
        </div>
    });
    let save_failure = notices.save_failure.as_ref().filter(|_| !notices.storage_unavailable).map(|e| {
        // "Drop score periods older than the latest 4 (2 periods in 1 map, frees 3 KB)".
        let offer = |cleanup: Option<Cleanup>, action: BannerAction, what: &str, unit: &str, keep: usize| {
            cleanup.map(|Cleanup { maps, dropped, chars }| html! {
                <button type="button" onclick={act(action)}>
                    { format!("Drop {what} older than the latest {keep} ({dropped} {unit}{} in {maps} map{}, frees {})",
                        plural(dropped), plural(maps), human_size(chars)) }
                </button>
            })
        };
        let cleanup = offer(notices.cleanup, BannerAction::DropOldPeriods, "score periods", "period", KEEP_PERIODS);
        let old_versions = offer(notices.old_versions, BannerAction::DropOldVersions, "saved versions", "version", KEEP_VERSIONS);
        html! {
            <div class="banner error" role="alert">
                <p>{ format!("Your latest changes are not saved in this browser: {e}. They stay here \
                              while this tab is open, and saving is tried again with every change. \
                              Export your maps to keep a copy, or make room.") }</p>
                <button type="button" onclick={act(BannerAction::ExportAll)}>{ "Export all maps" }</button>
                { for cleanup }
                { for old_versions }
            </div>
        }
    });
    let unreadable = notices.unreadable.iter().map(|entry| {
        let text = if entry.should_quarantine() {
            format!(
                "A stored map could not be read and could not be set aside ({}). It is \
                     left untouched.",
                entry.message()
            )
        } else {
            format!("A stored map is left untouched: {}.", entry.message())
        };
        let download = act(BannerAction::Download(Recovered {
            file_name: format!("{}.txt", entry.key.replace(':', "-")),
            text: entry.raw.clone(),
        }));
        html! {
            <div class="banner warning" role="status" key={entry.key.clone()}>
                <p>{ text }</p>
                <button type="button" onclick={download}>{ "Download it" }</button>
            </div>
        }
    });
    let backups = notices.backups.iter().map(|backup| {
        let why = backup
            .reason
            .as_ref()
            .map(|r| format!(" ({r})"))
            .unwrap_or_default();
        let download = act(BannerAction::Download(Recovered {
            file_name: backup.file_name(),
            text: backup.raw.clone(),
        }));
        let discard = act(BannerAction::DiscardBackup {
            key: backup.key.clone(),
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
    let deleted = notices.deleted.as_ref().map(|map| html! {
        <div class="banner info" role="status">
            <p>{ format!("Deleted “{}”.", map.name) }</p>
            <button type="button" onclick={act(BannerAction::UndoDelete)}>{ "Undo delete" }</button>
        </div>
    });
    let conflict = notices.conflict.as_ref().map(|Conflict { name, what }| html! {
        <div class="banner warning" role="alert">
            <p>{ format!("“{name}” was also changed in another tab, in the same places ({}). Which version should stay?", what.join(", ")) }</p>
            <button type="button" onclick={act(BannerAction::Settle(Keep::Ours))}>{ "Keep this tab's version" }</button>
            <button type="button" onclick={act(BannerAction::Settle(Keep::Theirs))}>{ "Use the other tab's version" }</button>
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

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}
