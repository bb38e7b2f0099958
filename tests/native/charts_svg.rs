//! Chart layout, checked by drawing each chart to an SVG string with the same function that
//! draws on the canvas: bar order, labels, truncation, undefined rates and whiskers.

use pilot_board::charts::counts_bars::counts_chart_layout;
use pilot_board::charts::layout::{LABEL_FONT, chart_height, text_width};
use pilot_board::charts::rate_bars::rate_chart_layout;
use pilot_board::charts::{ChartStyle, draw_counts_chart, draw_rate_chart};
use pilot_board::domain::Lang;
use pilot_board::domain::builtin::report_2021;
use pilot_board::domain::chart_data::{
    CountsChart, RateChart, Window, pass_rate_by_certificate, pass_rate_by_group,
    registered_certified,
};
use pilot_board::domain::index::{DatasetIndex, Selected};
use pilot_board::domain::view::{GroupBy, RateDefinition};
use pilot_board::domain::{Dataset, Filter, parse_dataset};
use plotters::prelude::*;

const WINDOW: Window = Window {
    first: 0,
    size: 100,
};

fn rate_chart(dataset: &Dataset, whiskers: bool) -> RateChart {
    let index = DatasetIndex::new(dataset);
    let all = Selected::new(dataset, &index, index.matching(&Filter::default()));
    pass_rate_by_certificate(
        all.selection(dataset, &index),
        RateDefinition::Published,
        whiskers,
        WINDOW,
        Lang::Zh,
    )
}

fn svg_of_rate(chart: &RateChart, width: u32) -> String {
    let mut svg = String::new();
    {
        let height = chart_height(chart.bars.len()) as u32;
        let area = SVGBackend::with_string(&mut svg, (width, height)).into_drawing_area();
        draw_rate_chart(&area, chart, &ChartStyle::default()).unwrap();
        area.present().unwrap();
    }
    svg
}

fn svg_of_counts(chart: &CountsChart, width: u32) -> String {
    let mut svg = String::new();
    {
        let height =
            pilot_board::charts::layout::chart_height_at(width as f64, chart.rows.len()) as u32;
        let area = SVGBackend::with_string(&mut svg, (width, height)).into_drawing_area();
        draw_counts_chart(&area, chart, &ChartStyle::default()).unwrap();
        area.present().unwrap();
    }
    svg
}

/// The text of every `<text>` element, in drawing order.
fn texts(svg: &str) -> Vec<String> {
    svg.split("<text")
        .skip(1)
        .filter_map(|part| {
            let start = part.find('>')? + 1;
            let end = part.find("</text>")?;
            Some(part[start..end].trim().to_string())
        })
        .collect()
}

#[test]
fn bars_are_drawn_in_rate_order_with_value_and_n() {
    let chart = rate_chart(&report_2021(), true);
    let svg = svg_of_rate(&chart, 1000);
    let texts = texts(&svg);
    let position = |wanted: &str| {
        texts
            .iter()
            .position(|t| t == wanted)
            .unwrap_or_else(|| panic!("no text {wanted:?} in {texts:?}"))
    };
    assert!(position("无人机摄影测量 · 中级") < position("产品创意设计 · 中级"));
    assert!(position("产品创意设计 · 中级") < position("工业机器人应用编程 · 中级"));
    assert!(texts.contains(&"86.00%（n=50）".to_string()));
    assert!(texts.contains(&"未出成绩（n=99）".to_string()));
    assert_eq!(texts.iter().filter(|t| *t == "无人报考").count(), 5);
    assert!(texts.contains(&"总体 72.16%（已公布成绩）".to_string()));
    assert!(texts.contains(&"100.00%（n=2）".to_string()));
    assert!(
        texts
            .iter()
            .any(|t| t.contains("浅色条：报考不足 10 人的小样本，黑线为 95% 置信区间")),
        "the small sample is explained under the chart"
    );
    assert!(svg.contains("Microsoft YaHei") && svg.contains("Noto Sans CJK SC"));
    // No value label runs past the right edge.
    let layout = rate_chart_layout(&chart, 1000.0);
    for bar in &chart.bars {
        if let pilot_board::domain::chart_data::BarValue::Rate { percent, .. } = bar.value {
            let label = format!("{}（n={}）", bar.value_text(), bar.n());
            let right = layout.x_of(percent, 100.0) + 6.0 + text_width(&label, 12.0);
            assert!(right <= 1000.0, "{label} would overflow");
        }
    }
}

