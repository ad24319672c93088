//! Each way a real export departs from its tool's usual layout, as a small file written for this
//! project: detected, named in the report, and read to the answers it holds.

use journey_core::score::{Metric, Plan, PlanStage, PlanTouchpoint};
use journey_core::survey::aggregate::DateDecision;
use journey_core::survey::encoding::{detect, TextEncoding};
use journey_core::survey::layout::Dialect;
use journey_core::survey::{
    import, ColumnLink, DateOrder, ImportResult, Layout, Periodicity, SkipReason, Survey,
    SurveyMapping,
};

const BOOKING: u32 = 1;
const VISIT: u32 = 2;

fn plan(min: i32, max: i32) -> Plan {
    let touchpoint = |card| PlanTouchpoint {
        card,
        weight: 1.0,
        metric: Metric::mean(min, max),
    };
    Plan {
        stages: vec![PlanStage {
            id: 10,
            weight: 1.0,
            touchpoints: vec![touchpoint(BOOKING), touchpoint(VISIT)],
        }],
    }
}

fn mapping(booking: &str, visit: &str, date: Option<&str>) -> SurveyMapping {
    SurveyMapping {
        period: Periodicity::Month,
        date_column: date.map(str::to_string),
        touchpoints: vec![
            ColumnLink {
                column: booking.into(),
                card: BOOKING,
            },
            ColumnLink {
                column: visit.into(),
                card: VISIT,
            },
        ],
        ..SurveyMapping::default()
    }
}

/// All answers to a card, over every period, as counts from the scale's lowest value.
fn counts(result: &ImportResult, card: u32) -> Vec<u64> {
    let mut total: Vec<u64> = Vec::new();
    for e in result.evidence.iter().filter(|e| e.card == card) {
        total.resize(e.answers.counts.len(), 0);
        for (t, c) in total.iter_mut().zip(&e.answers.counts) {
            *t += c;
        }
    }
    total
}

fn skipped(result: &ImportResult, reason: SkipReason) -> u64 {
    result
        .report
        .skipped
        .iter()
        .find(|(r, _)| *r == reason)
        .map_or(0, |(_, n)| *n)
}

#[test]
fn qualtrics_2016_with_python_style_import_ids() {
    let text = include_str!("fixtures/dialects/qualtrics-2016-python-ids.csv");
    let survey = Survey::open(text, None).unwrap();
    assert_eq!(survey.layout, Layout::Qualtrics);
    assert_eq!(survey.dialects, [Dialect::PythonImportIds]);
    let result = import(text, &mapping("Q1", "Q2", Some("StartDate")), &plan(1, 5)).unwrap();
    assert_eq!(result.report.rows, 2);
    assert_eq!(counts(&result, BOOKING), [0, 0, 1, 0, 1]);
    assert_eq!(counts(&result, VISIT), [0, 0, 0, 1, 0]);
    assert_eq!(result.report.periods, ["2016-03", "2016-04"]);
}

#[test]
fn legacy_qualtrics_with_two_header_rows_and_a_trailing_comma() {
    let text = include_str!("fixtures/dialects/qualtrics-legacy-two-rows.csv");
    let survey = Survey::open(text, None).unwrap();
    assert_eq!(survey.layout, Layout::QualtricsLegacy);
    assert_eq!(survey.dialects, [Dialect::TrailingSeparator]);
    // The trailing comma makes no column of its own; questions come from the second row.
    assert_eq!(survey.columns.len(), 12);
    assert_eq!(survey.columns[7].question, "StartDate");
    assert_eq!(survey.columns[10].question, "How easy was booking?");
    let result = import(text, &mapping("Q1", "Q2", Some("V8")), &plan(1, 5)).unwrap();
    assert_eq!(counts(&result, BOOKING), [0, 0, 0, 1, 0]);
    assert_eq!(counts(&result, VISIT), [0, 1, 0, 0, 1]);
    assert_eq!(skipped(&result, SkipReason::NoBasis), 1);
    assert_eq!(result.report.periods, ["2014-05"]);
}

#[test]
fn negative_codes_are_no_basis_not_errors() {
    let text = include_str!("fixtures/dialects/negative-codes.csv");
    let result = import(text, &mapping("Booking", "Visit", None), &plan(1, 5)).unwrap();
    assert_eq!(skipped(&result, SkipReason::NoBasis), 3);
    assert_eq!(skipped(&result, SkipReason::OffScale), 0);
    assert_eq!(counts(&result, BOOKING), [0, 0, 1, 1, 1]);
    assert_eq!(counts(&result, VISIT), [0, 1, 0, 1, 0]);
    // On a scale that has negative values they are answers, or off the scale.
    let result = import(text, &mapping("Booking", "Visit", None), &plan(-2, 2)).unwrap();
    assert_eq!(skipped(&result, SkipReason::NoBasis), 0);
    assert_eq!(counts(&result, BOOKING), [1, 0, 0, 0, 0]);
}

