//! Pictures of a map as SVG: the whole map, the touchpoint score heatmap, the emotion curve, and
//! a to-be's curves beside its as-is.
//! Vector, with real text so it stays selectable and searchable, in system fonts so it looks the
//! same wherever it is opened. The app turns the same drawing into a PNG at twice the size.
//!
//! Everything a user typed is escaped, and characters XML forbids are dropped, so a picture is
//! always well-formed and user text can never become markup.

use std::fmt::Write;

use crate::model::{Id, JourneyMap, LaneKind, Persona};
use crate::score::{Scores, Slice};

mod compare;
pub use compare::compare_svg;

/// An SVG document with its size in CSS pixels.
#[derive(Clone, Debug, PartialEq)]
pub struct Picture {
    pub svg: String,
    pub width: u32,
    pub height: u32,
}

const FONT: &str =
    "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";
const INK: &str = "#1d2733";
const MUTED: &str = "#4b5866";
const LINE: &str = "#d5dbe3";
const PERSONA_COLOURS: [&str; 6] = [
    "#2f5d8a", "#b4531a", "#1f7a55", "#7b3fa0", "#9c2a4e", "#52627a",
];

const MARGIN: u32 = 24;
const LABEL_WIDTH: u32 = 150;
const COLUMN: u32 = 210;
const GAP: u32 = 8;
const LINE_HEIGHT: u32 = 16;
/// Characters per line of card text: 13 px system fonts average about 7 px a character.
const WRAP: usize = 26;
const MAX_LINES: usize = 6;
const FEELINGS_HEIGHT: u32 = 130;

/// Text safe inside an XML element or a quoted attribute.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' | '\r' => out.push(' '),
            c if c < ' ' || c == '\u{fffe}' || c == '\u{ffff}' => {}
            c => out.push(c),
        }
    }
    out
}

/// Words wrapped into at most `max_lines` lines of about `width` characters; a longer text
/// ends in an ellipsis. Over-long words are cut.
fn wrap(text: &str, width: usize, max_lines: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    for word in text.split_whitespace() {
        let mut word: String = word.to_string();
        while word.chars().count() > width {
            let head: String = word.chars().take(width).collect();
            word = word.chars().skip(width).collect();
            if !current.is_empty() {
                lines.push(std::mem::take(&mut current));
            }
            lines.push(head);
        }
        let needed =
            current.chars().count() + usize::from(!current.is_empty()) + word.chars().count();
        if needed > width && !current.is_empty() {
            lines.push(std::mem::take(&mut current));
        }
        if !current.is_empty() {
            current.push(' ');
        }
        current.push_str(&word);
    }
    if !current.is_empty() {
        lines.push(current);
    }
    if lines.len() > max_lines {
        lines.truncate(max_lines);
        if let Some(last) = lines.last_mut() {
            let kept: String = last.chars().take(width.saturating_sub(1)).collect();
            *last = format!("{kept}…");
        }
    }
    lines
}

struct Canvas {
    body: String,
}

impl Canvas {
    fn new() -> Canvas {
        Canvas {
            body: String::new(),
        }
    }

    fn rect(&mut self, x: u32, y: u32, w: u32, h: u32, fill: &str, stroke: &str) {
        let _ = writeln!(
            self.body,
            r#"<rect x="{x}" y="{y}" width="{w}" height="{h}" rx="6" fill="{fill}" stroke="{stroke}"/>"#
        );
    }

    /// One line of text; `weight` 400 or 600.
    fn text(&mut self, x: u32, y: u32, size: u32, weight: u32, fill: &str, text: &str) {
        let _ = writeln!(
            self.body,
            r#"<text x="{x}" y="{y}" font-size="{size}" font-weight="{weight}" fill="{fill}">{}</text>"#,
            escape(text)
        );
    }

    /// The picture's title, top left.
    fn heading(&mut self, title: &str) {
        self.text(MARGIN, MARGIN + 20, 20, 600, INK, title);
    }

