//! The personas of the map: pick whose feelings are shown and edited; add, rename, remove.

use journey_core::{Edit, Id, Persona};
use yew::prelude::*;

use crate::components::common::add_name::AddName;
use crate::components::common::inline_text::InlineText;

#[derive(Properties, PartialEq)]
pub struct PersonaBarProps {
    pub personas: Vec<Persona>,
    pub selected: Id,
    pub on_select: Callback<Id>,
    pub on_edit: Callback<Edit>,
    /// Opens the personas side by side.
    pub on_compare: Callback<()>,
}

#[component]
pub fn PersonaBar(props: &PersonaBarProps) -> Html {
    let selected = props.personas.iter().find(|p| p.id == props.selected);
    let details = selected.map(|persona| {
        let id = persona.id;
        let rename = props.on_edit.reform(move |name| Edit::RenamePersona { persona: id, name });
        let describe = props.on_edit.reform(move |description| Edit::SetPersonaDescription { persona: id, description });
        let delete = props.on_edit.reform(move |_: MouseEvent| Edit::DeletePersona { persona: id });
        html! {
            <div class="persona-details">
                <span class="persona-name"><InlineText value={persona.name.clone()} label="Persona name" on_commit={rename} /></span>
                <span class="persona-description">
                    <InlineText value={persona.description.clone()} label="Persona description"
                        placeholder="Describe this persona" on_commit={describe} />
                </span>
                <button type="button" class="danger" onclick={delete} disabled={props.personas.len() < 2}
                    aria-label={format!("Delete persona {}", persona.name)}>{ "Delete persona" }</button>
            </div>
        }
    });
    html! {
        <section class="persona-bar" aria-labelledby="personas-title">
            <h3 id="personas-title">{ "Personas" }</h3>
            <div class="persona-switcher" role="group" aria-label="Show feelings of">
                for (index, persona) in props.personas.iter().enumerate() {
                    <button
                        type="button"
                        key={persona.id}
                        class={classes!("persona-chip", format!("persona-{}", index % 6))}
                        aria-pressed={(persona.id == props.selected).to_string()}
                        onclick={props.on_select.reform({ let id = persona.id; move |_| id })}
                    >{ &persona.name }</button>
                }
                <AddName label="New persona name" placeholder="New persona" action="Add persona"
                    on_add={props.on_edit.reform(|name| Edit::AddPersona { name })} />
                if props.personas.len() > 1 {
                    <button type="button" onclick={props.on_compare.reform(|_| ())}>{ "Compare personas" }</button>
                }
            </div>
            { for details }
        </section>
    }
}
