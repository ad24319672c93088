//! The journey map: stages as columns, typed lanes as rows, cards in the cells, and one emotion
//! curve per persona.

pub mod evidence;
pub mod metric;
pub mod survey_mapping;
pub mod versions;

use serde::{Deserialize, Serialize};

use evidence::{Evidence, LoyaltyEvidence};
use metric::Metric;
use survey_mapping::SurveyMapping;
use versions::SavedVersions;

/// Milliseconds since the Unix epoch. The app reads the clock; the domain only stores the value.
pub type Millis = i64;

/// An element id, unique among all stages, lanes, personas and cards of one map. Ids survive
/// export and import, so a file edited elsewhere still lines up with the map it came from.
pub type Id = u32;

/// Lowest and highest emotion a persona can feel at a stage.
pub const EMOTION_MIN: i8 = -2;
pub const EMOTION_MAX: i8 = 2;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct JourneyMap {
    /// Unique among the maps of one browser; chosen by whoever creates the map.
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub description: String,
    /// Set on a to-be journey: the id of the as-is map it was planned from (`to_be`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_is: Option<String>,
    pub created: Millis,
    pub updated: Millis,
    /// Columns, left to right.
    pub stages: Vec<Stage>,
    /// Rows, top to bottom.
    pub lanes: Vec<Lane>,
    /// At least one; each has its own emotion curve.
    pub personas: Vec<Persona>,
    /// Cards in the order they appear inside their cell.
    pub cards: Vec<Card>,
    #[serde(default, skip_serializing_if = "Scoring::is_default")]
    pub scoring: Scoring,
    /// Named versions saved by the user, oldest first; see `versions`.
    #[serde(default, skip_serializing_if = "SavedVersions::is_empty")]
    #[cfg_attr(feature = "schema", schemars(with = "Vec<versions::SavedVersion>"))]
    pub versions: SavedVersions,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Stage {
    pub id: Id,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The stage's importance in the journey score; 1 unless set, 0 leaves it out.
    #[serde(default, skip_serializing_if = "Weight::is_default")]
    pub weight: Weight,
}

/// An importance weight: finite and not negative (validation refuses anything else), so values
/// compare as numbers and the map stays `Eq`.
#[derive(Clone, Copy, Debug, PartialEq, PartialOrd, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(transparent)]
pub struct Weight(pub f64);

impl Eq for Weight {}

impl Default for Weight {
    fn default() -> Weight {
        Weight(1.0)
    }
}

impl Weight {
    pub fn is_default(&self) -> bool {
        self.0 == 1.0
    }

    pub fn is_valid(self) -> bool {
        self.0.is_finite() && self.0 >= 0.0
    }
}

/// How a touchpoint card is measured: its metric and its importance inside its stage.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Measure {
    pub metric: Metric,
    #[serde(default, skip_serializing_if = "Weight::is_default")]
    pub weight: Weight,
    /// On a to-be journey: the score (0–100) the planned change should reach.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<u8>,
}

/// The highest target a touchpoint can be given.
pub const TARGET_MAX: u8 = 100;

fn default_alert() -> u32 {
    60
}

fn default_low_sample() -> u64 {
    30
}

/// The score's evidence and settings: what was measured, never the raw survey rows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Scoring {
    /// Answers per touchpoint card, period and segment, as histograms.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<Evidence>,
    /// Sums behind the loyalty link and the key drivers, per period and segment.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub loyalty: Vec<LoyaltyEvidence>,
    /// Where the weights came from: absent when they were typed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weights_from: Option<WeightsSource>,
    /// How the last survey file was mapped, so the next one imports the same way.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub survey: Option<SurveyMapping>,
    /// Scores below this are flagged (0–100).
    #[serde(default = "default_alert")]
    pub alert_below: u32,
    /// Fewer answers than this are flagged as a low sample.
    #[serde(default = "default_low_sample")]
    pub low_sample: u64,
}

impl Default for Scoring {
    fn default() -> Scoring {
        Scoring {
            evidence: Vec::new(),
            loyalty: Vec::new(),
            weights_from: None,
            survey: None,
            alert_below: default_alert(),
            low_sample: default_low_sample(),
        }
    }
}

/// Weights derived from the answers (key-driver importances) rather than typed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct WeightsSource {
    /// The loyalty question the importances were measured against.
    pub loyalty_question: String,
    /// The answers they came from: a period, a segment, or (both absent) all answers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub segment: Option<String>,
    /// Respondents behind them.
    pub respondents: u64,
    /// The day they were applied, `YYYY-MM-DD`.
    pub applied: String,
}