#[test]
fn whiskers_are_drawn_only_when_asked() {
    let dataset = report_2021();
    let with = svg_of_rate(&rate_chart(&dataset, true), 1000);
    let without = svg_of_rate(&rate_chart(&dataset, false), 1000);
    // One small sample (2 registered): a whisker is a line and two caps.
    assert_eq!(
        with.matches("<polyline").count(),
        without.matches("<polyline").count() + 3
    );
}

#[test]
fn long_labels_are_cut_to_the_label_column_at_every_width() {
    let chart = rate_chart(&report_2021(), true);
    for width in [480u32, 640, 1024, 1280] {
        let layout = rate_chart_layout(&chart, width as f64);
        let svg = svg_of_rate(&chart, width);
        let labels: Vec<String> = texts(&svg)
            .into_iter()
            .filter(|t| t.contains(" · ") || t.contains('…'))
            .collect();
        assert_eq!(labels.len(), 38, "width {width}");
        for label in &labels {
            assert!(
                text_width(label, LABEL_FONT) <= layout.label_room() + 0.01,
                "{label} overflows at width {width}"
            );
        }
        if width == 480 {
            assert!(
                labels.iter().any(|l| l.contains('…')),
                "narrow charts cut names"
            );
            // A cut name keeps its level (and batch): what tells two rows apart.
            for label in labels.iter().filter(|l| l.contains('…')) {
                assert!(
                    ["初级", "中级", "高级"]
                        .iter()
                        .any(|level| label.contains(level)),
                    "{label} keeps its level"
                );
            }
        } else {
            assert!(
                labels.iter().all(|l| !l.contains('…')),
                "wide charts keep whole names"
            );
        }
    }
}

#[test]
fn markup_in_a_name_is_escaped_in_svg() {
    let dataset = parse_dataset(
        r#"{"format": "1x-pilot-dataset", "version": 1, "title": "t", "records": [
        {"batch": "b", "certificate": "<script>x</script>", "level": "中级", "majors": [],
         "registered": 20, "certified": 10}]}"#,
    )
    .unwrap();
    let svg = svg_of_rate(&rate_chart(&dataset, true), 800);
    assert!(!svg.contains("<script>"), "{svg}");
    assert!(svg.contains("&lt;script&gt;"), "{svg}");
}

#[test]
fn registered_and_certified_draw_both_counts_and_pending() {
    let dataset = report_2021();
    let index = DatasetIndex::new(&dataset);
    let all = Selected::new(&dataset, &index, index.matching(&Filter::default()));
    let chart = registered_certified(
        all.selection(&dataset, &index),
        RateDefinition::Published,
        WINDOW,
        Lang::Zh,
    );
    let svg = svg_of_counts(&chart, 1000);
    let texts = texts(&svg);
    assert_eq!(texts.iter().filter(|t| t.contains(" · ")).count(), 38);
    assert!(texts.contains(&"325 / 211".to_string()));
    assert!(texts.contains(&"200 / 未出成绩".to_string()));
    assert!(texts.contains(&"报考人数".to_string()) && texts.contains(&"获证人数".to_string()));
    let layout = counts_chart_layout(&chart, 1000.0);
    assert_eq!(layout.rows, 38);
}

#[test]
fn group_chart_says_how_majors_are_counted() {
    let dataset = report_2021();
    let index = DatasetIndex::new(&dataset);
    let all = Selected::new(&dataset, &index, index.matching(&Filter::default()));
    let chart = pass_rate_by_group(
        all.selection(&dataset, &index),
        GroupBy::Major,
        RateDefinition::AllRegistered,
        true,
        Lang::Zh,
    );
    let texts = texts(&svg_of_rate(&chart, 1000));
    assert!(texts.iter().any(|t| t.contains("各计一次")), "{texts:?}");
    assert!(texts.contains(&"总体 65.97%（全部报考）".to_string()));
}