    fn lines(&mut self, x: u32, y: u32, lines: &[String]) {
        for (i, line) in lines.iter().enumerate() {
            self.text(x, y + i as u32 * LINE_HEIGHT, 13, 400, INK, line);
        }
    }

    fn finish(self, title: &str, width: u32, height: u32) -> Picture {
        let svg = format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" \
             viewBox=\"0 0 {width} {height}\" font-family=\"{FONT}\">\n<title>{}</title>\n\
             <rect width=\"{width}\" height=\"{height}\" fill=\"#ffffff\"/>\n{}</svg>\n",
            escape(title),
            self.body
        );
        Picture { svg, width, height }
    }
}

/// "Journey score 68.5 (95% CI 61.2–75.8) · weakest stage: Buy", when there is one.
fn score_line(map: &JourneyMap, scores: &Scores) -> Option<String> {
    let journey = scores.journey.as_ref()?;
    let ci = journey
        .ci
        .map(|(low, high)| format!(" (95% CI {low:.1}–{high:.1})"))
        .unwrap_or_default();
    let weakest = map
        .stages
        .iter()
        .find(|s| s.id == journey.weakest_stage)
        .map(|s| format!(" · weakest stage: {}", s.name))
        .unwrap_or_default();
    Some(format!("Journey score {:.1}{ci}{weakest}", journey.score))
}

fn stage_score(scores: &Scores, stage: Id) -> Option<f64> {
    scores.stages.iter().find(|s| s.id == stage)?.score
}

/// Fill and label for a score: below the map's alert line, within 15 points of it, or above.
fn band(score: Option<f64>, alert_below: u32) -> (&'static str, &'static str) {
    match score {
        None => ("#f3f4f6", "no answers"),
        Some(s) if s < f64::from(alert_below) => ("#f6d5d5", "below the alert line"),
        Some(s) if s < f64::from(alert_below) + 15.0 => ("#fbe9c2", "near the alert line"),
        Some(_) => ("#d3ecdc", "healthy"),
    }
}

fn lane_fill(kind: LaneKind) -> &'static str {
    match kind {
        LaneKind::Touchpoints => "#eef4fb",
        LaneKind::Actions => "#f1f6ef",
        LaneKind::Thoughts => "#f6f1fa",
        LaneKind::Feelings => "#fdf7ea",
        LaneKind::PainPoints => "#fcefef",
        LaneKind::Opportunities => "#edf8f4",
        _ => "#f3f4f6",
    }
}

/// The y of a feeling from −2 to +2 inside a band `top`..`top + height`.
fn feeling_y(value: i8, top: u32, height: u32) -> u32 {
    let step = (height - 20) / 4;
    top + 10 + (2 - i32::from(value)).clamp(0, 4) as u32 * step
}

/// Each persona's feelings as a line across the stage columns, with a dot at every set stage.
fn draw_feelings(canvas: &mut Canvas, map: &JourneyMap, left: u32, top: u32, height: u32) {
    for (p, persona) in map.personas.iter().enumerate() {
        let colour = PERSONA_COLOURS[p % PERSONA_COLOURS.len()];
        let points: Vec<(u32, u32)> = map
            .stages
            .iter()
            .enumerate()
            .filter_map(|(i, stage)| {
                let value = persona.emotion_at(stage.id)?;
                Some((
                    left + i as u32 * COLUMN + COLUMN / 2,
                    feeling_y(value, top, height),
                ))
            })
            .collect();
        if points.len() > 1 {
            let path: Vec<String> = points.iter().map(|(x, y)| format!("{x},{y}")).collect();
            let _ = writeln!(
                canvas.body,
                r#"<polyline points="{}" fill="none" stroke="{colour}" stroke-width="2.5"/>"#,
                path.join(" ")
            );
        }
        for (x, y) in points {
            let _ = writeln!(
                canvas.body,
                r#"<circle cx="{x}" cy="{y}" r="4.5" fill="{colour}"/>"#
            );
        }
    }
}

