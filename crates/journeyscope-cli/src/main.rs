//! `journeyscope`: the Customer Journey Score in a script.
//!
//!   journeyscope score MAP.journey.json [--responses FILE.csv] [--mapping MAPPING.json]
//!                      [--period month|quarter] [--json]
//!   journeyscope validate FILE.journey.json...

mod args;
mod table;

use std::process::ExitCode;

use journey_core::score::block::scores_block;
use journey_core::survey::encoding::{detect, reading_note, TextEncoding};
use journey_core::survey::sheet::{looks_like_xlsx, read_xlsx};
use journey_core::survey::{import, SurveyMapping};
use journey_core::{import_json, Edit, JourneyMap};

use args::{Command, ScoreArgs};

fn read(path: &str) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))
}

/// The text of a survey file and how it was read: a workbook's sheet (`sheet`, or the first) as
/// CSV, or text in `encoding` or the one its bytes show, refusing bytes not valid in it.
fn read_survey(
    path: &str,
    encoding: Option<TextEncoding>,
    sheet: Option<&str>,
) -> Result<(String, Reading), String> {
    let bytes = std::fs::read(path).map_err(|e| format!("{path}: {e}"))?;
    if looks_like_xlsx(&bytes) && encoding.is_none() {
        let book = read_xlsx(&bytes, sheet).map_err(|e| format!("{path}: {e}"))?;
        let name = book.sheets[book.chosen].clone();
        return Ok((book.csv, Reading::Sheet(name)));
    }
    let found = encoding.unwrap_or_else(|| detect(&bytes));
    let decoder = encoding_rs::Encoding::for_label(found.whatwg_name().as_bytes())
        .ok_or_else(|| format!("{path}: no decoder for {}", found.label()))?;
    let text = decoder
        .decode_without_bom_handling_and_without_replacement(&bytes[found.bom_len(&bytes)..])
        .ok_or_else(|| {
            format!(
                "{path}: the file is not valid {}; pass --encoding",
                found.label()
            )
        })?;
    Ok((text.into_owned(), Reading::Text(found)))
}

/// How a survey file was read, for the report.
enum Reading {
    Text(TextEncoding),
    Sheet(String),
}

impl Reading {
    fn note(&self, separator: char) -> String {
        match self {
            Reading::Text(encoding) => reading_note(*encoding, separator),
            Reading::Sheet(name) => format!("read from sheet “{name}” of the workbook"),
        }
    }
}

fn load_map(path: &str) -> Result<JourneyMap, String> {
    import_json(&read(path)?).map_err(|e| format!("{path}: {e}"))
}

fn score(args: &ScoreArgs) -> Result<String, String> {
    let mut map = load_map(&args.map)?;
    let mut report = None;
    if let Some(responses) = &args.responses {
        let mut mapping: SurveyMapping = match &args.mapping {
            Some(path) => serde_json::from_str(&read(path)?).map_err(|e| format!("{path}: {e}"))?,
            None => map.scoring.survey.clone().ok_or_else(|| {
                format!(
                    "{}: the map has no survey mapping; pass --mapping",
                    args.map
                )
            })?,
        };
        if let Some(period) = args.period {
            mapping.period = period;
        }
        if args.date_order.is_some() {
            mapping.date_order = args.date_order;
        }
        let (text, reading) = read_survey(responses, args.encoding, args.sheet.as_deref())?;
        let result =
            import(&text, &mapping, &map.plan()).map_err(|e| format!("{responses}: {e}"))?;
        // The file's answers stand alone: scores describe this export, not what the map held.
        map.apply(&Edit::ClearEvidence { period: None })
            .map_err(|e| e.to_string())?;
        let edit = Edit::AddEvidence {
            evidence: result.evidence,
            loyalty: result.loyalty,
            replace: true,
            survey: None,
        };
        map.apply(&edit).map_err(|e| format!("{responses}: {e}"))?;
        let note = reading.note(result.report.separator);
        report = Some((result.report, note));
    }
    if args.json {
        let block = scores_block(&map).ok_or("no measured answers to score")?;
        return serde_json::to_string_pretty(&block).map_err(|e| e.to_string());
    }
    Ok(table::render(
        &map,
        report.as_ref().map(|(r, note)| (r, note.as_str())),
    ))
}

