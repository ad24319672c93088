use journey_core::Template;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TemplatePickerProps {
    pub on_create: Callback<Template>,
}

#[component]
pub fn TemplatePicker(props: &TemplatePickerProps) -> Html {
    html! {
        <ul class="templates">
            for template in Template::ALL {
                <li key={template.slug()}>
                    <button
                        type="button"
                        class="template"
                        data-template={template.slug()}
                        onclick={props.on_create.reform(move |_| template)}
                    >
                        <span class="template-name">{ template.label() }</span>
                        <span class="template-summary">{ template.summary() }</span>
                    </button>
                </li>
            }
        </ul>
    }
}
