//! Parse, filter and aggregate at 1,000 / 10,000 / 100,000 records: what a file open and a
//! filter change cost before anything is drawn; and the report files' writers (the packing,
//! without the pictures the browser draws) at the 2021 report's 38 records and 10,000.
//! Criterion prints the median of each.

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use pilot_board::domain::Lang;
use pilot_board::domain::chart_data::{Window, pass_rate_by_certificate, pass_rate_by_group};
use pilot_board::domain::index::{DatasetIndex, Selected};
use pilot_board::domain::summary::summarize;
use pilot_board::domain::view::{GroupBy, RateDefinition};
use pilot_board::domain::{Filter, Level, parse_dataset};
use pilot_board::synthetic::synthetic_dataset;
use std::hint::black_box;

const SIZES: [usize; 3] = [1_000, 10_000, 100_000];

fn a_filter(index: &DatasetIndex) -> Filter {
    Filter {
        batches: index
            .batches
            .iter()
            .take(3)
            .map(|b| b.key.clone())
            .collect(),
        levels: [Level::Intermediate].into(),
        majors: index
            .majors
            .iter()
            .step_by(7)
            .map(|m| m.code.clone())
            .collect(),
        search: String::new(),
    }
}

fn parse(c: &mut Criterion) {
    let mut group = c.benchmark_group("parse");
    group.sample_size(10);
    for size in SIZES {
        let text = synthetic_dataset(size, 1).to_json_pretty();
        group.bench_with_input(BenchmarkId::from_parameter(size), &text, |b, text| {
            b.iter(|| parse_dataset(black_box(text)).unwrap())
        });
    }
}

fn index(c: &mut Criterion) {
    let mut group = c.benchmark_group("index");
    group.sample_size(10);
    for size in SIZES {
        let dataset = synthetic_dataset(size, 1);
        group.bench_with_input(BenchmarkId::from_parameter(size), &dataset, |b, dataset| {
            b.iter(|| DatasetIndex::new(black_box(dataset)))
        });
    }
}

/// Everything a filter change recomputes: matches, totals, facet counts, the data of the
/// charts and the summary.
fn filter_change(c: &mut Criterion) {
    let mut group = c.benchmark_group("filter_change");
    for size in SIZES {
        let dataset = synthetic_dataset(size, 1);
        let index = DatasetIndex::new(&dataset);
        let filter = a_filter(&index);
        group.bench_function(BenchmarkId::from_parameter(size), |b| {
            b.iter(|| {
                let (matching, facets) = index.evaluate(black_box(&filter));
                let selected = Selected::new(&dataset, &index, matching);
                let selection = selected.selection(&dataset, &index);
                let window = Window { first: 0, size: 40 };
                let bars = pass_rate_by_certificate(
                    selection,
                    RateDefinition::Published,
                    true,
                    window,
                    Lang::Zh,
                );
                let groups = pass_rate_by_group(
                    selection,
                    GroupBy::Major,
                    RateDefinition::Published,
                    true,
                    Lang::Zh,
                );
                let summary = summarize(selection, Lang::Zh);
                black_box((facets, bars, groups, summary.text))
            })
        });
    }
}

/// The filter alone, and the search box alone, at each size.
fn filter_only(c: &mut Criterion) {
    let mut group = c.benchmark_group("filter_only");
    for size in SIZES {
        let dataset = synthetic_dataset(size, 1);
        let index = DatasetIndex::new(&dataset);
        let filter = a_filter(&index);
        let search = Filter {
            search: "数据 分析".into(),
            ..Filter::default()
        };
        group.bench_function(BenchmarkId::new("checkboxes", size), |b| {
            b.iter(|| index.matching(black_box(&filter)))
        });
        group.bench_function(BenchmarkId::new("search", size), |b| {
            b.iter(|| index.matching(black_box(&search)))
        });
    }
}

fn office_files(c: &mut Criterion) {
    use pilot_board::domain::builtin::report_2021;
    use pilot_board::domain::caption::Caption;
    use pilot_board::office::docx::{Figure, Report, report_document};
    use pilot_board::office::package::Picture;
    use pilot_board::office::xlsx::records_workbook;

    let mut group = c.benchmark_group("office");
    group.sample_size(10);
    // Three pictures of the size the page draws, their bytes stand-ins (stored, not compressed).
    let picture = Picture {
        png: vec![7; 120_000],
        width: 1980,
        height: 2200,
    };
    let figures: Vec<Figure> = (0..3)
        .map(|n| Figure {
            title: format!("图{n}"),
            picture: picture.clone(),
        })
        .collect();
    for (name, dataset) in [
        ("38", report_2021()),
        ("10000", synthetic_dataset(10_000, 1)),
    ] {
        let index = DatasetIndex::new(&dataset);
        let caption = Caption::new(&dataset, &index, &Filter::default(), Lang::Zh);
        group.bench_function(BenchmarkId::new("xlsx", name), |b| {
            b.iter(|| records_workbook(black_box(&dataset), &caption, false, Lang::Zh).unwrap())
        });
        group.bench_function(BenchmarkId::new("docx", name), |b| {
            b.iter(|| {
                report_document(&Report {
                    lang: Lang::Zh,
                    caption: &caption,
                    made_on: "2026-12-02",
                    summary: "截至2021年12月31日，……",
                    records: dataset.records.iter().collect(),
                    figures: &figures,
                })
                .unwrap()
            })
        });
    }
}

/// Opening the comparison: two datasets of 10,000 records matched pilot by pilot, the rows
/// sorted by change, the sentence and the rows of the rate and registered charts.
fn comparison(c: &mut Criterion) {
    use pilot_board::domain::compare::{
        Pairing, RowOrder, compare, rate_shift_chart, registered_chart, sentence,
    };

    let mut group = c.benchmark_group("compare");
    group.sample_size(20);
    let (a, b) = (synthetic_dataset(10_000, 1), synthetic_dataset(10_000, 2));
    group.bench_function(BenchmarkId::new("open", "10000"), |bench| {
        bench.iter(|| {
            let comparison = compare(&a.records, &b.records, black_box(&Pairing::default()));
            let order = RowOrder::Fall.arrange(&comparison.rows);
            let legend = || ("2021年".to_string(), "2022年".to_string());
            let chart = rate_shift_chart(&comparison, legend(), Lang::Zh);
            let registered = registered_chart(&comparison, legend(), Lang::Zh);
            (
                sentence(&comparison, "2021年", Lang::Zh),
                order.len(),
                chart.rows.len(),
                registered.rows.len(),
            )
        })
    });
}

criterion_group!(
    benches,
    parse,
    index,
    filter_change,
    filter_only,
    office_files,
    comparison
);
criterion_main!(benches);
