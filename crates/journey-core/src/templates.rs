//! Starting points for a new map. The texts are written for Journeyscope; they are examples a user
//! overwrites, so each one shows what a good card in its lane looks like.

use crate::edit::Edit;
use crate::model::{Card, Channel, EmotionPoint, Id, JourneyMap, LaneKind, Millis};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Template {
    Blank,
    FiveStage,
    FourStage,
    Ecommerce,
    ServiceBusiness,
}

/// One stage of a worked example: what happens there in every lane.
struct ExampleStage {
    stage: &'static str,
    touchpoint: (&'static str, Channel),
    action: &'static str,
    thought: &'static str,
    emotion: i8,
    pain: &'static str,
    opportunity: &'static str,
}

const STANDARD_LANES: [LaneKind; 6] = [
    LaneKind::Touchpoints,
    LaneKind::Actions,
    LaneKind::Thoughts,
    LaneKind::Feelings,
    LaneKind::PainPoints,
    LaneKind::Opportunities,
];

const ECOMMERCE: [ExampleStage; 6] = [
    ExampleStage {
        stage: "Discover",
        touchpoint: ("Sponsored post in a social feed", Channel::Social),
        action: "Stops scrolling and taps the ad",
        thought: "\"That jacket looks like what I need for autumn.\"",
        emotion: 1,
        pain: "Ad shows a colour that is sold out",
        opportunity: "Only advertise items that are in stock in the shown colour",
    },
    ExampleStage {
        stage: "Visit the store",
        touchpoint: ("Product page on the web shop", Channel::Web),
        action: "Browses sizes and photos",
        thought: "\"Will it fit me? The size chart is confusing.\"",
        emotion: 0,
        pain: "Size chart uses a different system than the customer knows",
        opportunity: "Add a fit finder based on a known brand's size",
    },
    ExampleStage {
        stage: "Read reviews",
        touchpoint: ("Reviews on the product page", Channel::Web),
        action: "Filters reviews by body type and reads the low ratings",
        thought: "\"Others say it runs small, so I will size up.\"",
        emotion: 1,
        pain: "Few reviews mention fit",
        opportunity: "Ask reviewers about fit with a one-tap question",
    },
    ExampleStage {
        stage: "Buy",
        touchpoint: ("Checkout", Channel::Web),
        action: "Creates an account and pays",
        thought: "\"Why do I need an account just to buy one thing?\"",
        emotion: -1,
        pain: "Forced sign-up and a surprise delivery fee",
        opportunity: "Offer guest checkout and show delivery costs on the product page",
    },
    ExampleStage {
        stage: "Follow-up",
        touchpoint: ("Order and care emails", Channel::Email),
        action: "Tracks the parcel and reads the care tips",
        thought: "\"Nice, it arrives tomorrow.\"",
        emotion: 2,
        pain: "Marketing emails start before the parcel arrives",
        opportunity: "Hold promotions until a week after delivery",
    },
    ExampleStage {
        stage: "Buy again",
        touchpoint: ("Personal offer email", Channel::Email),
        action: "Uses a returning-customer code for a second item",
        thought: "\"They remembered my size, that was easy.\"",
        emotion: 2,
        pain: "Discount code expires too quickly",
        opportunity: "Save the size and suggest matching items",
    },
];

const SERVICE_BUSINESS: [ExampleStage; 5] = [
    ExampleStage {
        stage: "Discover",
        touchpoint: ("Blog post found through search", Channel::Web),
        action: "Reads an article about cutting onboarding time",
        thought: "\"These people understand our problem.\"",
        emotion: 1,
        pain: "No clear next step at the end of the article",
        opportunity: "End each post with an invitation to a related webinar",
    },
    ExampleStage {
        stage: "Learn",
        touchpoint: ("Live webinar", Channel::Web),
        action: "Joins the webinar and asks a question in the chat",
        thought: "\"Useful, but is this right for a company our size?\"",
        emotion: 1,
        pain: "Question left unanswered when time ran out",
        opportunity: "Answer open questions by email the next day",
    },
    ExampleStage {
        stage: "Consult",
        touchpoint: ("Consultation call", Channel::Phone),
        action: "Books a free consultation and explains the situation",
        thought: "\"I have to explain everything again from the start.\"",
        emotion: -1,
        pain: "Consultant has not seen what was asked in the webinar",
        opportunity: "Share webinar notes with the consultant before the call",
    },
    ExampleStage {
        stage: "Commit",
        touchpoint: ("Proposal and contract", Channel::Email),
        action: "Reviews the proposal with finance and signs",
        thought: "\"The price is clear, the legal terms are not.\"",
        emotion: 0,
        pain: "Contract goes back and forth three times",
        opportunity: "Send a plain-language summary with the contract",
    },
    ExampleStage {
        stage: "Ongoing support",
        touchpoint: ("Support chat and quarterly review", Channel::Chat),
        action: "Raises questions and meets the account lead each quarter",
        thought: "\"They respond fast and know our history.\"",
        emotion: 2,
        pain: "A new account lead starts without a handover",
        opportunity: "Keep a shared account history every lead can read",
    },
];

impl Template {
    pub const ALL: [Template; 5] = [
        Template::Blank,
        Template::FiveStage,
        Template::FourStage,
        Template::Ecommerce,
        Template::ServiceBusiness,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Template::Blank => "Blank map",
            Template::FiveStage => "Five stages",
            Template::FourStage => "Four stages",
            Template::Ecommerce => "eCommerce purchase",
            Template::ServiceBusiness => "Service business",
        }
    }

