//! The survey import's first step: the "Import a survey file" picker (CSV, tab-separated text or an .xlsx workbook).

use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SurveyFilePickerProps {
    /// Off until a touchpoint is measured.
    pub enabled: bool,
    pub on_file: Callback<web_sys::File>,
}

#[component]
pub fn SurveyFilePicker(props: &SurveyFilePickerProps) -> Html {
    let onchange = {
        let on_file = props.on_file.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            if let Some(file) = input.files().and_then(|f| f.get(0)) {
                on_file.emit(file);
            }
            // Choosing the same file again should read it again.
            input.set_value("");
        })
    };
    html! {
        <label class={classes!("button", "import-button", (!props.enabled).then_some("is-disabled"))}>
            { "Import a survey file (CSV or .xlsx)" }
            <input type="file" class="visually-hidden" accept=".csv,.tsv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" disabled={!props.enabled} {onchange} />
        </label>
    }
}