fn validate(paths: &[String]) -> (String, bool) {
    let mut out = String::new();
    let mut ok = true;
    for path in paths {
        match load_map(path) {
            Ok(map) => out.push_str(&format!(
                "{path}: ok ({} stages, {} lanes, {} cards)\n",
                map.stages.len(),
                map.lanes.len(),
                map.cards.len()
            )),
            Err(e) => {
                ok = false;
                out.push_str(&format!("{e}\n"));
            }
        }
    }
    (out, ok)
}

fn main() -> ExitCode {
    let argv: Vec<String> = std::env::args().skip(1).collect();
    match args::parse(&argv) {
        Ok(Command::Score(args)) => match score(&args) {
            Ok(out) => {
                print!("{out}");
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("journeyscope: {e}");
                ExitCode::FAILURE
            }
        },
        Ok(Command::Validate(paths)) => {
            let (out, ok) = validate(&paths);
            print!("{out}");
            if ok {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            }
        }
        Ok(Command::Help) => {
            print!("{}", args::USAGE);
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("journeyscope: {e}\n\n{}", args::USAGE);
            ExitCode::from(2)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MAP: &str = include_str!("../../journey-core/tests/fixtures/schema-v2.json");

    fn write(name: &str, text: &str) -> String {
        write_bytes(name, text.as_bytes())
    }

    fn write_bytes(name: &str, bytes: &[u8]) -> String {
        let path =
            std::env::temp_dir().join(format!("journeyscope-cli-{}-{name}", std::process::id()));
        std::fs::write(&path, bytes).unwrap();
        path.to_string_lossy().into_owned()
    }

    /// A mapping of the v2 fixture's ad and checkout cards onto two columns.
    fn ad_and_checkout(ad_column: &str, checkout_column: &str, date: &str) -> String {
        let date = match date {
            "none" => "null".to_string(),
            name => format!("{name:?}"),
        };
        let checkout = import_json(MAP)
            .unwrap()
            .cards
            .iter()
            .find(|c| c.text == "Checkout")
            .unwrap()
            .id;
        write(
            &format!("mapping-{ad_column}.json"),
            &format!(
                r#"{{"date_column": {date}, "touchpoints": [{{"column": "{ad_column}", "card": 14}}, {{"column": "{checkout_column}", "card": {checkout}}}]}}"#
            ),
        )
    }

    #[test]
    fn reads_utf16_and_windows_1252_exports_and_says_so() {
        let text = "Datum\tAnzeige – gesehen?\tKasse\r\n25/01/2026\t5\t4\r\n03/02/2026\t3\t5\r\n";
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let (cp1252, _, _) = encoding_rs::WINDOWS_1252.encode(text);
        let mapping = ad_and_checkout("Anzeige – gesehen?", "Kasse", "Datum");
        for (name, bytes, note) in [
            ("u16.txt", utf16, "read as UTF-16 LE, tab-separated"),
            (
                "w1252.csv",
                cp1252.into_owned(),
                "read as Windows-1252, tab-separated",
            ),
        ] {
            let args = ScoreArgs {
                map: write("m16.journey.json", MAP),
                responses: Some(write_bytes(name, &bytes)),
                mapping: Some(mapping.clone()),
                ..ScoreArgs::default()
            };
            let out = score(&args).unwrap();
            assert!(out.contains(note), "{out}");
            assert!(
                out.contains("Dates read day first, as “25/01/2026” on line 2"),
                "{out}"
            );
            assert!(out.contains("2026-Q1"), "{out}");
        }
        let refused = ScoreArgs {
            map: write("m16.journey.json", MAP),
            responses: Some(write_bytes("odd.txt", &[0xFF, 0xFE, 0x00, 0xD8, b'a', 0])),
            mapping: Some(mapping),
            ..ScoreArgs::default()
        };
        assert!(score(&refused)
            .unwrap_err()
            .contains("is not valid UTF-16 LE"));
    }

    #[test]
    fn reads_a_workbook_sheet() {
        let path = format!(
            "{}/../journey-core/tests/fixtures/sheets/answers.xlsx",
            env!("CARGO_MANIFEST_DIR")
        );
        let args = |sheet: Option<&str>| ScoreArgs {
            map: write("mx.journey.json", MAP),
            responses: Some(path.clone()),
            mapping: Some(ad_and_checkout("Booking", "Visit", "Submitted")),
            sheet: sheet.map(str::to_string),
            ..ScoreArgs::default()
        };
        let out = score(&args(Some("Responses"))).unwrap();
        assert!(
            out.contains("read from sheet “Responses” of the workbook"),
            "{out}"
        );
        assert!(out.contains("3 rows, 5 answers used, 1 skipped"), "{out}");
        assert!(out.contains("2026-Q3"), "{out}");
        let first = score(&args(None)).unwrap_err();
        assert!(
            first.contains("the touchpoint column “Booking” is not in this file"),
            "{first}"
        );
        let missing = score(&args(Some("Answers"))).unwrap_err();
        assert!(
            missing.ends_with("the workbook has no sheet “Answers”"),
            "{missing}"
        );
    }

    #[test]
    fn reads_each_dialect() {
        let dialects = "../journey-core/tests/fixtures/dialects";
        for (file, ad, checkout, date, expect) in [
            (
                "qualtrics-2016-python-ids.csv",
                "Q1",
                "Q2",
                "StartDate",
                "import ids in Python-style quotes",
            ),
            (
                "qualtrics-legacy-two-rows.csv",
                "Q1",
                "Q2",
                "V8",
                "a separator at the end of every line",
            ),
            (
                "surveymonkey-trimmed.csv",
                "How easy was booking?",
                "How was the visit?",
                "none",
                "trimmed to its questions",
            ),
            (
                "surveymonkey-expanded.csv",
                "How easy was booking?",
                "How was the visit?",
                "none",
                "expanded choices",
            ),
            (
                "glued-labels.csv",
                "Booking",
                "Visit",
                "none",
                "glued to the label",
            ),
            (
                "negative-codes.csv",
                "Booking",
                "Visit",
                "none",
                "negative no-basis code",
            ),
        ] {
            let path = format!("{}/{dialects}/{file}", env!("CARGO_MANIFEST_DIR"));
            let args = ScoreArgs {
                map: write("md.journey.json", MAP),
                responses: Some(path),
                mapping: Some(ad_and_checkout(ad, checkout, date)),
                ..ScoreArgs::default()
            };
            let out = score(&args).unwrap_or_else(|e| panic!("{file}: {e}"));
            assert!(out.contains(expect), "{file}: {out}");
        }
    }

    #[test]
    fn scores_the_maps_own_answers_as_a_table() {
        let map = write("own.journey.json", MAP);
        let out = score(&ScoreArgs {
            map,
            ..ScoreArgs::default()
        })
        .unwrap();
        assert!(
            out.contains("Journey score  68.5  (95% CI 45.1–91.8, weakest stage: Discover)"),
            "{out}"
        );
        assert!(out.contains("2026-Q1"), "{out}");
    }

    #[test]
    fn scores_a_survey_file_through_a_mapping() {
        let map = write("m.journey.json", MAP);
        let csv = write(
            "r.csv",
            "when,ad,checkout\n2026-01-05,5,4\n2026-02-05,3,N/A\n2026-05-01,4,5\n",
        );
        let ad = 14;
        let checkout = import_json(MAP)
            .unwrap()
            .cards
            .iter()
            .find(|c| c.text == "Checkout")
            .unwrap()
            .id;
        let mapping = format!(
            r#"{{"date_column": "when", "touchpoints": [{{"column": "ad", "card": {ad}}}, {{"column": "checkout", "card": {checkout}}}]}}"#
        );
        let mapping = write("mapping.json", &mapping);
        let args = ScoreArgs {
            map,
            responses: Some(csv),
            mapping: Some(mapping),
            json: true,
            ..ScoreArgs::default()
        };
        let json: serde_json::Value = serde_json::from_str(&score(&args).unwrap()).unwrap();
        // Ad 5 3 4 → mean 4 → 75; Checkout 4 5 → both top box → 100; J = (75 + 2 · 100) / 3
        let journey = json["all"]["journey"]["score"].as_f64().unwrap();
        assert!((journey - 91.6667).abs() < 1e-3, "{journey}");
        assert!(json["periods"]["2026-Q2"].is_object());
    }

    /// A map whose mapping takes delivery, site and emails ratings (1–5) and an `nps` column.
    const WEIGHED: &str = include_str!("../../journey-core/tests/fixtures/schema-v4.json");

    /// Twenty respondents whose loyalty is exactly twice their delivery rating.
    fn loyal_to_delivery() -> String {
        let mut csv = String::from("delivery,site,emails,nps\n");
        for i in 0..20 {
            let delivery = 1 + i % 5;
            let site = 1 + (i * 3) % 5;
            let emails = 1 + (i / 5) % 5;
            csv.push_str(&format!("{delivery},{site},{emails},{}\n", 2 * delivery));
        }
        csv
    }

    #[test]
    fn the_json_carries_the_loyalty_link_the_drivers_and_the_weights_source() {
        let args = ScoreArgs {
            map: write("weighed.journey.json", WEIGHED),
            responses: Some(write("loyal.csv", &loyal_to_delivery())),
            json: true,
            ..ScoreArgs::default()
        };
        let json: serde_json::Value = serde_json::from_str(&score(&args).unwrap()).unwrap();
        let all = &json["all"];
        assert_eq!(all["loyalty"]["n"], 20);
        assert_eq!(all["loyalty"]["at_import"], false);
        let drivers = all["drivers"]["touchpoints"].as_array().unwrap();
        assert_eq!(drivers.len(), 3);
        // Loyalty is a straight line in delivery: r = 1 for it, and it explains everything.
        assert_eq!(drivers[0]["name"], "Sponsored post in a social feed");
        assert_eq!(drivers[0]["r"], 1.0);
        assert_eq!(all["drivers"]["r_squared"], 1.0);
        assert_eq!(json["weights_from"]["loyalty_question"], "nps");
    }

    #[test]
    fn the_table_prints_the_drivers_and_where_the_weights_came_from() {
        let args = ScoreArgs {
            map: write("weighed-table.journey.json", WEIGHED),
            responses: Some(write("loyal-table.csv", &loyal_to_delivery())),
            ..ScoreArgs::default()
        };
        let out = score(&args).unwrap();
        assert!(
            out.contains("Key drivers of loyalty (relative weights, R² = 1.00)"),
            "{out}"
        );
        assert!(
            out.contains(
                "Sponsored post in a social …   1.00     1.00–1.00      20      87.5%  low sample"
            ),
            "{out}"
        );
        assert!(out.contains("low sample"), "{out}");
        assert!(out.contains("Weights derived from the key drivers of 400 respondents (all answers; loyalty question “nps”), applied 2026-12-02."), "{out}");
    }

    #[test]
    fn validate_reports_each_file() {
        let good = write("good.journey.json", MAP);
        let bad = write(
            "bad.journey.json",
            &MAP.replace("\"name\": \"Discover\"", "\"name\": \"\""),
        );
        let (out, ok) = validate(&[good.clone(), bad.clone()]);
        assert!(!ok);
        assert!(
            out.contains(&format!("{good}: ok (6 stages, 6 lanes, 30 cards)")),
            "{out}"
        );
        assert!(
            out.contains(&format!("{bad}: map.stages[0].name: empty")),
            "{out}"
        );
    }
}