impl Scoring {
    pub fn is_default(&self) -> bool {
        *self == Scoring::default()
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Lane {
    pub id: Id,
    pub kind: LaneKind,
    pub title: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum LaneKind {
    Touchpoints,
    Actions,
    Thoughts,
    /// Holds no cards: the emotion of each persona at each stage, drawn as a curve.
    Feelings,
    PainPoints,
    Opportunities,
    Frontstage,
    Backstage,
    Support,
    Custom,
}

impl LaneKind {
    pub const ALL: [LaneKind; 10] = [
        LaneKind::Touchpoints,
        LaneKind::Actions,
        LaneKind::Thoughts,
        LaneKind::Feelings,
        LaneKind::PainPoints,
        LaneKind::Opportunities,
        LaneKind::Frontstage,
        LaneKind::Backstage,
        LaneKind::Support,
        LaneKind::Custom,
    ];

    /// The title a new lane of this kind starts with.
    pub fn default_title(self) -> &'static str {
        match self {
            LaneKind::Touchpoints => "Touchpoints",
            LaneKind::Actions => "Actions",
            LaneKind::Thoughts => "Thoughts",
            LaneKind::Feelings => "Feelings",
            LaneKind::PainPoints => "Pain points",
            LaneKind::Opportunities => "Opportunities",
            LaneKind::Frontstage => "Frontstage",
            LaneKind::Backstage => "Backstage",
            LaneKind::Support => "Support processes",
            LaneKind::Custom => "Custom lane",
        }
    }

    /// The name used in the file format (`pain_points`), also handy as a stable CSS class.
    pub fn slug(self) -> &'static str {
        match self {
            LaneKind::Touchpoints => "touchpoints",
            LaneKind::Actions => "actions",
            LaneKind::Thoughts => "thoughts",
            LaneKind::Feelings => "feelings",
            LaneKind::PainPoints => "pain_points",
            LaneKind::Opportunities => "opportunities",
            LaneKind::Frontstage => "frontstage",
            LaneKind::Backstage => "backstage",
            LaneKind::Support => "support",
            LaneKind::Custom => "custom",
        }
    }

    pub fn from_slug(slug: &str) -> Option<LaneKind> {
        LaneKind::ALL.into_iter().find(|kind| kind.slug() == slug)
    }

    pub fn holds_cards(self) -> bool {
        self != LaneKind::Feelings
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    Web,
    Email,
    Store,
    Phone,
    Social,
    Chat,
    Ad,
    Other,
}

impl Channel {
    pub const ALL: [Channel; 8] = [
        Channel::Web,
        Channel::Email,
        Channel::Store,
        Channel::Phone,
        Channel::Social,
        Channel::Chat,
        Channel::Ad,
        Channel::Other,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Channel::Web => "Web",
            Channel::Email => "Email",
            Channel::Store => "Store",
            Channel::Phone => "Phone",
            Channel::Social => "Social media",
            Channel::Chat => "Chat",
            Channel::Ad => "Ad",
            Channel::Other => "Other",
        }
    }

    pub fn slug(self) -> &'static str {
        match self {
            Channel::Web => "web",
            Channel::Email => "email",
            Channel::Store => "store",
            Channel::Phone => "phone",
            Channel::Social => "social",
            Channel::Chat => "chat",
            Channel::Ad => "ad",
            Channel::Other => "other",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Channel> {
        Channel::ALL
            .into_iter()
            .find(|channel| channel.slug() == slug)
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Persona {
    pub id: Id,
    pub name: String,
    #[serde(default)]
    pub description: String,
    /// At most one point per stage; a stage without a point is unset.
    #[serde(default)]
    pub emotions: Vec<EmotionPoint>,
}

impl Persona {
    pub fn emotion_at(&self, stage: Id) -> Option<i8> {
        self.emotions
            .iter()
            .find(|point| point.stage == stage)
            .map(|point| point.value)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct EmotionPoint {
    pub stage: Id,
    /// From −2 (very negative) to +2 (very positive).
    pub value: i8,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Card {
    pub id: Id,
    pub lane: Id,
    pub stage: Id,
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Only meaningful on touchpoint cards.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub channel: Option<Channel>,
    /// Set on touchpoint cards that are measured for the journey score.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub measure: Option<Measure>,
}

impl JourneyMap {
    /// An empty map with one persona, ready for stages and lanes.
    pub fn empty(id: String, name: String, now: Millis) -> JourneyMap {
        JourneyMap {
            id,
            name,
            description: String::new(),
            as_is: None,
            created: now,
            updated: now,
            stages: Vec::new(),
            lanes: Vec::new(),
            personas: vec![Persona {
                id: 1,
                name: "Primary customer".into(),
                description: String::new(),
                emotions: Vec::new(),
            }],
            cards: Vec::new(),
            scoring: Scoring::default(),
            versions: SavedVersions::default(),
        }
    }

    /// The next free id: one past the largest in use, so ids are never reused while they exist.
    pub fn next_id(&self) -> Id {
        let stages = self.stages.iter().map(|s| s.id);
        let lanes = self.lanes.iter().map(|l| l.id);
        let personas = self.personas.iter().map(|p| p.id);
        let cards = self.cards.iter().map(|c| c.id);
        stages
            .chain(lanes)
            .chain(personas)
            .chain(cards)
            .max()
            .map_or(1, |max| max.saturating_add(1))
    }

    pub fn stage(&self, id: Id) -> Option<&Stage> {
        self.stages.iter().find(|s| s.id == id)
    }

    pub fn lane(&self, id: Id) -> Option<&Lane> {
        self.lanes.iter().find(|l| l.id == id)
    }

    pub fn card(&self, id: Id) -> Option<&Card> {
        self.cards.iter().find(|c| c.id == id)
    }

    pub fn persona(&self, id: Id) -> Option<&Persona> {
        self.personas.iter().find(|p| p.id == id)
    }

    /// Cards of one cell, in display order.
    pub fn cards_in(&self, lane: Id, stage: Id) -> impl Iterator<Item = &Card> {
        self.cards
            .iter()
            .filter(move |c| c.lane == lane && c.stage == stage)
    }
}
