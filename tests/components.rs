//! Component tests in headless Chromium: `cargo test -p journeyscope --target wasm32-unknown-unknown`.
#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;

use journey_core::{Edit, JourneyMap, Template};
use journeyscope::components::grid::emotion_control::{EmotionControl, EmotionControlProps};
use journeyscope::components::grid::journey_grid::{JourneyGrid, JourneyGridProps};
use journeyscope::components::grid::read_only_grid::{ReadOnlyGrid, ReadOnlyGridProps};
use journeyscope::components::share::share_dialog::{
    Copied, CopyRequest, ShareDialog, ShareDialogProps,
};
use journeyscope::components::versions::versions_panel::{VersionsPanel, VersionsPanelProps};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, EventInit, HtmlElement, HtmlSelectElement};
use yew::{BaseComponent, Callback};

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts a component in a fresh element inside `wrapper` (an HTML fragment whose innermost
/// element is the root) and waits for the first render.
async fn mount<C: BaseComponent>(wrapper: &str, props: C::Properties) -> Element {
    let document = gloo::utils::document();
    let host = document.create_element("div").unwrap();
    host.set_inner_html(wrapper);
    document.body().unwrap().append_child(&host).unwrap();
    let mut root = host.clone();
    while let Some(child) = root.first_element_child() {
        root = child;
    }
    yew::Renderer::<C>::with_root_and_props(root, props).render();
    settle().await;
    host
}

/// Lets yew finish rendering what the last event scheduled.
async fn settle() {
    yew::platform::time::sleep(Duration::from_millis(0)).await;
}

/// Lets the grid render every batch of cells (a batch a task after the first screen).
async fn settle_grid() {
    for _ in 0..30 {
        settle().await;
    }
}

fn recorder() -> (Rc<RefCell<Vec<Edit>>>, Callback<Edit>) {
    let edits = Rc::new(RefCell::new(Vec::new()));
    let sink = edits.clone();
    (
        edits,
        Callback::from(move |edit| sink.borrow_mut().push(edit)),
    )
}

fn texts(host: &Element, selector: &str) -> Vec<String> {
    let nodes = host.query_selector_all(selector).unwrap();
    (0..nodes.length())
        .filter_map(|i| nodes.item(i))
        .map(|n| n.text_content().unwrap_or_default().trim().to_string())
        .collect()
}

fn grid_props(map: JourneyMap, on_edit: Callback<Edit>) -> JourneyGridProps {
    let persona = map.personas[0].clone();
    JourneyGridProps {
        map: Rc::new(map),
        persona,
        on_edit,
    }
}

#[wasm_bindgen_test]
async fn the_grid_has_a_column_per_stage_a_row_per_lane_and_the_cards_in_their_cells() {
    let map = Template::Ecommerce.build("g".into(), 0);
    let (_, on_edit) = recorder();
    let host = mount::<JourneyGrid>("<div></div>", grid_props(map.clone(), on_edit)).await;
    settle_grid().await;

    let stages = host.query_selector_all("th.stage-head").unwrap().length();
    assert_eq!(stages as usize, map.stages.len());
    let lanes = host.query_selector_all("th.lane-head").unwrap().length();
    assert_eq!(lanes as usize, map.lanes.len());
    assert_eq!(
        host.query_selector_all("li.card").unwrap().length() as usize,
        map.cards.len()
    );
    assert_eq!(
        texts(&host, "ul[aria-label='Pain points in Buy'] .card-text"),
        ["Forced sign-up and a surprise delivery fee"]
    );
    assert_eq!(
        host.query_selector_all(".emotion-curve").unwrap().length(),
        1
    );
    assert_eq!(
        host.query_selector_all("select.emotion").unwrap().length() as usize,
        map.stages.len()
    );
}

#[wasm_bindgen_test]
async fn a_big_grid_shows_its_first_screen_first_and_the_rest_soon_after() {
    let mut map = Template::FourStage.build("g".into(), 0);
    for n in 0..8 {
        map.apply(&Edit::AddStage {
            name: format!("Extra {n}"),
        })
        .unwrap();
    }
    let lanes: Vec<_> = map
        .lanes
        .iter()
        .filter(|l| l.kind.holds_cards())
        .map(|l| l.id)
        .collect();
    let stages: Vec<_> = map.stages.iter().map(|s| s.id).collect();
    for &lane in &lanes {
        for &stage in &stages {
            map.apply(&Edit::AddCard {
                lane,
                stage,
                text: "x".into(),
            })
            .unwrap();
        }
    }
    let (_, on_edit) = recorder();
    let host = mount::<JourneyGrid>("<div></div>", grid_props(map.clone(), on_edit)).await;
    let first = host.query_selector_all("li.card").unwrap().length() as usize;
    assert!(
        first > 0 && first < map.cards.len(),
        "{first} of {} cards at first",
        map.cards.len()
    );
    let heads = texts(&host, "th.stage-head .stage-name");
    assert_eq!(heads.len(), map.stages.len());
    for (head, stage) in heads.iter().zip(&map.stages) {
        assert!(
            head.starts_with(&stage.name),
            "every stage has its name from the start: {head:?}"
        );
    }
    let reorder = "th.stage-head button[aria-label^='Move stage']";
    let early = host.query_selector_all(reorder).unwrap().length() as usize;
    assert!(
        early < 2 * map.stages.len(),
        "{early} move buttons at first"
    );
    let busy = || {
        host.query_selector("table.journey-grid[aria-busy='true']")
            .unwrap()
            .is_some()
    };
    assert!(busy(), "the grid says it is still filling in");
    settle_grid().await;
    assert!(!busy(), "the grid says it is complete");
    assert_eq!(
        host.query_selector_all("li.card").unwrap().length() as usize,
        map.cards.len()
    );
    assert_eq!(
        host.query_selector_all(reorder).unwrap().length() as usize,
        2 * map.stages.len()
    );
}

#[wasm_bindgen_test]
async fn grid_buttons_emit_the_matching_edits() {
    let map = Template::FourStage.build("g".into(), 0);
    let (edits, on_edit) = recorder();
    let host = mount::<JourneyGrid>("<div></div>", grid_props(map.clone(), on_edit)).await;
    settle_grid().await;

    let click = |label: &str| {
        let button: HtmlElement = host
            .query_selector(&format!("button[aria-label='{label}']"))
            .unwrap()
            .unwrap_or_else(|| panic!("no button {label}"))
            .dyn_into()
            .unwrap();
        button.click();
    };
    click("Move stage Awareness right");
    click("Delete lane Thoughts");
    settle().await;
    let awareness = map.stages[0].id;
    let thoughts = map.lanes[2].id;
    assert_eq!(
        *edits.borrow(),
        [
            Edit::MoveStage {
                stage: awareness,
                to: 1
            },
            Edit::DeleteLane { lane: thoughts }
        ]
    );
    let first_left: HtmlElement = host
        .query_selector("button[aria-label='Move stage Awareness left']")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    assert!(first_left.has_attribute("disabled"));
}

#[wasm_bindgen_test]
async fn an_empty_map_explains_what_to_add() {
    let map = Template::Blank.build("g".into(), 0);
    let (_, on_edit) = recorder();
    let host = mount::<JourneyGrid>("<div></div>", grid_props(map, on_edit)).await;
    settle_grid().await;
    assert!(texts(&host, ".empty")[0].starts_with("Add stages"));
    assert_eq!(
        host.query_selector_all("th.stage-head").unwrap().length(),
        0
    );
}

fn only_select(host: &Element) -> HtmlSelectElement {
    host.query_selector("select")
        .unwrap()
        .expect("a select")
        .dyn_into()
        .unwrap()
}

fn emotion_props(value: Option<i8>, on_edit: Callback<Edit>) -> EmotionControlProps {
    EmotionControlProps {
        persona: 1,
        stage: 7,
        label: "Feeling of Ana at Checkout".into(),
        value,
        on_edit,
    }
}

#[wasm_bindgen_test]
async fn the_emotion_control_shows_the_value_and_emits_the_choice() {
    let (edits, on_edit) = recorder();
    let wrapper = "<table><tbody><tr></tr></tbody></table>";
    let host = mount::<EmotionControl>(wrapper, emotion_props(Some(-1), on_edit)).await;
    let select = only_select(&host);
    assert_eq!(select.value(), "-1");
    assert_eq!(
        select.get_attribute("aria-label").as_deref(),
        Some("Feeling of Ana at Checkout")
    );
    assert!(host.query_selector("td.negative").unwrap().is_some());

    let change = |value: &str| {
        select.set_value(value);
        let init = EventInit::new();
        init.set_bubbles(true);
        let event = web_sys::Event::new_with_event_init_dict("change", &init).unwrap();
        select.dispatch_event(&event).unwrap();
    };
    change("2");
    change("");
    settle().await;
    assert_eq!(
        *edits.borrow(),
        [
            Edit::SetEmotion {
                persona: 1,
                stage: 7,
                value: Some(2)
            },
            Edit::SetEmotion {
                persona: 1,
                stage: 7,
                value: None
            },
        ]
    );
}

#[wasm_bindgen_test]
async fn an_unset_emotion_shows_as_not_set() {
    let (_, on_edit) = recorder();
    let wrapper = "<table><tbody><tr></tr></tbody></table>";
    let host = mount::<EmotionControl>(wrapper, emotion_props(None, on_edit)).await;
    let select = only_select(&host);
    assert_eq!(select.value(), "");
    assert!(host.query_selector("td.unset").unwrap().is_some());
}

#[wasm_bindgen_test]
async fn the_read_only_grid_shows_every_card_as_text_and_offers_no_edits() {
    let mut map = Template::Ecommerce.build("r".into(), 0);
    map.cards[0].text = "<b>not bold</b>".into();
    let persona = map.personas[0].clone();
    let host = mount::<ReadOnlyGrid>(
        "<div></div>",
        ReadOnlyGridProps {
            map: Rc::new(map.clone()),
            persona,
            marks: Rc::default(),
        },
    )
    .await;
    assert_eq!(
        host.query_selector_all("li.card").unwrap().length() as usize,
        map.cards.len()
    );
    assert_eq!(texts(&host, ".card-text")[0], "<b>not bold</b>");
    assert_eq!(host.query_selector_all("b").unwrap().length(), 0);
    assert_eq!(
        host.query_selector_all("button, select, input")
            .unwrap()
            .length(),
        0
    );
    assert_eq!(
        texts(&host, "td.feeling"),
        [
            "+1 Positive",
            "0 Neutral",
            "+1 Positive",
            "−1 Negative",
            "+2 Very positive",
            "+2 Very positive"
        ]
    );
}

/// The share dialog's link field, once the browser has compressed the map.
async fn share_link(host: &Element) -> Element {
    for _ in 0..500 {
        if let Some(field) = host.query_selector("#share-link").unwrap() {
            return field;
        }
        settle().await;
    }
    panic!("no link: {}", host.text_content().unwrap_or_default())
}

#[wasm_bindgen_test]
async fn the_share_dialog_offers_the_link_and_copies_what_is_asked() {
    let map = Template::FiveStage.build("s".into(), 0);
    let copied = Rc::new(RefCell::new(Vec::<String>::new()));
    let on_copy = {
        let copied = copied.clone();
        Callback::from(move |request: CopyRequest| {
            copied.borrow_mut().push(request.text);
            request.answer.emit(Copied::Yes);
        })
    };
    let host = mount::<ShareDialog>(
        "<div></div>",
        ShareDialogProps {
            map: Rc::new(map.clone()),
            partner: None,
            on_close: Callback::noop(),
            on_copy,
        },
    )
    .await;
    // The browser compresses the link in its own time; the dialog says so until it is ready.
    assert_eq!(texts(&host, "[role=status]"), ["Preparing the link…"]);
    let link: web_sys::HtmlTextAreaElement = share_link(&host).await.dyn_into().unwrap();
    let payload = link.value().split_once("#/view/").unwrap().1.to_string();
    // Inflated by the domain's own zlib, so the browser's output is checked by a second reader.
    assert_eq!(
        journey_core::share::decode(&payload).map(|s| s.map),
        Ok(map)
    );
    settle().await;
    assert_eq!(
        gloo::utils::document().active_element().unwrap().id(),
        "share-link",
        "the dialog opens with the link in focus"
    );
    let copy: HtmlElement = host
        .query_selector("button.primary")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    copy.click();
    settle().await;
    assert_eq!(*copied.borrow(), [link.value()]);
    assert_eq!(texts(&host, ".copy-status"), ["Link copied."]);
}

#[wasm_bindgen_test]
async fn a_long_share_link_comes_with_advice_to_send_a_file() {
    let mut map = Template::Ecommerce.build("l".into(), 0);
    // Text that does not compress, so the link passes what chat tools take.
    let mut state = 7u32;
    for card in &mut map.cards {
        card.text = (0..400)
            .map(|_| {
                state = state.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                char::from(b'a' + (state >> 16) as u8 % 26)
            })
            .collect();
    }
    let host = mount::<ShareDialog>(
        "<div></div>",
        ShareDialogProps {
            map: Rc::new(map),
            partner: None,
            on_close: Callback::noop(),
            on_copy: Callback::noop(),
        },
    )
    .await;
    share_link(&host).await;
    let length = texts(&host, ".link-length")[0].clone();
    let chars: usize = length.trim_end_matches(" characters").parse().unwrap();
    assert!(chars > 8 * 1024, "{length}");
    assert!(texts(&host, ".banner.warning")[0].contains("some chat and e-mail tools cut links"));
}

#[wasm_bindgen_test]
async fn data_driven_weights_are_previewed_and_applied_as_one_edit_with_their_source() {
    use journeyscope::components::score::weights_advice::{WeightsAdvice, WeightsAdviceProps};
    // Three measured touchpoints with 400 respondents' sums, weighed from the data once already;
    // a typed stage weight makes the weights typed again.
    let mut map = journey_core::import_json(include_str!(
        "../crates/journey-core/tests/fixtures/schema-v4.json"
    ))
    .unwrap();
    let stage = map.stages[0].id;
    let weight = journey_core::Weight(1.0);
    map.apply(&Edit::SetStageWeight { stage, weight }).unwrap();
    let (edits, on_edit) = recorder();
    let host = mount::<WeightsAdvice>(
        "<div></div>",
        WeightsAdviceProps {
            map: Rc::new(map.clone()),
            slice: Default::default(),
            today: "2026-12-02".into(),
            on_edit,
        },
    )
    .await;
    assert_eq!(
        texts(&host, ".weights-source"),
        ["Weights typed on the map."]
    );
    let button = |label: &str| {
        let buttons = host.query_selector_all("button").unwrap();
        (0..buttons.length())
            .filter_map(|i| buttons.item(i))
            .map(|b| b.unchecked_into::<HtmlElement>())
            .find(|b| b.text_content().as_deref() == Some(label))
            .unwrap_or_else(|| panic!("no button {label}"))
    };
    button("Use data-driven weights…").click();
    settle().await;
    let expected = map
        .data_driven_weights(&Default::default(), "2026-12-02".into())
        .unwrap();
    let change = texts(&host, ".weights-change")[0].clone();
    assert!(
        change.contains(&format!("would be {:.1}", expected.after.unwrap())),
        "{change}"
    );
    assert!(edits.borrow().is_empty(), "nothing changes before Apply");
    button("Apply these weights").click();
    settle().await;
    assert_eq!(*edits.borrow(), [expected.edit]);
    assert!(host.query_selector(".weights-preview").unwrap().is_none());
}

/// A map with two saved versions: "First" of the template, and "Second" after one card more.
fn map_with_two_versions() -> JourneyMap {
    let mut map = Template::FourStage.build("v".into(), 0);
    let edit = |map: &mut JourneyMap, edit: Edit| map.apply(&edit).unwrap();
    edit(
        &mut map,
        Edit::SaveVersion {
            name: "First".into(),
            saved: 1,
        },
    );
    let (lane, stage) = (map.lanes[1].id, map.stages[2].id);
    edit(
        &mut map,
        Edit::AddCard {
            lane,
            stage,
            text: "Compares two plans".into(),
        },
    );
    edit(
        &mut map,
        Edit::SaveVersion {
            name: "Second".into(),
            saved: 2,
        },
    );
    map
}

#[wasm_bindgen_test]
async fn the_versions_list_says_what_changed_and_restores_by_number() {
    let (edits, on_edit) = recorder();
    let props = VersionsPanelProps {
        map: Rc::new(map_with_two_versions()),
        today: "2026-12-03".into(),
        on_save: Callback::noop(),
        on_edit,
        on_show: Callback::noop(),
        on_duplicate: Callback::noop(),
        on_close: Callback::noop(),
    };
    let host = mount::<VersionsPanel>("<div></div>", props).await;
    let meta = texts(&host, ".version-meta");
    assert_eq!(meta.len(), 2);
    assert!(meta[0].ends_with(" · +1 card"), "{meta:?}");
    assert!(meta[1].ends_with(" · the first version"), "{meta:?}");
    let restore = host
        .query_selector("button[aria-label='Restore First']")
        .unwrap()
        .unwrap();
    restore.unchecked_into::<HtmlElement>().click();
    settle().await;
    assert_eq!(*edits.borrow(), [Edit::RestoreVersion { number: 1 }]);
}