fn legend(canvas: &mut Canvas, personas: &[Persona], x: u32, y: u32) {
    let mut at = x;
    for (p, persona) in personas.iter().enumerate() {
        let colour = PERSONA_COLOURS[p % PERSONA_COLOURS.len()];
        let _ = writeln!(
            canvas.body,
            r#"<circle cx="{}" cy="{}" r="5" fill="{colour}"/>"#,
            at + 5,
            y - 4
        );
        let name: String = persona.name.chars().take(40).collect();
        canvas.text(at + 14, y, 12, 400, MUTED, &name);
        at += 30 + name.chars().count() as u32 * 7;
    }
}

/// The whole map: title and score, stage columns, every lane with its cards, the feelings curve.
pub fn map_svg(map: &JourneyMap) -> Picture {
    let scores = map.scores(&Slice::default());
    let mut canvas = Canvas::new();
    let width = MARGIN * 2 + LABEL_WIDTH + COLUMN * map.stages.len().max(1) as u32;
    let left = MARGIN + LABEL_WIDTH;
    canvas.heading(&map.name);
    let mut y = MARGIN + 34;
    if let Some(line) = score_line(map, &scores) {
        canvas.text(MARGIN, y + 14, 14, 600, MUTED, &line);
        y += 22;
    }
    y += 12;
    for (i, stage) in map.stages.iter().enumerate() {
        let x = left + i as u32 * COLUMN;
        canvas.rect(x, y, COLUMN - GAP, 40, "#2f5d8a", "#2f5d8a");
        let name: String = stage.name.chars().take(WRAP).collect();
        canvas.text(x + 10, y + 17, 14, 600, "#ffffff", &name);
        if let Some(score) = stage_score(&scores, stage.id) {
            canvas.text(
                x + 10,
                y + 33,
                12,
                400,
                "#ffffff",
                &format!("Score {score:.1}"),
            );
        }
    }
    y += 48;
    for lane in &map.lanes {
        let height = if lane.kind.holds_cards() {
            lane_height(map, lane.id)
        } else {
            FEELINGS_HEIGHT
        };
        canvas.rect(
            MARGIN,
            y,
            width - 2 * MARGIN,
            height,
            lane_fill(lane.kind),
            LINE,
        );
        canvas.lines(MARGIN + 10, y + 20, &wrap(&lane.title, 18, 3));
        if lane.kind.holds_cards() {
            for (i, stage) in map.stages.iter().enumerate() {
                let x = left + i as u32 * COLUMN;
                let mut card_y = y + GAP;
                for card in map.cards_in(lane.id, stage.id) {
                    let lines = card_lines(card);
                    let h = card_height(&lines);
                    canvas.rect(x, card_y, COLUMN - GAP, h, "#ffffff", LINE);
                    canvas.lines(x + 10, card_y + 20, &lines);
                    card_y += h + GAP;
                }
            }
        } else {
            draw_feelings(&mut canvas, map, left, y, height);
        }
        y += height + GAP;
    }
    if map.lanes.iter().any(|l| l.kind == LaneKind::Feelings) {
        legend(&mut canvas, &map.personas, MARGIN, y + 14);
        y += 24;
    }
    canvas.finish(&map.name, width, y + MARGIN)
}

fn card_lines(card: &crate::model::Card) -> Vec<String> {
    let mut lines = wrap(&card.text, WRAP, MAX_LINES);
    if let Some(channel) = card.channel {
        lines.push(format!("· {}", channel.label()));
    }
    if lines.is_empty() {
        lines.push(String::new());
    }
    lines
}

fn card_height(lines: &[String]) -> u32 {
    14 + lines.len() as u32 * LINE_HEIGHT
}

