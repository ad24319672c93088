//! The loyalty link in words: r with its interval, what it means, and what it stands on when that
//! is not simply the weights on screen. A fragment, not a component: it holds no state.

use journey_core::score::LinkReport;
use yew::prelude::*;

pub fn loyalty_link(report: &LinkReport) -> Html {
    let Some(link) = report.link else {
        return html! {
            <p class="hint">{ "Needs at least ten respondents with a loyalty answer: map a loyalty question when importing a file with one row per respondent (or a respondent column)." }</p>
        };
    };
    html! {
        <>
            <p class="loyalty-figures">
                { format!("r = {:.2} (95% CI {:.2} to {:.2}, n = {}). {}", link.r, link.ci.0, link.ci.1, link.n, link.sentence()) }
            </p>
            if let Some(caveat) = report.caveat() {
                <p class="caveat" role="note">{ caveat }</p>
            }
        </>
    }
}