/// The exported SVG: a well-formed document with the caption and the chart's Chinese labels
/// as text in the CJK font stack, at the slide's shape, with hostile text escaped.
#[test]
fn the_exported_svg_is_xml_with_its_chinese_text_and_caption() {
    use pilot_board::charts::ChartSpec;
    use pilot_board::charts::framed::framed_svg;
    use pilot_board::charts::style::FONT_STACK;
    use pilot_board::domain::caption::Caption;

    let mut dataset = report_2021();
    dataset.title = "试点 <报告> & \"汇总\"".into();
    let index = DatasetIndex::new(&dataset);
    let filter = Filter {
        levels: [pilot_board::domain::Level::Elementary].into(),
        ..Filter::default()
    };
    let elementary = Selected::new(&dataset, &index, index.matching(&filter));
    let chart = pass_rate_by_certificate(
        elementary.selection(&dataset, &index),
        RateDefinition::Published,
        true,
        WINDOW,
        Lang::Zh,
    );
    let caption = Caption::new(&dataset, &index, &filter, Lang::Zh);
    let spec = ChartSpec::Rate(chart.clone());
    let svg = framed_svg(&spec, "各证书通过率", &caption, (1920, 1080)).expect("drawn");

    let document = roxmltree::Document::parse(&svg).expect("the SVG parses as XML");
    let root = document.root_element();
    assert_eq!(root.attribute("width"), Some("960"));
    assert_eq!(root.attribute("height"), Some("540"));
    let texts: Vec<&str> = root
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .filter_map(|n| n.text())
        .map(str::trim)
        .collect();
    for expected in [
        "各证书通过率",
        "试点 <报告> & \"汇总\"",
        "筛选：等级：初级 · 数据截至 2021年12月31日",
    ] {
        assert!(texts.contains(&expected), "{expected} not in {texts:?}");
    }
    for bar in &chart.bars {
        assert!(
            texts.iter().any(|t| t.starts_with(&bar.short_label[..6])),
            "{} not drawn",
            bar.short_label
        );
    }
    assert!(
        root.descendants()
            .filter(|n| n.has_tag_name("text"))
            .all(|n| n.attribute("font-family") == Some(FONT_STACK)),
        "every text names the CJK font stack"
    );
}

/// A chart with more rows than a slide holds is exported at the slide's width and as tall as
/// it needs.
#[test]
fn a_long_chart_exports_taller_than_a_slide() {
    use pilot_board::charts::ChartSpec;
    use pilot_board::charts::framed::{CAPTION_HEIGHT, framed_size};

    let spec = ChartSpec::Rate(rate_chart(&report_2021(), true));
    let (width, height) = framed_size(&spec, (1920, 1080), 2.0);
    assert_eq!(width, 960.0);
    assert_eq!(height, CAPTION_HEIGHT + chart_height(spec.rows()));
    assert!(height > 540.0);
}

/// The built-in 2021 report compared with the 2022 example, matched by the rule.
fn comparison_2021_2022() -> pilot_board::domain::compare::Comparison {
    use pilot_board::domain::compare::{Pairing, compare};
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/docs/examples/report-2022.json"
    ))
    .unwrap();
    let (a, b) = (report_2021(), parse_dataset(&text).unwrap());
    compare(&a.records, &b.records, &Pairing::default())
}

