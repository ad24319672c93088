//! Native benchmarks of the domain: `cargo bench -p journey-core`.
//! Inputs come from a seeded generator here, never from committed large files.

use std::collections::HashMap;
use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use journey_core::model::{Measure, Weight};
use journey_core::picture::map_svg;
use journey_core::score::{Histogram, Metric};
use journey_core::survey::{import, ColumnLink, SurveyMapping};
use journey_core::{export_json, import_json, share, store, Edit, JourneyMap, LaneKind, Template};

/// A small, seeded generator (xorshift64*), so every run reads the same survey.
struct Seeded(u64);

impl Seeded {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// The eCommerce template with its six touchpoints measured: CSAT 1–5 and one NPS.
fn measured_map() -> JourneyMap {
    let mut map = Template::Ecommerce.build("bench".into(), 0);
    let touchpoints: Vec<_> = map
        .cards
        .iter()
        .filter(|c| c.channel.is_some())
        .map(|c| c.id)
        .collect();
    for (i, card) in touchpoints.iter().enumerate() {
        let metric = if i == 5 {
            Metric::nps()
        } else {
            Metric::mean(1, 5)
        };
        let measure = Some(Measure {
            metric,
            weight: Weight::default(),
            target: None,
        });
        map.apply(&Edit::SetMeasure {
            card: *card,
            measure,
        })
        .expect("a template card measures");
    }
    map
}

/// A wide survey export: date, segment, then one answer column per measured touchpoint, with
/// about one blank cell in twenty.
pub fn wide_csv(rows: usize, seed: u64) -> String {
    let mut random = Seeded(seed);
    let mut text = String::from("date,segment,q1,q2,q3,q4,q5,q6\n");
    for _ in 0..rows {
        let month = 1 + random.below(6);
        let day = 1 + random.below(28);
        let segment = if random.below(2) == 0 {
            "New"
        } else {
            "Returning"
        };
        text.push_str(&format!("2026-{month:02}-{day:02},{segment}"));
        for q in 0..6 {
            text.push(',');
            if random.below(20) != 0 {
                let value = if q == 5 {
                    random.below(11)
                } else {
                    1 + random.below(5)
                };
                text.push_str(&value.to_string());
            }
        }
        text.push('\n');
    }
    text
}

fn mapping(map: &JourneyMap) -> SurveyMapping {
    let touchpoints = map
        .cards
        .iter()
        .filter(|c| c.measure.is_some())
        .enumerate()
        .map(|(i, c)| ColumnLink {
            column: format!("q{}", i + 1),
            card: c.id,
        })
        .collect();
    SurveyMapping {
        date_column: Some("date".into()),
        segment_column: Some("segment".into()),
        touchpoints,
        ..SurveyMapping::default()
    }
}

fn import_million_rows(c: &mut Criterion) {
    let map = measured_map();
    let plan = map.plan();
    let mapping = mapping(&map);
    let csv = wide_csv(1_000_000, 7);
    let mut group = c.benchmark_group("survey import, 1,000,000 wide rows");
    group.sample_size(10);
    group.throughput(Throughput::Elements(1_000_000));
    group.bench_function("parse and aggregate (rows/s)", |b| {
        b.iter(|| import(black_box(&csv), &mapping, &plan).expect("the generated file imports"))
    });
    group.throughput(Throughput::Bytes(csv.len() as u64));
    group.bench_function("parse and aggregate (bytes/s)", |b| {
        b.iter(|| import(black_box(&csv), &mapping, &plan).expect("the generated file imports"))
    });
    // q6 also as the loyalty question: each respondent joins the sums behind the loyalty link.
    let loyal = SurveyMapping {
        loyalty_column: Some("q6".into()),
        ..mapping.clone()
    };
    group.throughput(Throughput::Elements(1_000_000));
    group.bench_function("with a loyalty question (rows/s)", |b| {
        b.iter(|| import(black_box(&csv), &loyal, &plan).expect("the generated file imports"))
    });
    group.finish();
}

fn score_and_serialise(c: &mut Criterion) {
    let map = measured_map();
    let plan = map.plan();
    let answers: HashMap<_, _> = plan
        .touchpoints()
        .map(|t| {
            (
                t.card,
                Histogram::from_values(
                    t.metric.min,
                    t.metric.max,
                    (0..1000).map(|i| t.metric.min + i % 5),
                ),
            )
        })
        .collect();
    c.bench_function("score a measured map from histograms", |b| {
        b.iter(|| plan.score(black_box(&answers)))
    });
    let mut answered = map.clone();
    let result = import(&wide_csv(100_000, 3), &mapping(&map), &plan).expect("imports");
    answered
        .apply(&Edit::AddEvidence {
            evidence: result.evidence,
            loyalty: result.loyalty,
            replace: false,
            survey: None,
        })
        .expect("the evidence fits");
    let stage = answered.stages[2].id;
    c.bench_function(
        "change a stage weight and rescore (6 months × 2 segments)",
        |b| {
            b.iter(|| {
                let mut next = black_box(&answered).clone();
                next.apply(&Edit::SetStageWeight {
                    stage,
                    weight: Weight(2.0),
                })
                .expect("applies");
                next.scores(&Default::default())
            })
        },
    );
    let text = export_json(&map);
    c.bench_function("export the eCommerce map as JSON", |b| {
        b.iter(|| export_json(black_box(&map)))
    });
    c.bench_function("import the eCommerce map from JSON", |b| {
        b.iter(|| import_json(black_box(&text)))
    });
}

/// The big map of the browser benchmark: 40 stages × 10 lanes × 5 cards = 2,000 cards, built by
/// edits as a user would.
fn big_map() -> JourneyMap {
    let mut map = Template::Blank.build("big".into(), 0);
    let mut random = Seeded(11);
    for s in 0..40 {
        map.apply(&Edit::AddStage {
            name: format!("Stage {}", s + 1),
        })
        .expect("a stage");
    }
    let kinds = LaneKind::ALL.into_iter().filter(|k| k.holds_cards());
    for kind in kinds.cycle().take(10) {
        map.apply(&Edit::AddLane {
            kind,
            title: kind.default_title().into(),
        })
        .expect("a lane");
    }
    let cells: Vec<_> = map
        .lanes
        .iter()
        .flat_map(|l| map.stages.iter().map(move |s| (l.id, s.id)))
        .collect();
    for (lane, stage) in cells {
        for c in 0..5 {
            let words = 3 + random.below(12) as usize;
            let text = (0..words)
                .map(|w| format!("word{}", (c + w) % 17))
                .collect::<Vec<_>>()
                .join(" ");
            map.apply(&Edit::AddCard { lane, stage, text })
                .expect("a card");
        }
    }
    map
}

fn big_map_work(c: &mut Criterion) {
    let map = big_map();
    assert_eq!(map.cards.len(), 2_000);
    let mut group = c.benchmark_group("2,000-card map");
    group.bench_function("encode for storage", |b| {
        b.iter(|| store::encode(black_box(&map), 1))
    });
    let stored = store::encode(&map, 1);
    group.bench_function("read from storage", |b| {
        b.iter(|| store::load([(store::map_key("big"), black_box(stored.clone()))]))
    });
    let first = map.stages[0].id;
    group.bench_function("move a stage (clone and apply)", |b| {
        b.iter(|| {
            let mut next = black_box(&map).clone();
            next.apply(&Edit::MoveStage {
                stage: first,
                to: 20,
            })
        })
    });
    group.bench_function("share link", |b| {
        b.iter(|| share::encode(black_box(&map), None))
    });
    group.bench_function("SVG picture", |b| b.iter(|| map_svg(black_box(&map))));
    group.finish();
}

criterion_group!(
    benches,
    import_million_rows,
    score_and_serialise,
    big_map_work
);
criterion_main!(benches);