#[test]
fn labels_with_their_number_glued_on() {
    let text = include_str!("fixtures/dialects/glued-labels.csv");
    let result = import(text, &mapping("Booking", "Visit", None), &plan(1, 7)).unwrap();
    assert_eq!(counts(&result, BOOKING), [0, 0, 0, 1, 0, 0, 1]);
    assert_eq!(counts(&result, VISIT), [1, 0, 0, 0, 0, 1, 0]);
    assert_eq!(result.report.glued_labels, 3);
    assert_eq!(result.report.skipped_total(), 0);
}

#[test]
fn surveymonkey_trimmed_to_its_questions() {
    for name in ["trimmed", "respondentid"] {
        let text = match name {
            "trimmed" => include_str!("fixtures/dialects/surveymonkey-trimmed.csv"),
            _ => include_str!("fixtures/dialects/surveymonkey-respondentid.csv"),
        };
        let survey = Survey::open(text, None).unwrap();
        assert_eq!(survey.layout, Layout::Surveymonkey, "{name}");
        assert_eq!(survey.dialects, [Dialect::TrimmedToQuestions], "{name}");
        let plan = plan(1, 5);
        let result = import(
            text,
            &mapping("How easy was booking?", "How was the visit?", None),
            &plan,
        )
        .unwrap();
        assert_eq!(
            result.report.rows, 2,
            "{name}: the second header row is no answer"
        );
        assert_eq!(counts(&result, BOOKING).iter().sum::<u64>(), 2, "{name}");
    }
}

#[test]
fn surveymonkey_expanded_choices_are_one_answer_per_question() {
    let text = include_str!("fixtures/dialects/surveymonkey-expanded.csv");
    let survey = Survey::open(text, None).unwrap();
    assert_eq!(survey.dialects, [Dialect::ExpandedChoices]);
    let keys: Vec<&str> = survey.columns.iter().map(|c| c.key.as_str()).collect();
    assert_eq!(
        keys,
        [
            "Respondent ID",
            "Collector ID",
            "How easy was booking?",
            "How was the visit?"
        ]
    );
    let result = import(
        text,
        &mapping("How easy was booking?", "How was the visit?", None),
        &plan(1, 5),
    )
    .unwrap();
    // "Easy" and "Very difficult"; the third respondent chose nothing.
    assert_eq!(counts(&result, BOOKING), [1, 0, 0, 1, 0]);
    assert_eq!(skipped(&result, SkipReason::Blank), 1);
    assert_eq!(counts(&result, VISIT), [0, 0, 1, 1, 1]);
}

#[test]
fn a_day_first_column_is_decided_by_its_first_telling_date() {
    let text = include_str!("fixtures/dialects/day-first-dates.csv");
    let result = import(
        text,
        &mapping("Booking", "Visit", Some("Date")),
        &plan(1, 5),
    )
    .unwrap();
    let dates = &result.report.dates;
    assert_eq!(dates.order, DateOrder::DayFirst);
    assert_eq!(
        dates.decision,
        DateDecision::DecidedBy {
            line: 4,
            value: "25/04/2026".into()
        }
    );
    // 03/04 and 04/04 are in April, not March and April; 01/07 is July.
    assert_eq!(result.report.periods, ["2026-04", "2026-07"]);
    assert_eq!(
        dates.describe(),
        "Dates read day first, as “25/04/2026” on line 4 can only be read that way."
    );
}

#[test]
fn an_ambiguous_column_uses_the_mappings_order() {
    let text = include_str!("fixtures/dialects/ambiguous-dates.csv");
    let plan = plan(1, 5);
    let mut chosen = mapping("Booking", "Visit", Some("Date"));
    let result = import(text, &chosen, &plan).unwrap();
    assert_eq!(result.report.dates.decision, DateDecision::Ambiguous);
    assert_eq!(result.report.periods, ["2026-03", "2026-04", "2026-07"]);
    chosen.date_order = Some(DateOrder::DayFirst);
    let result = import(text, &chosen, &plan).unwrap();
    assert_eq!(result.report.dates.decision, DateDecision::Chosen);
    assert_eq!(result.report.periods, ["2026-01", "2026-04", "2026-05"]);
    assert_eq!(result.report.dates.unreadable, 0);
}