#[test]
fn the_comparison_chart_draws_a_dumbbell_per_row_with_its_change() {
    use pilot_board::charts::compare::draw_rate_shift_chart;
    use pilot_board::domain::compare::{format_points, rate_shift_chart};
    let cmp = comparison_2021_2022();
    let chart = rate_shift_chart(&cmp, ("2021年".into(), "2022年".into()), Lang::Zh);
    for width in [1000u32, 360] {
        let height =
            pilot_board::charts::layout::chart_height_at(width as f64, chart.rows.len()) as u32;
        let mut svg = String::new();
        let layout = {
            let area = SVGBackend::with_string(&mut svg, (width, height)).into_drawing_area();
            let layout = draw_rate_shift_chart(&area, &chart, &ChartStyle::default()).unwrap();
            area.present().unwrap();
            layout
        };
        assert_eq!(layout.rows, chart.rows.len());
        assert!(layout.rows_bottom() < height as f64, "rows fit at {width}");
        let texts = texts(&svg);
        // The legend names both years; every row's change is written, in the rows' order.
        assert!(texts.iter().any(|t| t == "2021年") && texts.iter().any(|t| t == "2022年"));
        let changes: Vec<String> = chart.rows.iter().map(|r| format_points(r.change)).collect();
        let drawn: Vec<&String> = texts.iter().filter(|t| changes.contains(t)).collect();
        assert_eq!(drawn.len(), chart.rows.len(), "a change per row at {width}");
        assert_eq!(*drawn[0], changes[0]);
        // Two dots a row (hollow, filled) plus the legend's two.
        assert_eq!(
            svg.matches("<circle").count(),
            2 * (2 * chart.rows.len() + 2)
        );
    }
}

#[test]
fn the_registered_comparison_draws_a_bar_per_year_present_and_both_counts() {
    use pilot_board::charts::Chart;
    use pilot_board::charts::compare::CompareChart;
    use pilot_board::domain::compare::registered_chart;
    let cmp = comparison_2021_2022();
    let chart = CompareChart::Registered(registered_chart(
        &cmp,
        ("2021年".into(), "2022年".into()),
        Lang::Zh,
    ));
    let CompareChart::Registered(data) = &chart else {
        unreachable!()
    };
    for width in [1000u32, 360] {
        let height =
            pilot_board::charts::layout::chart_height_at(width as f64, chart.rows()) as u32;
        let mut svg = String::new();
        let layout = {
            let area = SVGBackend::with_string(&mut svg, (width, height)).into_drawing_area();
            let layout = chart.draw(&area, &ChartStyle::default()).unwrap();
            area.present().unwrap();
            layout
        };
        assert_eq!(layout.rows, data.rows.len());
        assert!(layout.rows_bottom() < height as f64, "rows fit at {width}");
        let texts = texts(&svg);
        assert!(texts.iter().any(|t| t == "2021年") && texts.iter().any(|t| t == "2022年"));
        for row in &data.rows {
            assert!(
                texts.contains(&row.figures(Lang::Zh)),
                "{} at {width}",
                row.label
            );
        }
        // A year without the pilot draws no bar: one rectangle fewer for a later bar taken
        // away, two (its fill and outline) for a hatched earlier one.
        let rects = |chart: &CompareChart| {
            let mut svg = String::new();
            let area = SVGBackend::with_string(&mut svg, (width, height)).into_drawing_area();
            chart.draw(&area, &ChartStyle::default()).unwrap();
            area.present().unwrap();
            drop(area);
            svg.matches("<rect").count()
        };
        let both = data
            .rows
            .iter()
            .position(|r| r.a.is_some() && r.b.is_some())
            .unwrap();
        let mut without_b = data.clone();
        without_b.rows[both].b = None;
        let mut without_a = data.clone();
        without_a.rows[both].a = None;
        let all = rects(&chart);
        assert_eq!(rects(&CompareChart::Registered(without_b)), all - 1);
        assert_eq!(rects(&CompareChart::Registered(without_a)), all - 2);
    }
}

