//! Every file a map can become, and reading a map back from whichever of them it was.

use crate::cards_csv::cards_csv;
use crate::format::{export_json, file_stem, import_json};
use crate::mermaid::{from_mermaid, to_mermaid};
use crate::model::Id;
use crate::model::{JourneyMap, Millis};
use crate::picture::{compare_svg, emotion_svg, heatmap_svg, map_svg, Picture};
use crate::score::block::scores_csv;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Export {
    /// The map file, with its read-only scores block.
    Json,
    /// The map file without the map's saved versions, for sending the map as it is now.
    JsonWithoutVersions,
    CardsCsv,
    ScoresCsv,
    Mermaid,
    /// The whole map as a picture.
    MapSvg,
    /// Touchpoint scores by stage, coloured against the alert line.
    HeatmapSvg,
    /// The personas' feelings across the stages.
    FeelingsSvg,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExportFile {
    pub name: String,
    pub mime: &'static str,
    pub text: String,
}

const SVG: &str = "image/svg+xml";
pub const MAP_FILE_MIME: &str = "application/json";

pub fn export(map: &JourneyMap, kind: Export) -> ExportFile {
    let stem = file_stem(map);
    let (name, mime, text) = match kind {
        Export::Json => return map_file(map),
        Export::JsonWithoutVersions => return map_file(&map.snapshot()),
        Export::CardsCsv => (format!("{stem}.cards.csv"), "text/csv", cards_csv(map)),
        Export::ScoresCsv => (format!("{stem}.scores.csv"), "text/csv", scores_csv(map)),
        Export::Mermaid => (format!("{stem}.mmd"), "text/plain", to_mermaid(map)),
        Export::MapSvg => (format!("{stem}.svg"), SVG, map_svg(map).svg),
        Export::HeatmapSvg => (format!("{stem}.heatmap.svg"), SVG, heatmap_svg(map).svg),
        Export::FeelingsSvg => (format!("{stem}.feelings.svg"), SVG, emotion_svg(map).svg),
    };
    ExportFile { name, mime, text }
}

/// The map file alone, for callers that need no other format (the library page): a build that
/// uses only this leaves the CSV, Mermaid and picture writers out.
pub fn map_file(map: &JourneyMap) -> ExportFile {
    ExportFile {
        name: format!("{}.journey.json", file_stem(map)),
        mime: MAP_FILE_MIME,
        text: export_json(map),
    }
}

/// For the picture exports: the drawing and the name of its PNG twin (`<stem>.heatmap.png`).
pub fn picture(map: &JourneyMap, kind: Export) -> Option<(String, Picture)> {
    let stem = file_stem(map);
    match kind {
        Export::MapSvg => Some((format!("{stem}.png"), map_svg(map))),
        Export::HeatmapSvg => Some((format!("{stem}.heatmap.png"), heatmap_svg(map))),
        Export::FeelingsSvg => Some((format!("{stem}.feelings.png"), emotion_svg(map))),
        Export::Json
        | Export::JsonWithoutVersions
        | Export::CardsCsv
        | Export::ScoresCsv
        | Export::Mermaid => None,
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImageFormat {
    Svg,
    /// At twice the SVG's size.
    Png,
}

/// The as-is and to-be picture asked for: which persona's curves, in which format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ComparePicture {
    pub format: ImageFormat,
    pub persona: Id,
}

/// The as-is and to-be picture of one persona, named after the to-be (`<stem>.compare.svg`).
pub fn compare_file(as_is: &JourneyMap, to_be: &JourneyMap, persona: Id) -> ExportFile {
    ExportFile {
        name: format!("{}.compare.svg", file_stem(to_be)),
        mime: SVG,
        text: compare_svg(as_is, to_be, persona).svg,
    }
}

/// The same drawing as `compare_file`, with the name of its PNG twin.
pub fn compare_picture(as_is: &JourneyMap, to_be: &JourneyMap, persona: Id) -> (String, Picture) {
    (
        format!("{}.compare.png", file_stem(to_be)),
        compare_svg(as_is, to_be, persona),
    )
}

/// A map from a map file or a Mermaid journey; a Mermaid map gets `new_id`. The error says
/// what is wrong and where.
pub fn read_map(text: &str, new_id: String, now: Millis) -> Result<JourneyMap, String> {
    let first = text
        .trim_start_matches('\u{feff}')
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty() && !l.starts_with("%%"));
    if first == Some("journey") {
        from_mermaid(text, new_id, now).map_err(|e| format!("Mermaid {e}"))
    } else {
        import_json(text).map_err(|e| e.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Template;

    #[test]
    fn files_are_named_after_the_map() {
        let map = Template::Ecommerce.build("m".into(), 0);
        let names: Vec<String> = [
            Export::Json,
            Export::CardsCsv,
            Export::ScoresCsv,
            Export::Mermaid,
            Export::MapSvg,
            Export::HeatmapSvg,
            Export::FeelingsSvg,
        ]
        .into_iter()
        .map(|k| export(&map, k).name)
        .collect();
        assert_eq!(
            names,
            [
                "online-clothing-purchase.journey.json",
                "online-clothing-purchase.cards.csv",
                "online-clothing-purchase.scores.csv",
                "online-clothing-purchase.mmd",
                "online-clothing-purchase.svg",
                "online-clothing-purchase.heatmap.svg",
                "online-clothing-purchase.feelings.svg",
            ]
        );
    }

    #[test]
    fn a_map_file_carries_the_versions_unless_asked_not_to() {
        let mut map = Template::Ecommerce.build("m".into(), 0);
        map.apply(&crate::Edit::SaveVersion {
            name: "Launch".into(),
            saved: 7,
        })
        .unwrap();
        let with = export(&map, Export::Json);
        assert_eq!(crate::import_json(&with.text).unwrap(), map);
        let without = export(&map, Export::JsonWithoutVersions);
        assert_eq!(without.name, with.name);
        let read = crate::import_json(&without.text).unwrap();
        assert!(read.versions.is_empty() && !map.versions.is_empty());
        assert_eq!(read, map.snapshot());
    }

    #[test]
    fn pictures_have_png_names_beside_their_svg_names() {
        let map = Template::Ecommerce.build("m".into(), 0);
        let (name, heatmap) = picture(&map, Export::HeatmapSvg).unwrap();
        assert_eq!(name, "online-clothing-purchase.heatmap.png");
        assert_eq!(heatmap.svg, export(&map, Export::HeatmapSvg).text);
        assert_eq!(picture(&map, Export::Json), None);
        let to_be = crate::to_be::plan_to_be(&map, "t".into(), 0);
        let persona = map.personas[0].id;
        let (name, compare) = compare_picture(&map, &to_be, persona);
        let file = compare_file(&map, &to_be, persona);
        assert_eq!(name, "online-clothing-purchase-to-be.compare.png");
        assert_eq!(file.name, "online-clothing-purchase-to-be.compare.svg");
        assert_eq!(compare.svg, file.text);
    }

    #[test]
    fn either_format_reads_back() {
        let map = Template::ServiceBusiness.build("s".into(), 5);
        assert_eq!(
            read_map(&export(&map, Export::Json).text, "new".into(), 9),
            Ok(map.clone())
        );
        let from_mermaid = read_map(&export(&map, Export::Mermaid).text, "new".into(), 9).unwrap();
        assert_eq!(from_mermaid.id, "new");
        assert_eq!(from_mermaid.stages.len(), 5);
        assert!(read_map(
            "%% a comment\njourney\n  section A\n    x: 9: y\n",
            "n".into(),
            0
        )
        .unwrap_err()
        .starts_with("Mermaid line 4:"));
        assert!(read_map("{", "n".into(), 0)
            .unwrap_err()
            .starts_with("not valid JSON"));
    }
}
