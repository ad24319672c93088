//! `journeyscope`: the Customer Journey Score in a script.
//!
//!   journeyscope score MAP.journey.json [--responses FILE.csv] [--mapping MAPPING.json]
//!                      [--period month|quarter] [--json]
//!   journeyscope validate FILE.journey.json...

mod args;
mod table;

use std::process::ExitCode;

use journey_core::score::block::scores_block;
use journey_core::survey::{import, SurveyMapping};
use journey_core::{import_json, Edit, JourneyMap};

use args::{Command, ScoreArgs};

fn read(path: &str) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))
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
        let text = read(responses)?;
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
        report = Some(result.report);
    }
    if args.json {
        let block = scores_block(&map).ok_or("no measured answers to score")?;
        return serde_json::to_string_pretty(&block).map_err(|e| e.to_string());
    }
    Ok(table::render(&map, report.as_ref()))
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
        let path =
            std::env::temp_dir().join(format!("journeyscope-cli-{}-{name}", std::process::id()));
        std::fs::write(&path, text).unwrap();
        path.to_string_lossy().into_owned()
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
