//! The per-dataset index agrees with the plain filter, facet counts say what a click would
//! give, and chart data is ordered and labelled as the dashboard needs.

use pilot_board::domain::Lang;
use pilot_board::domain::builtin::report_2021;
use pilot_board::domain::chart_data::{
    BarTarget, BarValue, Window, pass_rate_by_certificate, pass_rate_by_group,
    registered_certified, short_certificate,
};
use pilot_board::domain::index::{DatasetIndex, Selected};
use pilot_board::domain::view::{GroupBy, RateDefinition};
use pilot_board::domain::{Filter, Level, Totals, batch_key};

fn all_filters(index: &DatasetIndex) -> Vec<Filter> {
    let mut filters = vec![Filter::default()];
    for batch in &index.batches {
        filters.push(Filter {
            batches: [batch.key.clone()].into(),
            ..Filter::default()
        });
    }
    for level in Level::ALL {
        for major in index.majors.iter().take(12) {
            filters.push(Filter {
                levels: [level].into(),
                majors: [major.code.clone(), "630302".into()].into(),
                ..Filter::default()
            });
        }
    }
    for search in [
        "web",
        "职业技能",
        "（BIM）",
        "数据 运营",
        "nothing-like-this",
    ] {
        filters.push(Filter {
            search: search.into(),
            levels: [Level::Intermediate].into(),
            ..Filter::default()
        });
    }
    filters
}

#[test]
fn the_index_matches_exactly_what_the_plain_filter_matches() {
    let dataset = report_2021();
    let index = DatasetIndex::new(&dataset);
    for filter in all_filters(&index) {
        let plain: Vec<u32> = (0..dataset.records.len() as u32)
            .filter(|&i| filter.matches(&dataset.records[i as usize]))
            .collect();
        let indexed = index.matching(&filter);
        assert_eq!(indexed, plain, "{filter:?}");
        let (evaluated, facets) = index.evaluate(&filter);
        assert_eq!(evaluated, plain, "{filter:?}");
        assert_eq!(facets, index.facet_counts(&filter), "{filter:?}");
        let fast = index.totals(&dataset, &indexed);
        let slow = Totals::of(indexed.iter().map(|&i| &dataset.records[i as usize]));
        assert_eq!(fast, slow, "{filter:?}");
    }
}

#[test]
fn distinct_values_come_in_data_order_with_one_batch_per_spelling() {
    let index = DatasetIndex::new(&report_2021());
    let batches: Vec<&str> = index.batches.iter().map(|b| b.label.as_str()).collect();
    assert_eq!(
        batches,
        vec!["2021年第一批", "2021年沿用批次", "2021年第二批"]
    );
    assert_eq!(
        index.levels,
        vec![Level::Intermediate, Level::Advanced, Level::Elementary]
    );
    assert_eq!(index.majors.len(), 34);
    assert_eq!(index.majors[0].code, "560118");
}

#[test]
fn facet_counts_say_what_each_choice_would_match() {
    let dataset = report_2021();
    let index = DatasetIndex::new(&dataset);
    let counts = index.facet_counts(&Filter::default());
    assert_eq!(counts.levels, [3, 34, 1]);
    assert_eq!(counts.batches, vec![22, 15, 1]);

    // With 初级 chosen, the level counts ignore the level filter; the others follow it.
    let elementary = Filter {
        levels: [Level::Elementary].into(),
        ..Filter::default()
    };
    let counts = index.facet_counts(&elementary);
    assert_eq!(counts.levels, [3, 34, 1]);
    assert_eq!(counts.batches, vec![2, 1, 0]);
    for (major, count) in index.majors.iter().zip(&counts.majors) {
        let expected = index
            .matching(&Filter {
                majors: [major.code.clone()].into(),
                ..elementary.clone()
            })
            .len();
        assert_eq!(*count, expected, "{}", major.code);
    }
}

