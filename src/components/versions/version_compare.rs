//! "What changed from … to …": any saved version against another or against the map now.

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::components::versions::Showing;

#[derive(Properties, PartialEq)]
pub struct VersionCompareProps {
    /// Each saved version's number and name, oldest first.
    pub versions: Vec<(u32, AttrValue)>,
    pub on_show: Callback<Showing>,
}

/// The version a picker names; `None` for "the map now".
fn picked(select: &NodeRef) -> Option<u32> {
    select
        .cast::<HtmlSelectElement>()
        .and_then(|s| s.value().parse().ok())
}

#[component]
pub fn VersionCompare(props: &VersionCompareProps) -> Html {
    let from = use_node_ref();
    let to = use_node_ref();
    let onclick = {
        let (from, to, on_show) = (from.clone(), to.clone(), props.on_show.clone());
        Callback::from(move |_: MouseEvent| {
            on_show.emit(Showing {
                version: picked(&to),
                since: picked(&from),
            });
        })
    };
    let newest_first = || props.versions.iter().rev().enumerate();
    html! {
        <div class="version-compare">
            <label>{ "What changed from " }
                <select ref={from}>
                    for (i, (number, name)) in newest_first() {
                        <option value={number.to_string()} selected={i == 0}>{ name }</option>
                    }
                </select>
            </label>
            <label>{ " to " }
                <select ref={to}>
                    <option value="now" selected=true>{ "the map now" }</option>
                    for (_, (number, name)) in newest_first() {
                        <option value={number.to_string()}>{ name }</option>
                    }
                </select>
            </label>
            <button type="button" {onclick}>{ "Show changes" }</button>
        </div>
    }
}