    pub fn summary(self) -> &'static str {
        match self {
            Template::Blank => "No stages or lanes yet. Build it your way.",
            Template::FiveStage => "Awareness, Consideration, Purchase, Retention, Advocacy.",
            Template::FourStage => "Awareness, Consideration, Decision, Post-purchase.",
            Template::Ecommerce => {
                "From a social ad to a repeat purchase, filled in as an example."
            }
            Template::ServiceBusiness => {
                "From a blog post to ongoing support, filled in as an example."
            }
        }
    }

    pub fn from_slug(slug: &str) -> Option<Template> {
        Template::ALL.into_iter().find(|t| t.slug() == slug)
    }

    pub fn slug(self) -> &'static str {
        match self {
            Template::Blank => "blank",
            Template::FiveStage => "five-stage",
            Template::FourStage => "four-stage",
            Template::Ecommerce => "ecommerce",
            Template::ServiceBusiness => "service",
        }
    }

    /// A new map from this template with the id and time the caller chose.
    pub fn build(self, id: String, now: Millis) -> JourneyMap {
        match self {
            Template::Blank => JourneyMap::empty(id, "Untitled journey".into(), now),
            Template::FiveStage => outline(
                id,
                now,
                "Customer journey",
                &[
                    "Awareness",
                    "Consideration",
                    "Purchase",
                    "Retention",
                    "Advocacy",
                ],
            ),
            Template::FourStage => outline(
                id,
                now,
                "Customer journey",
                &["Awareness", "Consideration", "Decision", "Post-purchase"],
            ),
            Template::Ecommerce => example(
                id,
                now,
                "Online clothing purchase",
                "A shopper who meets the brand through a social ad and comes back for more.",
                "Busy online shopper",
                &ECOMMERCE,
            ),
            Template::ServiceBusiness => example(
                id,
                now,
                "Consultancy client journey",
                "A company that finds a consultancy through its content and becomes a client.",
                "Operations lead at a mid-size firm",
                &SERVICE_BUSINESS,
            ),
        }
    }
}

/// Template edits are known to be valid, so their results are not checked one by one; the
/// tests validate every template instead.
fn apply_all(map: &mut JourneyMap, edits: impl IntoIterator<Item = Edit>) {
    for edit in edits {
        let _ = map.apply(&edit);
    }
}

fn outline(id: String, now: Millis, name: &str, stages: &[&str]) -> JourneyMap {
    let mut map = JourneyMap::empty(id, name.into(), now);
    apply_all(
        &mut map,
        stages.iter().map(|s| Edit::AddStage { name: (*s).into() }),
    );
    let lanes = STANDARD_LANES.map(|kind| Edit::AddLane {
        kind,
        title: String::new(),
    });
    apply_all(&mut map, lanes);
    map
}

