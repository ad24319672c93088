//! Every card and every feeling of a map as CSV, for spreadsheets.

use crate::model::{JourneyMap, LaneKind};
use crate::score::block::csv_field;

pub fn cards_csv(map: &JourneyMap) -> String {
    let mut out = String::from("stage,lane,kind,persona,text,note,channel,emotion\n");
    let row = |cells: [&str; 8]| {
        cells
            .iter()
            .map(|c| csv_field(c))
            .collect::<Vec<_>>()
            .join(",")
            + "\n"
    };
    for stage in &map.stages {
        for lane in &map.lanes {
            if lane.kind == LaneKind::Feelings {
                for persona in &map.personas {
                    if let Some(value) = persona.emotion_at(stage.id) {
                        let value = format!("{value:+}");
                        out.push_str(&row([
                            &stage.name,
                            &lane.title,
                            lane.kind.slug(),
                            &persona.name,
                            "",
                            "",
                            "",
                            &value,
                        ]));
                    }
                }
                continue;
            }
            for card in map.cards_in(lane.id, stage.id) {
                let note = card.note.as_deref().unwrap_or("");
                let channel = card.channel.map_or("", |c| c.slug());
                out.push_str(&row([
                    &stage.name,
                    &lane.title,
                    lane.kind.slug(),
                    "",
                    &card.text,
                    note,
                    channel,
                    "",
                ]));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Template;

    #[test]
    fn cards_and_feelings_stage_by_stage() {
        let csv = cards_csv(&Template::Ecommerce.build("m".into(), 0));
        let lines: Vec<&str> = csv.lines().collect();
        assert_eq!(
            lines[0],
            "stage,lane,kind,persona,text,note,channel,emotion"
        );
        assert_eq!(
            lines[1],
            "Discover,Touchpoints,touchpoints,,Sponsored post in a social feed,,social,"
        );
        assert_eq!(lines[3], "Discover,Thoughts,thoughts,,\"\"\"That jacket looks like what I need for autumn.\"\"\",,,");
        assert_eq!(
            lines[4],
            "Discover,Feelings,feelings,Busy online shopper,,,,+1"
        );
        // 30 cards and 6 feelings
        assert_eq!(lines.len(), 1 + 30 + 6);
    }
}
