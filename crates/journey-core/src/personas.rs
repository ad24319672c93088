//! Personas side by side: each chosen persona's feelings by stage, and, where answers came from
//! the persona's segment, that segment's journey score and weakest stage.

use crate::model::{Id, JourneyMap, Persona};
use crate::score::evidence::{segments, Slice};
use crate::score::journey::JourneyScore;

/// One persona beside the others.
#[derive(Clone, Debug, PartialEq)]
pub struct PersonaSide {
    pub persona: Id,
    pub name: String,
    /// The persona's feeling at each stage, in stage order.
    pub feelings: Vec<Option<i8>>,
    /// The segment whose answers are this persona's (`segment_of`).
    pub segment: Option<String>,
    /// The journey score from that segment's answers alone; `None` without such answers.
    pub score: Option<JourneyScore>,
}

/// The segment whose respondents are the persona: the one the survey mapping links to it, or,
/// when the answers did not come through a mapping, the one with its name in any case.
pub fn segment_of(map: &JourneyMap, persona: &Persona, segments: &[String]) -> Option<String> {
    match &map.scoring.survey {
        Some(mapping) => mapping
            .personas
            .iter()
            .find(|link| link.persona == persona.id && segments.contains(&link.segment))
            .map(|link| link.segment.clone()),
        None => segments
            .iter()
            .find(|s| s.to_lowercase() == persona.name.to_lowercase())
            .cloned(),
    }
}

/// The persona a segment's respondents are: the other way round from `segment_of`.
pub fn persona_of<'m>(map: &'m JourneyMap, segment: &str) -> Option<&'m Persona> {
    match &map.scoring.survey {
        Some(mapping) => mapping
            .personas
            .iter()
            .find(|link| link.segment == segment)
            .and_then(|link| map.persona(link.persona)),
        None => map
            .personas
            .iter()
            .find(|p| p.name.to_lowercase() == segment.to_lowercase()),
    }
}

/// The chosen personas in the map's order.
pub fn side_by_side(map: &JourneyMap, chosen: &[Id]) -> Vec<PersonaSide> {
    let segments = segments(&map.scoring.evidence);
    map.personas
        .iter()
        .filter(|p| chosen.contains(&p.id))
        .map(|persona| {
            let segment = segment_of(map, persona, &segments);
            let score = segment.as_ref().and_then(|segment| {
                let slice = Slice {
                    period: None,
                    segment: Some(segment.clone()),
                };
                map.scores(&slice).journey
            });
            PersonaSide {
                persona: persona.id,
                name: persona.name.clone(),
                feelings: map
                    .stages
                    .iter()
                    .map(|s| persona.emotion_at(s.id))
                    .collect(),
                segment,
                score,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::evidence::{Evidence, Histogram};
    use crate::model::metric::Metric;
    use crate::model::survey_mapping::{SegmentPersona, SurveyMapping};
    use crate::model::{Measure, Weight};
    use crate::{Edit, Template};

    /// The four-stage template with one measured touchpoint (a 1–5 mean) in its third stage,
    /// answered 5, 5 by "Students" and 1, 3 by "Pros", and a second persona, "students".
    fn map() -> JourneyMap {
        let mut map = Template::FourStage.build("p".into(), 0);
        let (lane, stage) = (map.lanes[0].id, map.stages[2].id);
        map.apply(&Edit::AddCard {
            lane,
            stage,
            text: "Checkout".into(),
        })
        .unwrap();
        let card = map.cards.last().unwrap().id;
        let measure = Measure {
            metric: Metric::mean(1, 5),
            weight: Weight::default(),
            target: None,
        };
        map.apply(&Edit::SetMeasure {
            card,
            measure: Some(measure),
        })
        .unwrap();
        let answers = |segment: &str, values: [i32; 2]| Evidence {
            card,
            period: None,
            segment: Some(segment.into()),
            answers: Histogram::from_values(1, 5, values),
        };
        let evidence = vec![answers("Students", [5, 5]), answers("Pros", [1, 3])];
        map.apply(&Edit::AddEvidence {
            evidence,
            loyalty: vec![],
            replace: true,
            survey: None,
        })
        .unwrap();
        map.apply(&Edit::AddPersona {
            name: "students".into(),
        })
        .unwrap();
        let stage0 = map.stages[0].id;
        let student = map.personas[1].id;
        map.apply(&Edit::SetEmotion {
            persona: student,
            stage: stage0,
            value: Some(-2),
        })
        .unwrap();
        map
    }

    #[test]
    fn a_persona_scores_from_the_segment_of_its_name_alone() {
        let map = map();
        let ids: Vec<Id> = map.personas.iter().map(|p| p.id).collect();
        let sides = side_by_side(&map, &ids);
        assert_eq!(sides.len(), 2);
        let (first, student) = (&sides[0], &sides[1]);
        assert_eq!(first.segment, None);
        assert_eq!(first.score, None);
        assert_eq!(student.segment.as_deref(), Some("Students"));
        // Both Students answered 5 on a 1–5 scale: the top of the scale, 100.
        let score = student.score.as_ref().unwrap();
        assert!((score.score - 100.0).abs() < 1e-9, "{score:?}");
        assert_eq!(score.weakest_stage, map.stages[2].id);
        assert_eq!(student.feelings, vec![Some(-2), None, None, None]);
        assert_eq!(
            persona_of(&map, "Students").map(|p| p.id),
            Some(student.persona)
        );
    }

    #[test]
    fn a_linked_segment_is_the_personas_whatever_the_names() {
        let mut map = map();
        let (first, student) = (map.personas[0].id, map.personas[1].id);
        let link = |segment: &str, persona| SegmentPersona {
            segment: segment.into(),
            persona,
        };
        let mapping = SurveyMapping {
            personas: vec![link("Pros", first)],
            ..SurveyMapping::default()
        };
        map.apply(&Edit::SetSurveyMapping(Some(Box::new(mapping))))
            .unwrap();
        let sides = side_by_side(&map, &[first, student]);
        assert_eq!(sides[0].segment.as_deref(), Some("Pros"));
        // Pros answered 1 and 3 on 1–5: a mean of 2, a quarter of the way up, 25.
        assert!((sides[0].score.as_ref().unwrap().score - 25.0).abs() < 1e-9);
        // With a mapping, a name alone links nothing: "students" stays a segment.
        assert_eq!(
            (sides[1].segment.as_deref(), &sides[1].score),
            (None, &None)
        );
        map.apply(&Edit::DeletePersona { persona: first }).unwrap();
        assert!(map.scoring.survey.as_ref().unwrap().personas.is_empty());
    }

    #[test]
    fn only_the_chosen_personas_come_in_the_maps_order() {
        let map = map();
        let second = map.personas[1].id;
        let sides = side_by_side(&map, &[second]);
        assert_eq!(
            sides.iter().map(|s| s.persona).collect::<Vec<_>>(),
            [second]
        );
    }
}
