//! In the mapping step: each value of the segment column, with the persona its respondents are
//! (pre-filled where the names match), or none, so it stays a segment.

use journey_core::model::survey_mapping::SegmentPersona;
use journey_core::{Id, Persona};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SegmentPersonasProps {
    /// The segment column's values, as the file has them.
    pub values: Vec<String>,
    pub personas: Vec<Persona>,
    pub links: Vec<SegmentPersona>,
    /// A value linked to a persona, or (`None`) left a segment.
    pub on_link: Callback<(String, Option<Id>)>,
}

#[component]
pub fn SegmentPersonas(props: &SegmentPersonasProps) -> Html {
    let row = |value: &String| {
        let linked = props
            .links
            .iter()
            .find(|l| l.segment == *value)
            .map(|l| l.persona);
        let onchange = {
            let value = value.clone();
            props.on_link.reform(move |e: Event| {
                let chosen = e.target_unchecked_into::<HtmlSelectElement>().value();
                (value.clone(), chosen.parse().ok())
            })
        };
        html! {
            <label>{ format!("Segment “{value}” is") }
                <select {onchange}>
                    <option value="" selected={linked.is_none()}>{ "— a segment, no persona —" }</option>
                    for persona in &props.personas {
                        <option value={persona.id.to_string()} selected={linked == Some(persona.id)}>{ format!("persona {}", persona.name) }</option>
                    }
                </select>
            </label>
        }
    };
    html! {
        <fieldset class="segment-personas">
            <legend>{ "Segments and personas" }</legend>
            <p class="hint">{ "A segment linked to a persona gives that persona its own score, from its own respondents." }</p>
            { for props.values.iter().map(row) }
        </fieldset>
    }
}
