//! "Import map file": a file picker that hands the chosen files upwards, for the page to read.

use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ImportButtonProps {
    pub on_files: Callback<Vec<web_sys::File>>,
}

/// The files of a picker's or a drop's list; shared by the picker and the drop zone.
pub fn files_of(list: &web_sys::FileList) -> Vec<web_sys::File> {
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

#[component]
pub fn ImportButton(props: &ImportButtonProps) -> Html {
    let onchange = {
        let on_files = props.on_files.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            if let Some(list) = input.files() {
                on_files.emit(files_of(&list));
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