#[test]
fn dates_that_the_decided_order_cannot_read_are_counted() {
    let text = "Date,Booking,Visit\n13/01/2026,4,5\n01/13/2026,3,4\n";
    let result = import(
        text,
        &mapping("Booking", "Visit", Some("Date")),
        &plan(1, 5),
    )
    .unwrap();
    assert_eq!(result.report.dates.order, DateOrder::DayFirst);
    assert_eq!(result.report.dates.unreadable, 1);
    assert_eq!(result.report.periods, ["2026-01"]);
    assert_eq!(
        counts(&result, BOOKING),
        [0, 0, 1, 1, 0],
        "an undated row still counts"
    );
}

fn encode(text: &str, encoding: &'static encoding_rs::Encoding, bom: bool) -> Vec<u8> {
    let mut bytes = Vec::new();
    if encoding == encoding_rs::UTF_16LE {
        if bom {
            bytes.extend([0xFF, 0xFE]);
        }
        bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    } else if encoding == encoding_rs::UTF_16BE {
        if bom {
            bytes.extend([0xFE, 0xFF]);
        }
        bytes.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
    } else {
        let (encoded, _, unmappable) = encoding.encode(text);
        assert!(!unmappable);
        bytes.extend_from_slice(&encoded);
    }
    bytes
}

fn decode(bytes: &[u8]) -> (TextEncoding, String) {
    let found = detect(bytes);
    let encoding = encoding_rs::Encoding::for_label(found.whatwg_name().as_bytes()).unwrap();
    let body = &bytes[found.bom_len(bytes)..];
    let text = encoding
        .decode_without_bom_handling_and_without_replacement(body)
        .expect("decodes without replacement");
    (found, text.into_owned())
}

#[test]
fn utf16_tab_separated_and_windows_1252_read_as_their_utf8_original() {
    let original = "Zeitstempel\tBuchung – wie einfach?\tBesuch\n2026-03-01\t4\t5\n2026-03-02\tSehr zufrieden\t3\n";
    let plan = plan(1, 5);
    let mapping = mapping("Buchung – wie einfach?", "Besuch", Some("Zeitstempel"));
    let expected = import(original, &mapping, &plan).unwrap();
    for (encoding, bom, name) in [
        (encoding_rs::UTF_16LE, true, TextEncoding::Utf16Le),
        (encoding_rs::UTF_16LE, false, TextEncoding::Utf16Le),
        (encoding_rs::UTF_16BE, false, TextEncoding::Utf16Be),
        (encoding_rs::WINDOWS_1252, false, TextEncoding::Windows1252),
    ] {
        let (found, text) = decode(&encode(original, encoding, bom));
        assert_eq!(found, name);
        assert!(!text.contains('\u{fffd}'));
        let result = import(&text, &mapping, &plan).unwrap();
        assert_eq!(result.evidence, expected.evidence, "{name:?}");
        assert_eq!(result.report.separator, '\t');
    }
}

#[test]
fn an_xlsx_sheet_reads_with_its_dates_as_dates() {
    use journey_core::survey::sheet::{read_xlsx, SheetError};
    let bytes = include_bytes!("fixtures/sheets/answers.xlsx");
    let first = read_xlsx(bytes, None).unwrap();
    assert_eq!(first.sheets, ["Summary", "Responses"]);
    assert_eq!(first.csv, "\"Clinic survey, spring 2026\"\r\nRows,3\r\n");
    let book = read_xlsx(bytes, Some("Responses")).unwrap();
    assert_eq!(book.chosen, 1);
    assert_eq!(
        book.csv,
        "Submitted,Booking,Visit,Segment\r\n2026-03-04 12:00:00,4,5,Walk-in\r\n2026-04-03 06:00:00,Very satisfied,3,Online\r\n46206,2,,Online\r\n"
    );
    let mut mapping = mapping("Booking", "Visit", Some("Submitted"));
    mapping.segment_column = Some("Segment".into());
    let result = import(&book.csv, &mapping, &plan(1, 5)).unwrap();
    // The plain serial day 46206 reads as 2026-07-03.
    assert_eq!(result.report.periods, ["2026-03", "2026-04", "2026-07"]);
    assert_eq!(counts(&result, BOOKING), [0, 1, 0, 1, 1]);
    assert_eq!(result.report.dates.unreadable, 0);
    assert_eq!(
        read_xlsx(bytes, Some("Answers")),
        Err(SheetError::NoSuchSheet("Answers".into()))
    );
}
