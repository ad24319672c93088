//! How the figures are made, in plain words with the formulas, for readers of the report.

use yew::prelude::*;

pub fn method_note() -> Html {
    html! {
        <div class="method-note">
            <p>{ "Each measured touchpoint gets a score from 0 to 100 from its survey answers: a rating's mean rescaled to 0–100, the share of answers in the top box, or for a 0–10 likelihood-to-recommend question (NPS + 100) / 2. Its 95% interval comes from the answers' spread." }</p>
            <p class="formula">{ "Touchpoint (mean): s = 100 · (mean − min) / (max − min)" }</p>
            <p>{ "A stage's score is the weighted mean of its touchpoints' scores, and the journey score the weighted mean of the stages' scores. Each touchpoint's part of the journey score is its stage's share of the stage weights times its share of its stage's touchpoint weights." }</p>
            <p class="formula">{ "S_k = Σ w_t · s_t / Σ w_t    J = Σ W_k · S_k / Σ W_k    c_t = (W_k / Σ W) · (w_t / Σ_k w)" }</p>
            <p class="formula">{ "SE(J) = √(Σ c_t² · SE_t²)    95% CI = J ± 1.96 · SE(J)" }</p>
            <p>{ "A change between two periods is called significant when the scores differ by more than 1.96 times the root of their squared standard errors summed. The points to gain are c_t · (100 − s_t): what the journey score would gain if that touchpoint were perfect." }</p>
            <p>{ "The loyalty link is the correlation (Pearson r) between each respondent's own journey score — the same formula over only their answers, with the weights shown here — and their loyalty answer, with a 95% interval from Fisher's z: tanh(atanh r ± 1.96 / √(n − 3))." }</p>
            <p>{ "Key drivers: each touchpoint's correlation with loyalty, and its relative importance by Johnson's relative weights, which share out how much of loyalty the touchpoints explain together (R²) even when they move together. With R the touchpoints' correlations and r_y their correlations with loyalty:" }</p>
            <p class="formula">{ "Λ = R^½    β = R^−½ · r_y    importance_j = Σ_k Λ_jk² · β_k²    Σ_j importance_j = R²" }</p>
            <p>{ "Data-driven weights give each touchpoint its share of importance in percent, and each stage the sum of its touchpoints', so each touchpoint's part of the journey score equals its share of importance." }</p>
        </div>
    }
}
