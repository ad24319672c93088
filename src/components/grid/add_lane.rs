//! "Add lane": pick a kind; the lane starts with that kind's usual title.

use journey_core::{Edit, LaneKind};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct AddLaneProps {
    /// The feelings lane is offered only while the map has none.
    pub has_feelings: bool,
    pub on_edit: Callback<Edit>,
}

#[component]
pub fn AddLane(props: &AddLaneProps) -> Html {
    let kind_ref = use_node_ref();
    let onclick = {
        let (kind_ref, on_edit) = (kind_ref.clone(), props.on_edit.clone());
        Callback::from(move |_: MouseEvent| {
            let kind = kind_ref
                .cast::<HtmlSelectElement>()
                .and_then(|s| LaneKind::from_slug(&s.value()));
            if let Some(kind) = kind {
                on_edit.emit(Edit::AddLane {
                    kind,
                    title: String::new(),
                });
            }
        })
    };
    let kinds = LaneKind::ALL
        .into_iter()
        .filter(|k| *k != LaneKind::Feelings || !props.has_feelings);
    html! {
        <div class="add-lane">
            <label>{ "New lane" }
                <select ref={kind_ref}>
                    for kind in kinds {
                        <option value={kind.slug()}>{ kind.default_title() }</option>
                    }
                </select>
            </label>
            <button type="button" {onclick}>{ "Add lane" }</button>
        </div>
    }
}
