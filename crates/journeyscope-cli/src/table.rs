//! The plain-text report of `journeyscope score`.

use std::fmt::Write;

use journey_core::score::evidence::{periods, segments};
use journey_core::score::{significant_change, JourneyScore, Slice};
use journey_core::survey::aggregate::DateDecision;
use journey_core::survey::ImportReport;
use journey_core::JourneyMap;

fn figure(x: Option<f64>) -> String {
    x.map_or_else(|| "–".to_string(), |x| format!("{x:.1}"))
}

fn interval(ci: Option<(f64, f64)>) -> String {
    ci.map_or_else(|| "–".to_string(), |(lo, hi)| format!("{lo:.1}–{hi:.1}"))
}

fn headline(map: &JourneyMap, journey: &JourneyScore) -> String {
    let weakest = map
        .stage(journey.weakest_stage)
        .map_or("", |s| s.name.as_str());
    let ci = journey
        .ci
        .map(|ci| format!("95% CI {}, ", interval(Some(ci))))
        .unwrap_or_default();
    format!("{:.1}  ({ci}weakest stage: {weakest})", journey.score)
}

fn clip(text: &str, width: usize) -> String {
    let mut clipped: String = text.chars().take(width).collect();
    if text.chars().count() > width {
        clipped.pop();
        clipped.push('…');
    }
    clipped
}

/// The scores as a table, with the import's report and how its file was read.
pub fn render(map: &JourneyMap, report: Option<(&ImportReport, &str)>) -> String {
    let mut out = String::new();
    let all = map.scores(&Slice::default());
    let _ = writeln!(out, "{}", map.name);
    match &all.journey {
        Some(j) => {
            let _ = writeln!(out, "Journey score  {}", headline(map, j));
        }
        None => {
            let _ = writeln!(out, "Journey score  – (no measured answers)");
        }
    }
    let _ = writeln!(
        out,
        "\n{:<28} {:>6} {:>6} {:>12} {:>7}",
        "Stage", "weight", "score", "95% CI", "n"
    );
    for (stage, s) in map.stages.iter().zip(&all.stages) {
        let _ = writeln!(
            out,
            "{:<28} {:>6} {:>6} {:>12} {:>7}",
            clip(&stage.name, 28),
            stage.weight.0,
            figure(s.score),
            interval(s.ci),
            s.n
        );
    }
    let _ = writeln!(
        out,
        "\n{:<28} {:>6} {:>12} {:>7}  flags",
        "Touchpoint", "score", "95% CI", "n"
    );
    for t in &all.touchpoints {
        let name = map.card(t.id).map_or("", |c| c.text.as_str());
        let n = t.estimate.map_or(0, |e| e.n);
        let warnings: Vec<&str> = map
            .scoring
            .thresholds()
            .flags(t.estimate.map(|e| e.score), n)
            .iter()
            .map(|f| f.label())
            .collect();
        let _ = writeln!(
            out,
            "{:<28} {:>6} {:>12} {:>7}  {}",
            clip(name, 28),
            figure(t.estimate.map(|e| e.score)),
            interval(t.ci),
            n,
            warnings.join(", ")
        );
    }
    if !all.gains.is_empty() {
        let _ = writeln!(
            out,
            "\nImprovement priority (journey points if the touchpoint were perfect)"
        );
        for (id, gain) in &all.gains {
            let name = map.card(*id).map_or("", |c| c.text.as_str());
            let _ = writeln!(out, "  {:<28} {:>6.2}", clip(name, 28), gain);
        }
    }
    let evidence = &map.scoring.evidence;
    let periods = periods(evidence);
    if !periods.is_empty() {
        let _ = writeln!(out, "\nPeriods");
        let mut previous: Option<JourneyScore> = None;
        for period in periods {
            let journey = map
                .scores(&Slice {
                    period: Some(period.clone()),
                    segment: None,
                })
                .journey;
            let change = match (&previous, &journey) {
                (Some(a), Some(b)) => match significant_change(a, b) {
                    Some(true) if b.score > a.score => "  ▲ significant rise",
                    Some(true) => "  ▼ significant fall",
                    _ => "",
                },
                _ => "",
            };
            let line = journey
                .as_ref()
                .map_or("–".to_string(), |j| headline(map, j));
            let _ = writeln!(out, "  {period:<12} {line}{change}");
            previous = journey;
        }
    }
    let segments = segments(evidence);
    if !segments.is_empty() {
        let _ = writeln!(out, "\nSegments");
        for segment in segments {
            let journey = map
                .scores(&Slice {
                    period: None,
                    segment: Some(segment.clone()),
                })
                .journey;
            let line = journey
                .as_ref()
                .map_or("–".to_string(), |j| headline(map, j));
            let _ = writeln!(out, "  {:<24} {line}", clip(&segment, 24));
        }
    }
    let (loyalty, drivers) = map.loyalty_findings(&Slice::default());
    if let Some(link) = loyalty.link {
        let _ = writeln!(
            out,
            "\nLoyalty link  r = {:.2} (95% CI {:.2}–{:.2}, n = {})\n  {}",
            link.r,
            link.ci.0,
            link.ci.1,
            link.n,
            link.sentence()
        );
        if let Some(caveat) = loyalty.caveat() {
            let _ = writeln!(out, "  {caveat}");
        }
    }
    if let Some(drivers) = drivers {
        let _ = writeln!(
            out,
            "\nKey drivers of loyalty (relative weights, R² = {:.2})\n{:<28} {:>6} {:>13} {:>7} {:>10}  flags",
            drivers.r_squared, "Touchpoint", "r", "95% CI", "n", "importance"
        );
        let fix_first = drivers.fix_first(&all);
        for d in &drivers.drivers {
            let name = map.card(d.card).map_or("", |c| c.text.as_str());
            let mut flags = Vec::new();
            if fix_first.contains(&d.card) {
                flags.push("fix first");
            }
            if d.link.n < map.scoring.low_sample {
                flags.push("low sample");
            }
            let _ = writeln!(
                out,
                "{:<28} {:>6.2} {:>13} {:>7} {:>9.1}%  {}",
                clip(name, 28),
                d.link.r,
                format!("{:.2}–{:.2}", d.link.ci.0, d.link.ci.1),
                d.link.n,
                100.0 * d.share,
                flags.join(", ")
            );
        }
    }
    let _ = writeln!(out, "\n{}", map.scoring.weights_described());
    if let Some((report, reading)) = report {
        let used: u64 = report.used.iter().map(|(_, n)| n).sum();
        let reasons: Vec<String> = report
            .skipped
            .iter()
            .map(|(r, n)| format!("{n} {r}"))
            .collect();
        let _ = writeln!(
            out,
            "\nImport  {} ({}): {} rows, {} answers used, {} skipped{}",
            report.layout.label(),
            reading,
            report.rows,
            used,
            report.skipped_total(),
            if reasons.is_empty() {
                String::new()
            } else {
                format!(" ({})", reasons.join(", "))
            }
        );
        for dialect in &report.dialects {
            let _ = writeln!(out, "  recognised: {}", dialect.label());
        }
        if report.glued_labels > 0 {
            let _ = writeln!(
                out,
                "  {} answers had their number glued to the label, read by the number",
                report.glued_labels
            );
        }
        if report.dates.decision != DateDecision::NoDates || report.dates.unreadable > 0 {
            let _ = writeln!(out, "  {}", report.dates.describe());
        }
        for (label, n) in &report.unmapped_labels {
            let _ = writeln!(
                out,
                "  label “{label}” has no value ({n}×): add it to the mapping's labels"
            );
        }
    }
    out
}
