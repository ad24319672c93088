//! The survey import while a file is read: its name and a progress bar.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ImportProgressProps {
    pub file: AttrValue,
    /// From 0 to 1.
    pub progress: f64,
}

#[component]
pub fn ImportProgress(props: &ImportProgressProps) -> Html {
    let progress = props.progress;
    html! {
        <div class="import-progress">
            <label>{ format!("Reading {}…", props.file) }
                <progress max="1" value={progress.to_string()}>{ format!("{:.0}%", progress * 100.0) }</progress>
            </label>
        </div>
    }
}
