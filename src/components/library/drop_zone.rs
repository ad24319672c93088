//! Lets map files be dropped anywhere on its children.

use web_sys::DragEvent;
use yew::prelude::*;

use crate::components::library::import_button::files_of;

#[derive(Properties, PartialEq)]
pub struct DropZoneProps {
    pub on_files: Callback<Vec<web_sys::File>>,
    pub children: Html,
}

fn carries_files(e: &DragEvent) -> bool {
    e.data_transfer()
        .is_some_and(|t| t.types().includes(&"Files".into(), 0))
}

#[component]
pub fn DropZone(props: &DropZoneProps) -> Html {
    let active = use_state_eq(|| false);
    let ondragover = {
        let active = active.clone();
        Callback::from(move |e: DragEvent| {
            if carries_files(&e) {
                e.prevent_default();
                active.set(true);
            }
        })
    };
    let ondragleave = {
        let active = active.clone();
        Callback::from(move |_: DragEvent| active.set(false))
    };
    let ondrop = {
        let active = active.clone();
        let on_files = props.on_files.clone();
        Callback::from(move |e: DragEvent| {
            active.set(false);
            if let Some(list) = e.data_transfer().and_then(|t| t.files()) {
                if list.length() > 0 {
                    e.prevent_default();
                    on_files.emit(files_of(&list));
                }
            }
        })
    };
    html! {
        <div class={classes!("drop-zone", active.then_some("is-active"))} {ondragover} {ondragleave} {ondrop}>
            { props.children.clone() }
        </div>
    }
}