#[test]
fn pass_rate_bars_run_from_highest_to_undefined() {
    let dataset = report_2021();
    let index = DatasetIndex::new(&dataset);
    let selected = Selected::new(&dataset, &index, index.matching(&Filter::default()));
    let selection = selected.selection(&dataset, &index);
    let window = Window {
        first: 0,
        size: 100,
    };
    let chart =
        pass_rate_by_certificate(selection, RateDefinition::Published, true, window, Lang::Zh);
    assert_eq!(chart.bars.len(), 38);
    assert_eq!(chart.bars[0].short_label, "无人机摄影测量 · 中级");
    assert_eq!(chart.bars[5].short_label, "Web前端开发 · 初级");
    assert!(chart.bars[5].is_small_sample());
    let BarValue::Rate {
        interval: Some((low, high)),
        ..
    } = chart.bars[5].value
    else {
        panic!("2 of 2 gets a Wilson interval");
    };
    assert!((low - 34.24).abs() < 0.05 && high == 100.0, "{low} {high}");
    let tail: Vec<String> = chart.bars[31..].iter().map(|b| b.value_text()).collect();
    assert_eq!(tail[..2], ["未出成绩", "未出成绩"]);
    assert!(tail[2..].iter().all(|t| t == "无人报考"), "{tail:?}");
    assert_eq!(chart.bars[31].n(), 200, "the larger pending pilot first");
    assert_eq!(
        chart.reference.as_ref().unwrap().1,
        "总体 72.16%（已公布成绩）"
    );
    let twin: Vec<&str> = chart
        .bars
        .iter()
        .filter(|b| b.label.starts_with("数控车铣加工"))
        .map(|b| b.short_label.as_str())
        .collect();
    assert_eq!(
        twin,
        vec![
            "数控车铣加工 · 中级（2021年沿用批次）",
            "数控车铣加工 · 中级（2021年第二批）"
        ]
    );

    let all_registered = pass_rate_by_certificate(
        selection,
        RateDefinition::AllRegistered,
        true,
        window,
        Lang::Zh,
    );
    assert_eq!(
        all_registered.reference.unwrap().1,
        "总体 65.97%（全部报考）"
    );

    let page = pass_rate_by_certificate(
        selection,
        RateDefinition::Published,
        true,
        Window {
            first: 10,
            size: 10,
        },
        Lang::Zh,
    );
    assert_eq!(page.bars.len(), 10);
    assert_eq!(page.bars[0], chart.bars[10]);
    assert_eq!(page.note, "第 11–20 个证书等级，共 38 个");
}

#[test]
fn registered_and_certified_run_from_most_registered() {
    let dataset = report_2021();
    let index = DatasetIndex::new(&dataset);
    let chosen = index.matching(&Filter {
        batches: [batch_key("2021年沿用批次")].into(),
        ..Filter::default()
    });
    let selected = Selected::new(&dataset, &index, chosen);
    let selection = selected.selection(&dataset, &index);
    let chart = registered_certified(
        selection,
        RateDefinition::Published,
        Window { first: 0, size: 40 },
        Lang::Zh,
    );
    assert_eq!(chart.rows.len(), 15);
    assert_eq!(chart.rows[0].short_label, "Web前端开发 · 中级");
    assert_eq!(
        (chart.rows[0].registered, chart.rows[0].certified),
        (325, Some(211))
    );
    assert!(
        chart
            .rows
            .windows(2)
            .all(|w| w[0].registered >= w[1].registered)
    );
}