fn lane_height(map: &JourneyMap, lane: Id) -> u32 {
    let tallest = map
        .stages
        .iter()
        .map(|stage| {
            map.cards_in(lane, stage.id)
                .map(|card| card_height(&card_lines(card)) + GAP)
                .sum::<u32>()
        })
        .max()
        .unwrap_or(0);
    (tallest + GAP).max(60)
}

/// Stage columns of measured touchpoints, each coloured by its score against the alert line.
pub fn heatmap_svg(map: &JourneyMap) -> Picture {
    let scores = map.scores(&Slice::default());
    let alert = map.scoring.alert_below;
    let mut canvas = Canvas::new();
    let columns = map.stages.len().max(1) as u32;
    let width = MARGIN * 2 + COLUMN * columns;
    let title = format!("{} — touchpoint scores", map.name);
    canvas.heading(&title);
    let mut top = MARGIN + 34;
    if let Some(line) = score_line(map, &scores) {
        canvas.text(MARGIN, top + 14, 14, 600, MUTED, &line);
        top += 22;
    }
    top += 12;
    let mut bottom = top;
    for (i, stage) in map.stages.iter().enumerate() {
        let x = MARGIN + i as u32 * COLUMN;
        let score = stage_score(&scores, stage.id);
        let (fill, _) = band(score, alert);
        canvas.rect(x, top, COLUMN - GAP, 44, fill, LINE);
        let name: String = stage.name.chars().take(WRAP).collect();
        canvas.text(x + 10, top + 18, 14, 600, INK, &name);
        let label = score.map_or("No score".to_string(), |s| format!("Stage {s:.1}"));
        canvas.text(x + 10, top + 35, 12, 400, MUTED, &label);
        let mut y = top + 52;
        for touchpoint in scores.touchpoints.iter().filter(|t| t.stage == stage.id) {
            let Some(card) = map.cards.iter().find(|c| c.id == touchpoint.id) else {
                continue;
            };
            let score = touchpoint.estimate.as_ref().map(|e| e.score);
            let (fill, words) = band(score, alert);
            let mut lines = wrap(&card.text, WRAP, 2);
            lines.push(match &touchpoint.estimate {
                Some(e) => format!("{:.1} · n = {} · {words}", e.score, e.n),
                None => words.to_string(),
            });
            let h = card_height(&lines);
            canvas.rect(x, y, COLUMN - GAP, h, fill, LINE);
            canvas.lines(x + 10, y + 20, &lines);
            y += h + GAP;
        }
        bottom = bottom.max(y);
    }
    let legend_y = bottom + 16;
    let mut x = MARGIN;
    for score in [Some(0.0), Some(f64::from(alert)), Some(100.0), None] {
        let (fill, words) = band(score, alert);
        canvas.rect(x, legend_y - 12, 16, 16, fill, LINE);
        canvas.text(x + 22, legend_y + 1, 12, 400, MUTED, words);
        x += 40 + words.len() as u32 * 7;
    }
    canvas.finish(&title, width.max(x + MARGIN), legend_y + 12 + MARGIN)
}