#[test]
fn the_comparison_charts_fit_the_rows_a_slide_holds_into_the_slide() {
    use pilot_board::charts::Chart;
    use pilot_board::charts::compare::CompareChart;
    use pilot_board::charts::layout::{SLIDE_ROW_HEIGHT, rows_fitting_at};
    use pilot_board::domain::compare::{rate_shift_chart, registered_chart};
    let cmp = comparison_2021_2022();
    let legend = || ("2021年".to_string(), "2022年".to_string());
    // A slide's stage, in layout pixels: as many rows as it holds at the slides' compact rows.
    let (width, height) = (800u32, 300u32);
    let rows = rows_fitting_at(height as f64, SLIDE_ROW_HEIGHT);
    let style = ChartStyle {
        row_height: SLIDE_ROW_HEIGHT,
        ..ChartStyle::default()
    };
    for chart in [
        CompareChart::Rates(rate_shift_chart(&cmp, legend(), Lang::Zh)),
        CompareChart::Registered(registered_chart(&cmp, legend(), Lang::Zh)),
    ] {
        let page = chart.page(0, rows);
        assert_eq!(page.rows(), rows);
        let mut svg = String::new();
        let area = SVGBackend::with_string(&mut svg, (width, height)).into_drawing_area();
        let layout = page.draw(&area, &style).unwrap();
        assert!(
            layout.height <= height as f64,
            "{rows} rows take {} of {height}",
            layout.height
        );
    }
}

/// The count axis's tick labels of a drawn chart: the texts that are plain counts.
fn tick_labels(svg: &str) -> Vec<String> {
    texts(svg)
        .into_iter()
        .filter(|t| !t.is_empty() && t.chars().all(|c| c.is_ascii_digit() || c == ','))
        .collect()
}

#[test]
fn every_page_of_a_long_counts_chart_shares_the_whole_charts_axis() {
    let dataset = report_2021();
    let index = DatasetIndex::new(&dataset);
    let all = Selected::new(&dataset, &index, index.matching(&Filter::default()));
    // Three slides' worth: rows 1–13, 14–26, 27–38, most registered first.
    let page = |first: usize| {
        registered_certified(
            all.selection(&dataset, &index),
            RateDefinition::Published,
            Window { first, size: 13 },
            Lang::Zh,
        )
    };
    let pages: Vec<CountsChart> = [0, 13, 26].into_iter().map(page).collect();
    assert!(
        pages[2].rows.iter().all(|r| r.registered < 200),
        "a short last page"
    );
    let axes: Vec<Vec<String>> = pages
        .iter()
        .map(|p| tick_labels(&svg_of_counts(p, 1000)))
        .collect();
    assert_eq!(
        axes[0].last().map(String::as_str),
        Some("400"),
        "{:?}",
        axes[0]
    );
    assert_eq!(axes[1], axes[0], "page 2 has page 1's axis");
    assert_eq!(axes[2], axes[0], "page 3 has page 1's axis");
    // A page cut out of the whole chart keeps it too (the pictures of a tall chart).
    let whole = registered_certified(
        all.selection(&dataset, &index),
        RateDefinition::Published,
        WINDOW,
        Lang::Zh,
    );
    let pilot_board::charts::ChartSpec::Counts(cut) =
        pilot_board::charts::ChartSpec::Counts(whole).page(26, 13)
    else {
        unreachable!()
    };
    assert_eq!(tick_labels(&svg_of_counts(&cut, 1000)), axes[0]);
}

#[test]
fn every_page_of_the_registered_comparison_shares_one_axis() {
    use pilot_board::charts::Chart;
    use pilot_board::charts::compare::CompareChart;
    use pilot_board::domain::compare::registered_chart;
    let chart = CompareChart::Registered(registered_chart(
        &comparison_2021_2022(),
        ("2021年".into(), "2022年".into()),
        Lang::Zh,
    ));
    let axis = |chart: &CompareChart| {
        let mut svg = String::new();
        {
            let area = SVGBackend::with_string(&mut svg, (1000, 600)).into_drawing_area();
            chart.draw(&area, &ChartStyle::default()).unwrap();
            area.present().unwrap();
        }
        tick_labels(&svg)
    };
    let rows = chart.rows();
    let first = axis(&chart.page(0, 10));
    for start in (10..rows).step_by(10) {
        assert_eq!(axis(&chart.page(start, 10)), first, "page from row {start}");
    }
    assert_eq!(axis(&chart), first);
}
