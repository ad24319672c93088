//! In the mapping step: the text encoding the file was read in, or for a workbook the sheet
//! (detected or first, or chosen to read it again), and how dates such as 03/04/2026 are read.

use journey_core::survey::encoding::TextEncoding;
use journey_core::survey::DateOrder;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::components::common::reading::{Origin, ReadAs};

#[derive(Properties, PartialEq)]
pub struct ReadingOptionsProps {
    pub origin: Origin,
    /// `None`: decided by the dates in the file.
    pub date_order: Option<DateOrder>,
    /// Read the file again in another encoding, or another sheet.
    pub on_reread: Callback<ReadAs>,
    pub on_date_order: Callback<Option<DateOrder>>,
}

fn chosen(e: &Event) -> String {
    e.target_unchecked_into::<HtmlSelectElement>().value()
}

/// The encoding of a text file, or the sheet of a workbook, as a select that reads it again.
fn source(origin: &Origin, on_reread: &Callback<ReadAs>) -> Html {
    match origin {
        Origin::Text(current) => {
            let onchange = on_reread.reform(|e: Event| {
                ReadAs::Encoding(TextEncoding::named(&chosen(&e)).unwrap_or(TextEncoding::Utf8))
            });
            html! {
                <label>{ "Text encoding" }
                    <select {onchange}>
                        for encoding in TextEncoding::ALL {
                            <option value={encoding.whatwg_name()} selected={encoding == *current}>{ encoding.label() }</option>
                        }
                    </select>
                </label>
            }
        }
        Origin::Sheet { sheets, chosen: at } => {
            let onchange = on_reread.reform(|e: Event| ReadAs::Sheet(chosen(&e)));
            html! {
                <label>{ "Sheet of the workbook" }
                    <select {onchange}>
                        for (i, sheet) in sheets.iter().enumerate() {
                            <option value={sheet.clone()} selected={i == *at}>{ sheet }</option>
                        }
                    </select>
                </label>
            }
        }
    }
}

#[component]
pub fn ReadingOptions(props: &ReadingOptionsProps) -> Html {
    let on_date_order = props
        .on_date_order
        .reform(|e: Event| match chosen(&e).as_str() {
            "month_first" => Some(DateOrder::MonthFirst),
            "day_first" => Some(DateOrder::DayFirst),
            _ => None,
        });
    let order = props.date_order;
    html! {
        <fieldset class="reading-options">
            <legend>{ "Reading the file" }</legend>
            { source(&props.origin, &props.on_reread) }
            <label>{ "Dates such as 03/04/2026" }
                <select onchange={on_date_order}>
                    <option value="" selected={order.is_none()}>{ "Decide from the dates in the file (month first if none tells)" }</option>
                    <option value="month_first" selected={order == Some(DateOrder::MonthFirst)}>{ "Month first: 3 April is 04/03" }</option>
                    <option value="day_first" selected={order == Some(DateOrder::DayFirst)}>{ "Day first: 3 April is 03/04" }</option>
                </select>
            </label>
        </fieldset>
    }
}