/// The personas' feelings across the stages, from very negative to very positive.
pub fn emotion_svg(map: &JourneyMap) -> Picture {
    let mut canvas = Canvas::new();
    let width = MARGIN * 2 + LABEL_WIDTH + COLUMN * map.stages.len().max(1) as u32;
    let left = MARGIN + LABEL_WIDTH;
    let title = format!("{} — feelings", map.name);
    canvas.heading(&title);
    let top = MARGIN + 44;
    let height = 200;
    for (value, label) in [
        (2, "Very positive"),
        (1, "Positive"),
        (0, "Neutral"),
        (-1, "Negative"),
        (-2, "Very negative"),
    ] {
        let y = feeling_y(value, top, height);
        let _ = writeln!(
            canvas.body,
            r#"<line x1="{left}" y1="{y}" x2="{}" y2="{y}" stroke="{LINE}"/>"#,
            width - MARGIN
        );
        canvas.text(MARGIN, y + 4, 12, 400, MUTED, label);
    }
    draw_feelings(&mut canvas, map, left, top, height);
    for (i, stage) in map.stages.iter().enumerate() {
        let name: String = stage.name.chars().take(WRAP).collect();
        let x = left + i as u32 * COLUMN + 10;
        canvas.text(x, top + height + 18, 13, 600, INK, &name);
    }
    legend(&mut canvas, &map.personas, MARGIN, top + height + 46);
    canvas.finish(&title, width, top + height + 56 + MARGIN)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::templates::Template;

    #[test]
    fn markup_in_user_text_is_escaped() {
        assert_eq!(
            escape("<img src=x onerror=alert(1)> & \"q\" 'a'"),
            "&lt;img src=x onerror=alert(1)&gt; &amp; &quot;q&quot; &#39;a&#39;"
        );
        assert_eq!(escape("a\u{0}b\u{8}c\nd"), "abc d");
        let mut map = Template::Ecommerce.build("m".into(), 0);
        map.name = "<script>alert(1)</script>".into();
        map.cards[0].text = "<img src=x onerror=alert(1)>".into();
        let svg = map_svg(&map).svg;
        assert!(!svg.contains("<script"));
        assert!(!svg.contains("<img"));
        assert!(svg.contains("&lt;img src=x"));
        assert!(svg.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    }

    #[test]
    fn text_wraps_at_word_breaks_and_long_text_ends_in_an_ellipsis() {
        assert_eq!(
            wrap("one two three four", 9, 5),
            ["one two", "three", "four"]
        );
        assert_eq!(wrap("abcdefghij", 4, 5), ["abcd", "efgh", "ij"]);
        assert_eq!(wrap("a b c d e f", 1, 2), ["a", "…"]);
        assert!(wrap("", 10, 3).is_empty());
    }

    #[test]
    fn the_map_picture_has_every_stage_lane_and_card() {
        let map = Template::Ecommerce.build("m".into(), 0);
        let picture = map_svg(&map);
        assert!(picture
            .svg
            .starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        assert_eq!(
            picture.width,
            2 * MARGIN + LABEL_WIDTH + COLUMN * map.stages.len() as u32
        );
        for text in map
            .stages
            .iter()
            .map(|s| &s.name)
            .chain(map.lanes.iter().map(|l| &l.title))
        {
            assert!(picture.svg.contains(&escape(text)), "{text}");
        }
        for card in &map.cards {
            let first = &wrap(&card.text, WRAP, MAX_LINES)[0];
            assert!(picture.svg.contains(&escape(first)), "{first}");
        }
    }

    #[test]
    fn the_heatmap_shows_each_touchpoint_score_and_band() {
        let map = crate::import_json(include_str!("../tests/fixtures/schema-v2.json")).unwrap();
        let svg = heatmap_svg(&map).svg;
        // Ad: mean of 5 4 4 3 2 3 on 1–5 → 62.5; Checkout: 5 of 7 → 71.4; both within 15 points
        // of the alert line at 60.
        assert!(svg.contains("62.5 · n = 6 · near the alert line"), "{svg}");
        assert!(svg.contains("71.4 · n = 7 · near the alert line"));
        assert!(svg.contains("Journey score 68.5"));
    }

    #[test]
    fn feelings_sit_on_five_levels() {
        assert_eq!(feeling_y(2, 100, 220), 110);
        assert_eq!(feeling_y(0, 100, 220), 210);
        assert_eq!(feeling_y(-2, 100, 220), 310);
    }

    #[test]
    fn scores_are_banded_against_the_alert_line() {
        assert_eq!(band(Some(59.9), 60).1, "below the alert line");
        assert_eq!(band(Some(60.0), 60).1, "near the alert line");
        assert_eq!(band(Some(75.0), 60).1, "healthy");
        assert_eq!(band(None, 60).1, "no answers");
    }
}