#[test]
fn group_rates_follow_the_chosen_definition_and_count_majors_per_record() {
    let dataset = report_2021();
    let index = DatasetIndex::new(&dataset);
    let selected = Selected::new(&dataset, &index, index.matching(&Filter::default()));
    let selection = selected.selection(&dataset, &index);
    let totals = &selected.totals;
    let by_level = pass_rate_by_group(
        selection,
        GroupBy::Level,
        RateDefinition::Published,
        true,
        Lang::Zh,
    );
    let labels: Vec<(&str, String)> = by_level
        .bars
        .iter()
        .map(|b| (b.label.as_str(), b.value_text()))
        .collect();
    // 初级: 52/52; 中级: 2211/3081; 高级: 34/50.
    assert_eq!(
        labels,
        vec![
            ("初级", "100.00%".to_string()),
            ("中级", "71.76%".to_string()),
            ("高级", "68.00%".to_string()),
        ]
    );
    assert_eq!(by_level.bars[0].target, BarTarget::Level(Level::Elementary));

    let by_batch_all = pass_rate_by_group(
        selection,
        GroupBy::Batch,
        RateDefinition::AllRegistered,
        false,
        Lang::Zh,
    );
    let second = by_batch_all
        .bars
        .iter()
        .find(|b| b.label == "2021年第二批")
        .unwrap();
    assert_eq!(second.value_text(), "无人报考");

    let by_major = pass_rate_by_group(
        selection,
        GroupBy::Major,
        RateDefinition::Published,
        true,
        Lang::Zh,
    );
    assert_eq!(by_major.bars.len(), 34);
    assert!(by_major.note.contains("各计一次"));
    let registered_over_majors: u64 = by_major.bars.iter().map(|b| b.n()).sum();
    assert!(registered_over_majors > totals.registered_published);
}

#[test]
fn chart_labels_drop_the_suffix_every_certificate_shares() {
    assert_eq!(short_certificate("物流管理职业技能等级证书"), "物流管理");
    assert_eq!(
        short_certificate("人身保险理赔技能等级证书"),
        "人身保险理赔"
    );
    assert_eq!(
        short_certificate("智能制造单元集成应用"),
        "智能制造单元集成应用"
    );
    assert_eq!(short_certificate("职业技能等级证书"), "职业技能等级证书");
}

#[test]
fn english_bars_carry_their_n_in_english_brackets_and_count_in_the_singular() {
    let dataset = report_2021();
    let index = DatasetIndex::new(&dataset);
    let filter = Filter {
        search: "产品创意设计".into(),
        ..Filter::default()
    };
    let one = Selected::new(&dataset, &index, index.matching(&filter));
    let chart = pass_rate_by_certificate(
        one.selection(&dataset, &index),
        RateDefinition::Published,
        true,
        Window { first: 0, size: 40 },
        Lang::En,
    );
    assert_eq!(chart.bars.len(), 1);
    assert_eq!(chart.bars[0].value_with_n(), "86.00% (n=50)");
    assert!(
        chart.note.starts_with("1 certificate level"),
        "{}",
        chart.note
    );
    assert!(
        !chart.note.starts_with("1 certificate levels"),
        "{}",
        chart.note
    );
}

/// A chart's data table gives the registered count and, in a column of its own, the base of
/// the rate: by batch, 2021年第一批 has 1531 registered of whom 1331 have published results.
#[test]
fn a_chart_table_keeps_the_registered_apart_from_the_rates_base() {
    use pilot_board::domain::chart_data::TableField;
    let dataset = report_2021();
    let index = DatasetIndex::new(&dataset);
    let all = Selected::new(&dataset, &index, index.matching(&Filter::default()));
    let chart = pass_rate_by_group(
        all.selection(&dataset, &index),
        GroupBy::Batch,
        RateDefinition::Published,
        true,
        Lang::Zh,
    );
    let table = chart.table();
    let row = table
        .rows
        .iter()
        .position(|r| r.key == "2021年第一批")
        .unwrap();
    assert_eq!(table.cell(row, TableField::Registered), Some("1531"));
    assert_eq!(table.cell(row, TableField::RateBase), Some("1331"));
    assert_eq!(table.cell(row, TableField::Certified), Some("1128"));
    let by_major = pass_rate_by_group(
        all.selection(&dataset, &index),
        GroupBy::Major,
        RateDefinition::AllRegistered,
        true,
        Lang::Zh,
    )
    .table();
    let row = by_major
        .rows
        .iter()
        .position(|r| r.key == "610209 数字展示技术")
        .unwrap();
    assert_eq!(by_major.cell(row, TableField::Registered), Some("200"));
    assert_eq!(by_major.cell(row, TableField::RateBase), Some("200"));
    assert_eq!(by_major.cell(row, TableField::Certified), Some("未出成绩"));
    assert_eq!(by_major.cell(row, TableField::Rate), Some("未出成绩"));
}

