//! A first guess at how a new file maps onto the map: the remembered mapping where it still fits,
//! otherwise columns named like the map's touchpoints and the usual date and respondent columns.

use super::aggregate::{ColumnLink, SurveyMapping};
use super::layout::Column;
use crate::model::survey_mapping::SegmentPersona;
use crate::model::JourneyMap;

const DATE_NAMES: [&str; 7] = [
    "recordeddate",
    "timestamp",
    "start date",
    "date",
    "enddate",
    "end date",
    "submitted at",
];
const RESPONDENT_NAMES: [&str; 5] = [
    "responseid",
    "response id",
    "respondent id",
    "respondent",
    "respondent_id",
];

fn find(columns: &[Column], wanted: &str) -> Option<String> {
    let wanted = wanted.trim().to_lowercase();
    columns
        .iter()
        .find(|c| c.key.to_lowercase() == wanted || c.question.to_lowercase() == wanted)
        .map(|c| c.key.clone())
}

fn first_named(columns: &[Column], names: &[&str]) -> Option<String> {
    names.iter().find_map(|name| find(columns, name))
}

/// `choices` are what a touchpoint can be linked to: column keys, or touchpoint names in the
/// long layout.
pub fn suggest(
    remembered: &SurveyMapping,
    columns: &[Column],
    choices: &[String],
    map: &JourneyMap,
) -> SurveyMapping {
    let keep = |column: &Option<String>| column.as_deref().and_then(|c| find(columns, c));
    let mut touchpoints = Vec::new();
    for card in map.cards.iter().filter(|c| c.measure.is_some()) {
        let remembered_link = remembered.touchpoints.iter().find(|l| l.card == card.id);
        let fits = |name: &str| {
            choices
                .iter()
                .find(|c| c.eq_ignore_ascii_case(name.trim()))
                .cloned()
        };
        let column = remembered_link
            .and_then(|l| fits(&l.column))
            .or_else(|| fits(&card.text));
        if let Some(column) = column {
            touchpoints.push(ColumnLink {
                column,
                card: card.id,
            });
        }
    }
    SurveyMapping {
        layout: remembered.layout,
        period: remembered.period,
        date_column: keep(&remembered.date_column).or_else(|| first_named(columns, &DATE_NAMES)),
        date_order: remembered.date_order,
        segment_column: keep(&remembered.segment_column),
        respondent_column: keep(&remembered.respondent_column)
            .or_else(|| first_named(columns, &RESPONDENT_NAMES)),
        loyalty_column: remembered
            .loyalty_column
            .clone()
            .filter(|l| find(columns, l).is_some() || choices.iter().any(|c| c == l)),
        touchpoints,
        labels: remembered.labels.clone(),
        personas: remembered
            .personas
            .iter()
            .filter(|link| map.persona(link.persona).is_some())
            .cloned()
            .collect(),
    }
}

/// The persona each value of the segment column is linked to: the remembered link where the
/// persona still exists, otherwise the persona of the same name in any case; values with
/// neither stay segments.
pub fn persona_links(
    values: &[String],
    remembered: &[SegmentPersona],
    map: &JourneyMap,
) -> Vec<SegmentPersona> {
    values
        .iter()
        .filter_map(|value| {
            let kept = remembered
                .iter()
                .find(|link| link.segment == *value && map.persona(link.persona).is_some())
                .map(|link| link.persona);
            let named = || {
                map.personas
                    .iter()
                    .find(|p| p.name.trim().to_lowercase() == value.trim().to_lowercase())
                    .map(|p| p.id)
            };
            kept.or_else(named).map(|persona| SegmentPersona {
                segment: value.clone(),
                persona,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Id, Measure, Weight};
    use crate::score::Metric;
    use crate::{Edit, Template};

    fn columns(keys: &[&str]) -> Vec<Column> {
        keys.iter()
            .map(|k| Column {
                key: k.to_string(),
                question: format!("{k}?"),
            })
            .collect()
    }

    fn map() -> JourneyMap {
        let mut map = Template::Ecommerce.build("m".into(), 0);
        let checkout = map.cards.iter().find(|c| c.text == "Checkout").unwrap().id;
        let measure = Some(Measure {
            metric: Metric::mean(1, 5),
            weight: Weight::default(),
            target: None,
        });
        map.apply(&Edit::SetMeasure {
            card: checkout,
            measure,
        })
        .unwrap();
        map
    }

    #[test]
    fn columns_named_like_touchpoints_and_dates_are_picked() {
        let cols = columns(&["Timestamp", "checkout", "Other"]);
        let choices: Vec<String> = cols.iter().map(|c| c.key.clone()).collect();
        let s = suggest(&SurveyMapping::default(), &cols, &choices, &map());
        assert_eq!(s.date_column.as_deref(), Some("Timestamp"));
        assert_eq!(s.touchpoints.len(), 1);
        assert_eq!(s.touchpoints[0].column, "checkout");
    }

    #[test]
    fn a_remembered_mapping_is_kept_where_the_file_still_has_its_columns() {
        let map = map();
        let card = map.cards.iter().find(|c| c.measure.is_some()).unwrap().id;
        let remembered = SurveyMapping {
            date_column: Some("When".into()),
            segment_column: Some("Gone".into()),
            touchpoints: vec![ColumnLink {
                column: "Q3".into(),
                card,
            }],
            ..SurveyMapping::default()
        };
        let cols = columns(&["When", "Q3"]);
        let choices: Vec<String> = cols.iter().map(|c| c.key.clone()).collect();
        let s = suggest(&remembered, &cols, &choices, &map);
        assert_eq!(s.date_column.as_deref(), Some("When"));
        assert_eq!(s.segment_column, None);
        assert_eq!(
            s.touchpoints,
            vec![ColumnLink {
                column: "Q3".into(),
                card
            }]
        );
    }

    #[test]
    fn segments_link_to_personas_by_memory_then_by_name_in_any_case() {
        let mut map = map();
        map.apply(&Edit::AddPersona {
            name: "Bargain Hunter".into(),
        })
        .unwrap();
        let (first, hunter) = (map.personas[0].id, map.personas[1].id);
        let values: Vec<String> = ["bargain hunter ", "Loyal", "New"].map(String::from).into();
        let remembered = [
            SegmentPersona {
                segment: "Loyal".into(),
                persona: first,
            },
            SegmentPersona {
                segment: "New".into(),
                persona: 999,
            },
        ];
        let links = persona_links(&values, &remembered, &map);
        let pairs: Vec<(&str, Id)> = links
            .iter()
            .map(|l| (l.segment.as_str(), l.persona))
            .collect();
        assert_eq!(pairs, [("bargain hunter ", hunter), ("Loyal", first)]);
    }
}
