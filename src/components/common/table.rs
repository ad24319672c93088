//! Every figure table of the score and the report through one function: a table is data (a
//! caption, headings, rows of text), and one routine in the wasm instead of a `html!` expansion
//! per table keeps the app inside its size budget.

use yew::prelude::*;

/// One row: a key for the diff, an optional class, and its cells as text. The cell at the
/// table's `row_heading`, if any, is the row's heading (`<th scope="row">`).
pub struct Row {
    pub key: u32,
    pub class: Option<&'static str>,
    pub cells: Vec<String>,
}

impl Row {
    pub fn new(key: u32, cells: Vec<String>) -> Row {
        Row {
            key,
            class: None,
            cells,
        }
    }
}

/// A figure table with a caption; `class` is added to `report-table`.
pub struct Table<'a> {
    pub class: Option<&'static str>,
    pub caption: String,
    pub head: &'a [&'a str],
    pub row_heading: Option<usize>,
    pub rows: Vec<Row>,
}

pub fn table(t: Table) -> Html {
    let rows = t.rows.into_iter().map(|row| {
        let cells = row.cells.into_iter().enumerate().map(|(i, text)| {
            if Some(i) == t.row_heading {
                html! { <th scope="row">{ text }</th> }
            } else {
                html! { <td>{ text }</td> }
            }
        });
        html! { <tr key={row.key} class={row.class}>{ for cells }</tr> }
    });
    html! {
        <table class={classes!("report-table", t.class)}>
            <caption>{ t.caption }</caption>
            <thead><tr>{ for t.head.iter().map(|h| html! { <th scope="col">{ *h }</th> }) }</tr></thead>
            <tbody>{ for rows }</tbody>
        </table>
    }
}

/// A number with one decimal, or a dash for none.
pub fn one_decimal(x: Option<f64>) -> String {
    x.map_or_else(|| "–".to_string(), |x| format!("{x:.1}"))
}

/// An interval as "lo–hi" with one decimal, or a dash for none.
pub fn interval(ci: Option<(f64, f64)>) -> String {
    ci.map_or_else(|| "–".to_string(), |(lo, hi)| format!("{lo:.1}–{hi:.1}"))
}
