//! Command-line arguments, read by hand: two commands and four options need no parser crate.

use journey_core::survey::encoding::TextEncoding;
use journey_core::survey::{DateOrder, Periodicity};

pub const USAGE: &str = "\
Usage:
  journeyscope score MAP.journey.json [--responses FILE.csv] [--mapping MAPPING.json]
                     [--period month|quarter] [--encoding utf-8|utf-16le|utf-16be|windows-1252]
                     [--dates month-first|day-first] [--sheet NAME] [--json]
  journeyscope validate FILE.journey.json...

score     prints the Customer Journey Score of a map: from its own answers, or from a survey
          export mapped onto it (by MAPPING.json, or by the mapping saved in the map).
          The file's encoding is detected (UTF-8, UTF-16, Windows-1252) unless --encoding says;
          the order of dates such as 03/04/2026 is decided from the file unless --dates says.
          An .xlsx workbook is read from its first sheet, or the one --sheet names.
          --json prints the same figures as JSON.
validate  checks map files and says what is wrong and where.
";

#[derive(Debug, Default, PartialEq)]
pub struct ScoreArgs {
    pub map: String,
    pub responses: Option<String>,
    pub mapping: Option<String>,
    pub period: Option<Periodicity>,
    pub encoding: Option<TextEncoding>,
    pub date_order: Option<DateOrder>,
    pub sheet: Option<String>,
    pub json: bool,
}

#[derive(Debug, PartialEq)]
pub enum Command {
    Score(ScoreArgs),
    Validate(Vec<String>),
    Help,
}

pub fn parse(argv: &[String]) -> Result<Command, String> {
    let Some((command, rest)) = argv.split_first() else {
        return Ok(Command::Help);
    };
    match command.as_str() {
        "score" => score(rest).map(Command::Score),
        "validate" if !rest.is_empty() => Ok(Command::Validate(rest.to_vec())),
        "validate" => Err("validate needs at least one file".into()),
        "help" | "--help" | "-h" => Ok(Command::Help),
        other => Err(format!("unknown command “{other}”")),
    }
}

fn score(rest: &[String]) -> Result<ScoreArgs, String> {
    let mut args = ScoreArgs::default();
    let mut items = rest.iter();
    while let Some(item) = items.next() {
        let mut value = |name: &str| {
            items
                .next()
                .cloned()
                .ok_or_else(|| format!("{name} needs a value"))
        };
        match item.as_str() {
            "--responses" => args.responses = Some(value("--responses")?),
            "--mapping" => args.mapping = Some(value("--mapping")?),
            "--period" => {
                args.period = Some(match value("--period")?.as_str() {
                    "month" => Periodicity::Month,
                    "quarter" => Periodicity::Quarter,
                    other => return Err(format!("--period is month or quarter, not “{other}”")),
                })
            }
            "--encoding" => {
                let name = value("--encoding")?;
                args.encoding = Some(TextEncoding::named(&name).ok_or_else(|| {
                    format!("--encoding is utf-8, utf-16le, utf-16be or windows-1252, not “{name}”")
                })?)
            }
            "--dates" => {
                args.date_order = Some(match value("--dates")?.as_str() {
                    "month-first" => DateOrder::MonthFirst,
                    "day-first" => DateOrder::DayFirst,
                    other => {
                        return Err(format!(
                            "--dates is month-first or day-first, not “{other}”"
                        ))
                    }
                })
            }
            "--sheet" => args.sheet = Some(value("--sheet")?),
            "--json" => args.json = true,
            flag if flag.starts_with("--") => return Err(format!("unknown option {flag}")),
            path if args.map.is_empty() => args.map = path.to_string(),
            extra => return Err(format!("unexpected argument “{extra}”")),
        }
    }
    if args.map.is_empty() {
        return Err("score needs a map file".into());
    }
    Ok(args)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn argv(line: &str) -> Vec<String> {
        line.split_whitespace().map(str::to_string).collect()
    }

    #[test]
    fn score_with_every_option() {
        let parsed = parse(&argv(
            "score m.json --responses r.csv --mapping x.json --period month --encoding utf-16le --dates day-first --sheet Answers --json",
        ))
        .unwrap();
        assert_eq!(
            parsed,
            Command::Score(ScoreArgs {
                map: "m.json".into(),
                responses: Some("r.csv".into()),
                mapping: Some("x.json".into()),
                period: Some(Periodicity::Month),
                encoding: Some(TextEncoding::Utf16Le),
                date_order: Some(DateOrder::DayFirst),
                sheet: Some("Answers".into()),
                json: true,
            })
        );
    }

    #[test]
    fn mistakes_are_named() {
        assert_eq!(parse(&argv("score")), Err("score needs a map file".into()));
        assert_eq!(
            parse(&argv("score m.json --period year")),
            Err("--period is month or quarter, not “year”".into())
        );
        assert_eq!(
            parse(&argv("score m.json --responses")),
            Err("--responses needs a value".into())
        );
        assert_eq!(
            parse(&argv("frobnicate")),
            Err("unknown command “frobnicate”".into())
        );
        assert_eq!(
            parse(&argv("validate")),
            Err("validate needs at least one file".into())
        );
        assert_eq!(parse(&[]), Ok(Command::Help));
    }
}
