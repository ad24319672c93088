//! Properties of reading survey files: the encoding, the order of rows and the order of dates
//! change nothing they should not.

use journey_core::score::{Metric, Plan, PlanStage, PlanTouchpoint};
use journey_core::survey::encoding::detect;
use journey_core::survey::{import, ColumnLink, DateOrder, Periodicity, SurveyMapping};
use proptest::prelude::*;

fn plan() -> Plan {
    Plan {
        stages: vec![PlanStage {
            id: 10,
            weight: 1.0,
            touchpoints: (1..=2)
                .map(|card| PlanTouchpoint {
                    card,
                    weight: 1.0,
                    metric: Metric::mean(1, 5),
                })
                .collect(),
        }],
    }
}

fn mapping(header: &[String]) -> SurveyMapping {
    SurveyMapping {
        period: Periodicity::Month,
        date_column: Some(header[0].clone()),
        segment_column: Some(header[3].clone()),
        touchpoints: vec![
            ColumnLink {
                column: header[1].clone(),
                card: 1,
            },
            ColumnLink {
                column: header[2].clone(),
                card: 2,
            },
        ],
        ..SurveyMapping::default()
    }
}

/// A header of four distinct names with any text Windows-1252 can hold, and rows of a date,
/// two answers (numbers, labels or blanks) and a segment.
fn survey() -> impl Strategy<Value = (Vec<String>, Vec<[String; 4]>)> {
    let name = "[A-Za-z][A-Za-z0-9 éüñ€–'?]{0,12}";
    let header = proptest::collection::btree_set(name, 4).prop_map(|set| {
        set.into_iter()
            .map(|s| s.trim().to_string() + "_")
            .collect::<Vec<_>>()
    });
    let answer = prop_oneof![
        (1..=5i32).prop_map(|v| v.to_string()),
        Just(String::new()),
        Just("Very satisfied".to_string()),
        Just("N/A".to_string()),
        Just("-99".to_string()),
    ];
    let date =
        (2024..2027i32, 1..=12u32, 1..=28u32).prop_map(|(y, m, d)| format!("{y}-{m:02}-{d:02}"));
    let segment = prop_oneof![Just("Nouveau"), Just("Fidèle"), Just("")].prop_map(str::to_string);
    let row = (date, answer.clone(), answer, segment).prop_map(|(a, b, c, d)| [a, b, c, d]);
    (header, proptest::collection::vec(row, 1..40))
}

fn csv(header: &[String], rows: &[[String; 4]], separator: char) -> String {
    let mut text = header.join(&separator.to_string()) + "\r\n";
    for row in rows {
        text += &row.join(&separator.to_string());
        text += "\r\n";
    }
    text
}

fn decoded(bytes: &[u8]) -> String {
    let found = detect(bytes);
    let encoding = encoding_rs::Encoding::for_label(found.whatwg_name().as_bytes()).unwrap();
    encoding
        .decode_without_bom_handling_and_without_replacement(&bytes[found.bom_len(bytes)..])
        .expect("no replacement")
        .into_owned()
}

proptest! {
    #[test]
    fn any_re_encoding_imports_to_the_same_evidence((header, rows) in survey(), tab in any::<bool>()) {
        let text = csv(&header, &rows, if tab { '\t' } else { ',' });
        let expected = import(&text, &mapping(&header), &plan()).unwrap();
        let utf16le: Vec<u8> = [0xFF, 0xFE].into_iter().chain(text.encode_utf16().flat_map(u16::to_le_bytes)).collect();
        let utf16be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        let (cp1252, _, unmappable) = encoding_rs::WINDOWS_1252.encode(&text);
        prop_assert!(!unmappable);
        for bytes in [utf16le, utf16be, cp1252.into_owned()] {
            let result = import(&decoded(&bytes), &mapping(&header), &plan()).unwrap();
            prop_assert_eq!(&result.evidence, &expected.evidence);
            prop_assert_eq!(&result.report.skipped, &expected.report.skipped);
        }
    }

    #[test]
    fn any_order_of_rows_gives_the_same_histograms((header, rows) in survey(), seed in any::<u64>()) {
        let mut shuffled = rows.clone();
        let mut state = seed | 1;
        for i in (1..shuffled.len()).rev() {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            shuffled.swap(i, (state % (i as u64 + 1)) as usize);
        }
        let a = import(&csv(&header, &rows, ','), &mapping(&header), &plan()).unwrap();
        let b = import(&csv(&header, &shuffled, ','), &mapping(&header), &plan()).unwrap();
        prop_assert_eq!(a.evidence, b.evidence);
        prop_assert_eq!(a.report.periods, b.report.periods);
    }

    #[test]
    fn a_telling_date_keeps_day_first_and_month_first_apart(
        dates in proptest::collection::vec((1..=12u32, 1..=28u32), 1..30),
        at in any::<prop::sample::Index>(),
        telling_day in 13..=28u32,
        day_first in any::<bool>(),
    ) {
        // One date whose day is over 12 decides; each is written in the column's order.
        let mut dates = dates;
        let i = at.index(dates.len());
        dates[i].1 = telling_day;
        let write = |(m, d): (u32, u32)| if day_first { format!("{d:02}/{m:02}/2026") } else { format!("{m:02}/{d:02}/2026") };
        let mut text = String::from("When,A,B,S\n");
        for &date in &dates {
            text += &format!("{},3,4,\n", write(date));
        }
        let header: Vec<String> = ["When", "A", "B", "S"].map(String::from).to_vec();
        let result = import(&text, &mapping(&header), &plan()).unwrap();
        let order = if day_first { DateOrder::DayFirst } else { DateOrder::MonthFirst };
        prop_assert_eq!(result.report.dates.order, order);
        let mut months: Vec<String> = dates.iter().map(|(m, _)| format!("2026-{m:02}")).collect();
        months.sort();
        months.dedup();
        prop_assert_eq!(result.report.periods, months);
        prop_assert_eq!(result.report.dates.unreadable, 0);
    }
}

proptest! {
    #[test]
    fn a_row_read_in_place_has_the_fields_of_a_record(text in "[a\",;\t\r\n é]{0,60}") {
        use journey_core::survey::csv::{CsvReader, Row};
        let mut records = CsvReader::new(&text);
        let mut rows = CsvReader::new(&text);
        let mut row = Row::new(&text);
        loop {
            let record = records.next_record();
            let more = rows.read_row(&mut row);
            prop_assert_eq!(record.is_some(), more);
            let Some(record) = record else { break };
            prop_assert_eq!(record.line, row.line);
            let fields: Vec<&str> = (0..row.len()).filter_map(|i| row.get(i)).collect();
            prop_assert_eq!(record.fields, fields);
        }
        prop_assert_eq!(records.position(), rows.position());
    }
}
