//! "Import JSON": a file picker that hands each chosen file's name and text upwards.

use web_sys::HtmlInputElement;
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::files::read_text;
use journey_core::format::MAX_FILE_BYTES;

#[derive(Properties, PartialEq)]
pub struct ImportButtonProps {
    /// File name and its text, or the file name and why it could not be read.
    pub on_file: Callback<(String, Result<String, String>)>,
}

/// Reads each file and reports it; shared by the picker and the drop zone.
pub fn read_files(files: web_sys::FileList, on_file: &Callback<(String, Result<String, String>)>) {
    for i in 0..files.length() {
        if let Some(file) = files.get(i) {
            let on_file = on_file.clone();
            spawn_local(async move {
                let name = file.name();
                on_file.emit((name, read_text(file, MAX_FILE_BYTES).await));
            });
        }
    }
}

#[component]
pub fn ImportButton(props: &ImportButtonProps) -> Html {
    let onchange = {
        let on_file = props.on_file.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            if let Some(files) = input.files() {
                read_files(files, &on_file);
            }
            // Choosing the same file again should import it again.
            input.set_value("");
        })
    };
    html! {
        <label class="button import-button">
            { "Import map file" }
            <input
                type="file"
                class="visually-hidden"
                accept=".json,.mmd,.md,.txt,application/json,text/plain"
                multiple=true
                {onchange}
            />
        </label>
    }
}