/// The 2021 report as a changeover year's file would have it: the last record naming
/// 软件技术 writes the new code, 510203, where the others keep 610205.
fn with_a_code_change() -> pilot_board::domain::Dataset {
    let mut dataset = report_2021();
    let last = dataset
        .records
        .iter()
        .rposition(|r| r.majors.iter().any(|m| m.code == "610205"))
        .unwrap();
    for major in &mut dataset.records[last].majors {
        if major.code == "610205" {
            major.code = "510203".into();
        }
    }
    dataset
}

#[test]
fn a_major_under_the_old_and_the_new_code_is_one_major() {
    let dataset = with_a_code_change();
    let index = DatasetIndex::new(&dataset);
    // Counted once: 34 majors, as with one code, on screen and by the plain totals.
    assert_eq!(index.majors.len(), 34);
    let all: Vec<u32> = (0..dataset.records.len() as u32).collect();
    assert_eq!(index.totals(&dataset, &all).majors, 34);
    assert_eq!(Totals::of(&dataset.records).majors, 34);
    // The filter lists it once, with both codes, and names it by its name.
    let software: Vec<_> = index
        .majors
        .iter()
        .filter(|m| m.name == "软件技术")
        .collect();
    assert_eq!(software.len(), 1);
    assert_eq!(software[0].label(), "610205 / 510203 软件技术");
    let key = software[0].key().to_string();
    assert_eq!(key, "软件技术");
    // Checking it matches the records under either code, and the plain filter agrees.
    let filter = Filter {
        majors: [key].into(),
        ..Filter::default()
    };
    let matched = index.matching(&filter);
    let expected: Vec<u32> = (0..dataset.records.len() as u32)
        .filter(|&i| {
            dataset.records[i as usize]
                .majors
                .iter()
                .any(|m| m.name == "软件技术")
        })
        .collect();
    assert_eq!(matched, expected);
    assert_eq!(filter.apply(&dataset.records).count(), expected.len());
    assert!(expected.len() >= 3);
    // A link made before, naming the old code, still filters to all of them.
    let old_link = Filter {
        majors: ["610205".to_string()].into(),
        ..Filter::default()
    };
    assert_eq!(index.matching(&old_link), expected);
    // The reconciliation says why it counts once.
    let reconciliation = pilot_board::domain::reconcile(&dataset);
    assert_eq!(reconciliation.merged_majors.len(), 1);
    let why = reconciliation.merged_majors[0].why_one(Lang::Zh).unwrap();
    assert!(
        why.contains("610205、510203") && why.contains("计为一个专业"),
        "{why}"
    );
    let majors_line = reconciliation
        .totals
        .iter()
        .find(|l| l.figure == pilot_board::domain::reconcile::Figure::Majors)
        .unwrap();
    assert_eq!(majors_line.computed, Some(34.0));
    // The comparison's major filter offers it once.
    let offered = pilot_board::domain::compare::Comparison::majors(&dataset.records);
    assert_eq!(offered.iter().filter(|(_, n)| n == "软件技术").count(), 1);
    // And the chart by major has one bar for it.
    let chart = pass_rate_by_group(
        Selected::new(&dataset, &index, all).selection(&dataset, &index),
        GroupBy::Major,
        RateDefinition::Published,
        false,
        Lang::Zh,
    );
    assert_eq!(
        chart
            .bars
            .iter()
            .filter(|b| b.label.contains("软件技术"))
            .count(),
        1
    );
}