fn example(
    id: String,
    now: Millis,
    name: &str,
    description: &str,
    persona: &str,
    steps: &[ExampleStage],
) -> JourneyMap {
    let stage_names: Vec<&str> = steps.iter().map(|s| s.stage).collect();
    let mut map = outline(id, now, name, &stage_names);
    map.description = description.into();
    map.personas[0].name = persona.into();
    let lane_of = |kind: LaneKind| {
        map.lanes
            .iter()
            .find(|l| l.kind == kind)
            .map_or(0, |l| l.id)
    };
    let lanes = STANDARD_LANES.map(lane_of);
    let stage_ids: Vec<Id> = map.stages.iter().map(|s| s.id).collect();
    for (step, stage) in steps.iter().zip(stage_ids) {
        let cells = [
            (lanes[0], step.touchpoint.0, Some(step.touchpoint.1)),
            (lanes[1], step.action, None),
            (lanes[2], step.thought, None),
            (lanes[4], step.pain, None),
            (lanes[5], step.opportunity, None),
        ];
        for (lane, text, channel) in cells {
            let id = map.next_id();
            map.cards.push(Card {
                id,
                lane,
                stage,
                text: text.into(),
                note: None,
                channel,
                measure: None,
            });
        }
        map.personas[0].emotions.push(EmotionPoint {
            stage,
            value: step.emotion,
        });
    }
    map
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_template_is_found_by_its_slug() {
        for template in Template::ALL {
            assert_eq!(Template::from_slug(template.slug()), Some(template));
        }
        assert_eq!(Template::from_slug("Blank"), None);
    }
    use crate::validate::validate;

    fn stage_names(map: &JourneyMap) -> Vec<&str> {
        map.stages.iter().map(|s| s.name.as_str()).collect()
    }

    #[test]
    fn every_template_is_valid_and_keeps_the_given_id_and_time() {
        for template in Template::ALL {
            let map = template.build(format!("t-{}", template.slug()), 42);
            assert_eq!(validate(&map), vec![], "{}", template.label());
            assert_eq!(map.id, format!("t-{}", template.slug()));
            assert_eq!((map.created, map.updated), (42, 42));
            assert_eq!(map.personas.len(), 1);
        }
    }

    #[test]
    fn outlines_have_the_standard_stages_and_lanes() {
        let five = Template::FiveStage.build("a".into(), 0);
        assert_eq!(
            stage_names(&five),
            [
                "Awareness",
                "Consideration",
                "Purchase",
                "Retention",
                "Advocacy"
            ]
        );
        let four = Template::FourStage.build("b".into(), 0);
        assert_eq!(
            stage_names(&four),
            ["Awareness", "Consideration", "Decision", "Post-purchase"]
        );
        let kinds: Vec<_> = four.lanes.iter().map(|l| l.kind).collect();
        assert_eq!(kinds, STANDARD_LANES);
        assert!(four.cards.is_empty());
        let blank = Template::Blank.build("c".into(), 0);
        assert!(blank.stages.is_empty() && blank.lanes.is_empty());
    }

    #[test]
    fn examples_fill_every_lane_of_every_stage() {
        for (template, stages) in [(Template::Ecommerce, 6), (Template::ServiceBusiness, 5)] {
            let map = template.build("x".into(), 0);
            assert_eq!(map.stages.len(), stages);
            for stage in &map.stages {
                for lane in map.lanes.iter().filter(|l| l.kind.holds_cards()) {
                    assert_eq!(
                        map.cards_in(lane.id, stage.id).count(),
                        1,
                        "{} / {}",
                        stage.name,
                        lane.title
                    );
                }
                assert!(map.personas[0].emotion_at(stage.id).is_some());
            }
        }
    }

    #[test]
    fn example_touchpoints_carry_their_channel() {
        let map = Template::Ecommerce.build("x".into(), 0);
        let touchpoints = map
            .lanes
            .iter()
            .find(|l| l.kind == LaneKind::Touchpoints)
            .unwrap();
        let channels: Vec<_> = map
            .cards
            .iter()
            .filter(|c| c.lane == touchpoints.id)
            .map(|c| c.channel)
            .collect();
        assert_eq!(channels[0], Some(Channel::Social));
        assert_eq!(channels[4], Some(Channel::Email));
        let curve: Vec<_> = map
            .stages
            .iter()
            .map(|s| map.personas[0].emotion_at(s.id))
            .collect();
        assert_eq!(
            curve,
            [Some(1), Some(0), Some(1), Some(-1), Some(2), Some(2)]
        );
    }
}
