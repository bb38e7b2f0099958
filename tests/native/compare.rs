//! Comparing two years: the matching rule over the spellings colleges use, the user's links
//! and unlinks, the change figures and their rounding, and the sentence in the report's words.
//! The later year is `docs/examples/report-2022.json`: the same college's next report, with
//! names spelled otherwise, pilots dropped and added.

use pilot_board::domain::builtin::report_2021;
use pilot_board::domain::compare::{
    CompareRow, Pairing, RowOrder, RowStatus, compare, format_percent_change, format_points,
    format_signed_count, normalize_certificate, percent_change_tenths, pilot_key, points_between,
    sentence,
};
use pilot_board::domain::{Dataset, Filter, Lang, Level, Ratio, parse_dataset};

fn year_2022() -> Dataset {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/docs/examples/report-2022.json"
    ))
    .expect("the example is in the repository");
    parse_dataset(&text).expect("the example is valid")
}

fn row<'a>(rows: &'a [CompareRow], key: &str) -> &'a CompareRow {
    rows.iter()
        .find(|r| r.key == key)
        .unwrap_or_else(|| panic!("no row {key}"))
}

#[test]
fn names_match_whatever_their_spacing_brackets_and_ending() {
    for (spelling, normal) in [
        ("Web前端开发职业技能等级证书", "Web前端开发"),
        ("Web 前端开发 职业技能等级证书", "Web前端开发"),
        ("建筑信息模型（BIM）职业技能等级证书", "建筑信息模型(BIM)"),
        ("建筑信息模型(BIM)", "建筑信息模型(BIM)"),
        ("人身保险理赔技能等级证书", "人身保险理赔"),
        ("机械工程制图证书", "机械工程制图"),
        ("\u{3000}不动产数据采集与建库 ", "不动产数据采集与建库"),
        // Only a final ending goes, and never the whole name.
        ("证书", "证书"),
        ("证书设计职业技能等级证书", "证书设计"),
    ] {
        assert_eq!(normalize_certificate(spelling), normal, "{spelling}");
    }
    assert_eq!(
        pilot_key("Web 前端开发", Level::Intermediate),
        "Web前端开发|中级"
    );
    // A level is part of the key: the same certificate at two levels is two pilots.
    assert_ne!(
        pilot_key("Web前端开发", Level::Elementary),
        pilot_key("Web前端开发", Level::Intermediate)
    );
}

#[test]
fn every_certificate_level_of_both_years_is_listed_once_matched_by_the_rule() {
    let (a, b) = (report_2021(), year_2022());
    let comparison = compare(&a.records, &b.records, &Pairing::default());
    // 38 records in 2021 are 37 pilots (数控车铣加工 中级 runs in two batches).
    assert_eq!(comparison.a.pilots, 37);
    assert_eq!(comparison.b.pilots, 37);
    assert_eq!(comparison.count(RowStatus::Both), 33);
    assert_eq!(comparison.count(RowStatus::Dropped), 4);
    assert_eq!(comparison.count(RowStatus::New), 4);
    assert_eq!(comparison.rows.len(), 41);
    let mut keys: Vec<&str> = comparison.rows.iter().map(|r| r.key.as_str()).collect();
    keys.sort();
    keys.dedup();
    assert_eq!(keys.len(), 41, "no key twice");

    // Spelled otherwise in 2022, matched all the same.
    let product = row(&comparison.rows, "产品创意设计|中级");
    assert_eq!(product.status(), RowStatus::Both);
    assert_eq!(
        (product.registered_a(), product.registered_b()),
        (Some(50), Some(40))
    );
    assert_eq!(product.rate_change(), Some(-600));
    assert_eq!(product.name(), "产品创意设计");
    let bim = row(&comparison.rows, "建筑信息模型(BIM)|中级");
    assert_eq!(bim.status(), RowStatus::Both);
    assert_eq!(
        bim.rate_a().map(Ratio::format_percent).as_deref(),
        Some("54.82%")
    );
    assert_eq!(
        bim.rate_b().map(Ratio::format_percent).as_deref(),
        Some("49.62%")
    );
    assert_eq!(bim.rate_change(), Some(-520));
    assert_eq!(
        row(&comparison.rows, "Web前端开发|中级").status(),
        RowStatus::Both
    );
    assert_eq!(
        row(&comparison.rows, "人身保险理赔|中级").status(),
        RowStatus::Both
    );
    // Batches are summed within a year: the two batches of 数控车铣加工 are one row.
    let lathe = row(&comparison.rows, "数控车铣加工|中级");
    assert_eq!(lathe.a.as_ref().map(|p| p.totals.records), Some(2));
    assert_eq!(
        lathe.rate_change(),
        None,
        "nobody registered: no rate, no change"
    );
    // Pending in 2021: no published rate, so no change.
    let pending = row(&comparison.rows, "智能网联汽车测试装调|中级");
    assert_eq!(pending.rate_a(), None);
    assert_eq!(pending.rate_change(), None);

    for key in [
        "实用英语交际|初级",
        "业财税融合大数据融资分析|中级",
        "无人机摄影测量|中级",
    ] {
        assert_eq!(
            row(&comparison.rows, key).status(),
            RowStatus::Dropped,
            "{key}"
        );
    }
    for key in [
        "大数据应用开发(Python)|中级",
        "工业互联网实施与运维|初级",
        "Web前端开发|高级",
    ] {
        assert_eq!(row(&comparison.rows, key).status(), RowStatus::New, "{key}");
    }
    // The rule misses a renamed certificate: one dropped row and one new row.
    assert_eq!(
        row(&comparison.rows, "电子商务数据分析|中级").status(),
        RowStatus::Dropped
    );
    assert_eq!(
        row(&comparison.rows, "电商数据分析|中级").status(),
        RowStatus::New
    );
    // Dropped and matched rows come in 2021's order, new ones after.
    assert_eq!(comparison.rows[0].key, "产品创意设计|中级");
    assert!(
        comparison.rows[37..]
            .iter()
            .all(|r| r.status() == RowStatus::New)
    );
}

#[test]
fn a_pair_the_rule_missed_is_linked_and_a_wrong_match_unlinked() {
    let (a, b) = (report_2021(), year_2022());
    let mut pairing = Pairing::default();
    pairing.link("电子商务数据分析|中级", "电商数据分析|中级");
    let linked = compare(&a.records, &b.records, &pairing);
    assert_eq!(linked.rows.len(), 40);
    let commerce = row(&linked.rows, "电子商务数据分析|中级");
    assert!(commerce.linked);
    assert_eq!(commerce.status(), RowStatus::Both);
    assert_eq!(commerce.name(), "电商数据分析职业技能等级证书");
    assert!(linked.rows.iter().all(|r| r.key != "电商数据分析|中级"));

    // A match of the rule taken apart: a dropped row and a new one under the same key.
    pairing.unlink("产品创意设计|中级");
    let apart = compare(&a.records, &b.records, &pairing);
    assert_eq!(apart.rows.len(), 41);
    let product: Vec<RowStatus> = apart
        .rows
        .iter()
        .filter(|r| r.key == "产品创意设计|中级")
        .map(CompareRow::status)
        .collect();
    assert_eq!(product, [RowStatus::Dropped, RowStatus::New]);

    // Unlinking the user's link undoes it; linking a key to itself restores the rule's match.
    pairing.unlink("电子商务数据分析|中级");
    pairing.link("产品创意设计|中级", "产品创意设计|中级");
    assert!(pairing.is_empty());
    assert_eq!(compare(&a.records, &b.records, &pairing).rows.len(), 41);

    // A pairing survives its round trip through storage.
    pairing.link("电子商务数据分析|中级", "电商数据分析|中级");
    let text = serde_json::to_string(&pairing).unwrap();
    assert_eq!(serde_json::from_str::<Pairing>(&text).unwrap(), pairing);
}

#[test]
fn a_link_to_a_pilot_the_rule_matched_elsewhere_takes_it_from_there() {
    let (a, b) = (report_2021(), year_2022());
    let mut pairing = Pairing::default();
    // 2021's 实用英语交际 linked to 2022's 产品创意设计: the 2021 产品创意设计 is left alone.
    pairing.link("实用英语交际|初级", "产品创意设计|中级");
    let comparison = compare(&a.records, &b.records, &pairing);
    let rows: Vec<&CompareRow> = comparison.rows.iter().collect();
    assert_eq!(
        row(&comparison.rows, "实用英语交际|初级").status(),
        RowStatus::Both
    );
    assert_eq!(
        row(&comparison.rows, "产品创意设计|中级").status(),
        RowStatus::Dropped
    );
    // Each 2022 pilot is in exactly one row.
    let on_b = rows.iter().filter(|r| r.b.is_some()).count();
    assert_eq!(on_b, 37);
    // A link whose end is not in the data (filtered out, or another dataset) changes nothing.
    let mut stale = Pairing::default();
    stale.link("没有这个证书|中级", "产品创意设计|中级");
    assert_eq!(
        compare(&a.records, &b.records, &stale),
        compare(&a.records, &b.records, &Pairing::default())
    );
}

#[test]
fn changes_are_signed_and_rounded_as_printed() {
    // From the rates as printed: 54.82% → 49.62% is −5.20 points.
    let a = Ratio::new(91, 166);
    let b = Ratio::new(66, 133);
    assert_eq!(points_between(a, b), Some(-520));
    assert_eq!(points_between(None, b), None);
    assert_eq!(format_points(-520), "−5.20");
    assert_eq!(format_points(1205), "+12.05");
    assert_eq!(format_points(0), "0.00");
    assert_eq!(format_points(-7), "−0.07");
    // −517 of 3,482 is −14.848…%: −14.8%. Half a tenth rounds away from zero.
    assert_eq!(percent_change_tenths(3482, 2965), Some(-148));
    assert_eq!(percent_change_tenths(200, 201), Some(5));
    assert_eq!(
        percent_change_tenths(2000, 1999),
        Some(-1),
        "−0.05% → −0.1%"
    );
    assert_eq!(percent_change_tenths(0, 10), None);
    assert_eq!(format_percent_change(-148), "−14.8%");
    assert_eq!(format_percent_change(5), "+0.5%");
    assert_eq!(format_signed_count(-517, Lang::Zh), "−517");
    assert_eq!(format_signed_count(1200, Lang::En), "+1,200");
    assert_eq!(format_signed_count(0, Lang::Zh), "0");
}

#[test]
fn the_sentence_says_the_change_in_the_reports_words() {
    let (a, b) = (report_2021(), year_2022());
    let comparison = compare(&a.records, &b.records, &Pairing::default());
    // 2021: 3482 registered, 2297 of 3183 published = 72.16%. 2022: 2965, 1758 of 2965 = 59.29%.
    assert_eq!(comparison.a.totals.registered, 3482);
    assert_eq!(comparison.b.totals.registered, 2965);
    assert_eq!(
        sentence(&comparison, "2021年", Lang::Zh),
        "与2021年相比，报考人数减少517人（−14.8%），已公布成绩的通过率下降12.87个百分点（72.16%→59.29%）；新增证书等级4项，不再开展4项。"
    );
    assert_eq!(
        sentence(&comparison, "2021", Lang::En),
        "Against 2021, registered examinees fell by 517 (−14.8%) and the pass rate of published results fell by 12.87 percentage points (72.16% → 59.29%); 4 certificate levels are new and 4 levels are no longer run."
    );
    // The same data on both sides: no change.
    let same = compare(&a.records, &a.records, &Pairing::default());
    assert!(same.rows.iter().all(|r| r.status() == RowStatus::Both));
    assert_eq!(
        sentence(&same, "2021年", Lang::Zh),
        "与2021年相比，报考人数持平，已公布成绩的通过率持平（72.16%→72.16%）；新增证书等级0项，不再开展0项。"
    );
}

#[test]
fn a_change_on_fewer_than_ten_examinees_carries_a_caution() {
    let (a, b) = (report_2021(), year_2022());
    let comparison = compare(&a.records, &b.records, &Pairing::default());
    // Web前端开发 初级: 2 examinees in each year.
    assert_eq!(
        row(&comparison.rows, "Web前端开发|初级").caution(),
        Some((2, 2))
    );
    assert_eq!(row(&comparison.rows, "产品创意设计|中级").caution(), None);
    // No change, no caution.
    assert_eq!(row(&comparison.rows, "Web前端开发|高级").caution(), None);
}

#[test]
fn rows_sort_by_change_with_the_undefined_last() {
    let (a, b) = (report_2021(), year_2022());
    let comparison = compare(&a.records, &b.records, &Pairing::default());
    let changes = |order: RowOrder| -> Vec<Option<i64>> {
        order
            .arrange(&comparison.rows)
            .into_iter()
            .map(|n| comparison.rows[n].rate_change())
            .collect()
    };
    let fall = changes(RowOrder::Fall);
    let defined: Vec<i64> = fall.iter().flatten().copied().collect();
    assert!(defined.windows(2).all(|w| w[0] <= w[1]), "{defined:?}");
    assert!(fall[defined.len()..].iter().all(Option::is_none));
    let rise = changes(RowOrder::Rise);
    let defined: Vec<i64> = rise.iter().flatten().copied().collect();
    assert!(defined.windows(2).all(|w| w[0] >= w[1]));
    assert_eq!(
        RowOrder::Data.arrange(&comparison.rows),
        (0..41).collect::<Vec<_>>()
    );
    assert_eq!(RowOrder::from_code("fall"), Some(RowOrder::Fall));
}

#[test]
fn filters_apply_to_both_sides() {
    let (a, b) = (report_2021(), year_2022());
    let filter = Filter {
        levels: [Level::Elementary].into(),
        ..Filter::default()
    };
    let comparison = compare(
        filter.apply(&a.records),
        filter.apply(&b.records),
        &Pairing::default(),
    );
    assert!(
        comparison
            .rows
            .iter()
            .all(|r| r.level() == Level::Elementary)
    );
    let keys: Vec<&str> = comparison.rows.iter().map(|r| r.key.as_str()).collect();
    assert_eq!(
        keys,
        [
            "企业管理咨询|初级",
            "实用英语交际|初级",
            "Web前端开发|初级",
            "工业互联网实施与运维|初级"
        ]
    );
}

#[test]
fn the_key_figures_give_each_side_and_the_change() {
    use pilot_board::domain::compare::kpi_lines;
    let (a, b) = (report_2021(), year_2022());
    let cmp = compare(&a.records, &b.records, &Pairing::default());
    let lines = kpi_lines(&cmp, Lang::Zh);
    let line = |key: &str| lines.iter().find(|l| l.key == key).unwrap().clone();
    let registered = line("registered");
    assert_eq!(
        (registered.a.as_str(), registered.b.as_str()),
        ("3482", "2965")
    );
    assert_eq!(registered.change, "−517（−14.8%）");
    let rate = line("rate-published");
    assert_eq!((rate.a.as_str(), rate.b.as_str()), ("72.16%", "59.29%"));
    assert_eq!(rate.change, "−12.87个百分点");
    assert_eq!(
        rate.label, "通过率（已公布成绩）",
        "values in %, the change in points"
    );
    assert_eq!(line("records").a, "38");
    assert_eq!(line("certified").b, "1758");
    let en = kpi_lines(&cmp, Lang::En);
    assert_eq!(en[0].change, "−517 (−14.8%)");
    assert_eq!(en[0].a, "3,482");
}

#[test]
fn the_comparison_filters_both_sides_alike() {
    use pilot_board::domain::view::CompareView;
    let (a, b) = (report_2021(), year_2022());
    let mut view = CompareView::new("builtin", "d1");
    view.levels.insert(Level::Elementary);
    let cmp = compare(
        a.records.iter().filter(|r| view.admits(r)),
        b.records.iter().filter(|r| view.admits(r)),
        &Pairing::default(),
    );
    assert!(!cmp.rows.is_empty());
    assert!(cmp.rows.iter().all(|r| r.level() == Level::Elementary));
    // A major by its name matches on both sides, whether or not a side writes its code.
    let major = a.records[0].majors[0].name.clone();
    view.levels.clear();
    view.major = Some(major.clone());
    assert!(a.records.iter().filter(|r| view.admits(r)).count() >= 1);
    assert!(
        a.records
            .iter()
            .filter(|r| view.admits(r))
            .all(|r| r.majors.iter().any(|m| m.name == major))
    );
}

#[test]
fn the_rate_chart_has_every_row_rated_in_both_years_the_largest_fall_first() {
    use pilot_board::domain::compare::rate_shift_chart;
    let (a, b) = (report_2021(), year_2022());
    let cmp = compare(&a.records, &b.records, &Pairing::default());
    let chart = rate_shift_chart(&cmp, ("2021".into(), "2022".into()), Lang::Zh);
    let rated = cmp
        .rows
        .iter()
        .filter(|r| r.rate_change().is_some())
        .count();
    assert_eq!(chart.rows.len(), rated);
    assert!(rated > 20 && rated < cmp.rows.len());
    assert!(chart.rows.windows(2).all(|w| w[0].change <= w[1].change));
    let falls = chart.rows.iter().take_while(|r| r.change < 0).count();
    assert!(
        falls > 0 && falls < chart.rows.len(),
        "both falls and rises"
    );
    let bim = chart
        .rows
        .iter()
        .find(|r| r.label == "建筑信息模型（BIM） · 中级")
        .expect("BIM at the middle level is rated in both years");
    assert_eq!(bim.change, -520);
    assert!((bim.a - 54.82).abs() < 0.01 && (bim.b - 49.62).abs() < 0.01);
    assert!(chart.note.starts_with(&format!("{rated} 个证书等级")));
    assert!(
        chart
            .note
            .contains(&format!("另有 {} 个", cmp.rows.len() - rated))
    );
}

#[test]
fn the_registered_chart_has_every_row_by_change_with_missing_years_marked() {
    use pilot_board::domain::compare::registered_chart;
    let (a, b) = (report_2021(), year_2022());
    let cmp = compare(&a.records, &b.records, &Pairing::default());
    let chart = registered_chart(&cmp, ("2021".into(), "2022".into()), Lang::Zh);
    assert_eq!(chart.rows.len(), cmp.rows.len());
    assert!(
        chart
            .rows
            .windows(2)
            .all(|w| w[0].change() <= w[1].change())
    );
    let bim = chart
        .rows
        .iter()
        .find(|r| r.label == "建筑信息模型（BIM） · 中级")
        .expect("BIM at the middle level is in both years");
    assert_eq!((bim.a, bim.b, bim.change()), (Some(166), Some(133), -33));
    assert_eq!(bim.figures(Lang::Zh), "166 → 133");
    // A dropped pilot counts as a fall to nobody, a new one as a rise from nobody.
    let dropped = chart.rows.iter().find(|r| r.b.is_none()).unwrap();
    assert_eq!(dropped.change(), -(dropped.a.unwrap() as i64));
    assert!(dropped.figures(Lang::Zh).ends_with("→ --"));
    let new = chart.rows.iter().find(|r| r.a.is_none()).unwrap();
    assert!(new.figures(Lang::En).starts_with("-- → "));
    assert_eq!(
        chart.rows.iter().filter(|r| r.a.is_none()).count(),
        cmp.count(RowStatus::New)
    );
    assert!(
        chart
            .note
            .starts_with(&format!("{} 个证书等级", cmp.rows.len()))
    );
}

#[test]
fn the_series_chart_has_a_row_a_year_with_its_totals() {
    use pilot_board::domain::compare::{YearFigures, series_chart};
    use pilot_board::domain::figures::{PassRate, Totals};
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/report-2023.json"
    ))
    .unwrap();
    let year_2023 = pilot_board::domain::parse_dataset(&text).expect("the 2023 fixture is valid");
    let years: Vec<YearFigures> = [
        (2021, report_2021()),
        (2022, year_2022()),
        (2023, year_2023),
    ]
    .into_iter()
    .map(|(year, data)| YearFigures {
        year,
        title: data.title.clone(),
        totals: Totals::of(&data.records),
    })
    .collect();
    let chart = series_chart(&years, "某职业技术学院", Lang::Zh);
    let labels: Vec<&str> = chart.rows.iter().map(|r| r.short_label.as_str()).collect();
    assert_eq!(labels, ["2021年", "2022年", "2023年"]);
    assert_eq!(
        (
            chart.rows[0].registered,
            chart.rows[1].registered,
            chart.rows[2].registered
        ),
        (3482, 2965, 2265)
    );
    assert_eq!(chart.rows[2].certified, Some(1513));
    let PassRate::Rate(rate) = chart.rows[2].rate else {
        panic!("2023 has published results")
    };
    assert_eq!(rate.format_percent(), "66.80%");
    assert_eq!(
        chart.note,
        "某职业技术学院，2021–2023 年，每年一个数据集，各批次合计"
    );
    assert_eq!(years[0].label(Lang::En), "2021");
    // A year whose results are all pending has no certified bar.
    let pending = YearFigures {
        year: 2024,
        title: "2024".into(),
        totals: Totals {
            registered: 50,
            pending_registered: 50,
            pending_records: 1,
            ..Totals::default()
        },
    };
    let chart = series_chart(&[pending], "某职业技术学院", Lang::En);
    assert_eq!(chart.rows[0].certified, None);
    assert_eq!(chart.rows[0].rate, PassRate::Pending);
}

#[test]
fn a_comparisons_caption_names_both_datasets_the_shared_filters_and_both_dates() {
    use pilot_board::domain::compare::caption;
    use pilot_board::domain::view::CompareView;
    let mut view = CompareView::new("builtin", "d1");
    let all = caption(
        ("2021年", "2022年"),
        &view,
        &[],
        (Some("2021-12-31"), None),
        Lang::Zh,
    );
    assert_eq!(all.dataset, "2021年 → 2022年");
    assert_eq!(all.filters, "全部记录");
    assert_eq!(all.as_of, "数据截至 2021年12月31日 与 --");
    view.levels.insert(Level::Intermediate);
    view.major = Some("510201".into());
    let majors = [("510201".to_string(), "计算机应用技术".to_string())];
    let some = caption(("A", "B"), &view, &majors, (None, None), Lang::Zh);
    assert_eq!(
        some.filters,
        "两年均筛选：等级：中级；专业：510201 计算机应用技术"
    );
    assert_eq!(some.as_of, "");
    let en = caption(
        ("A", "B"),
        &view,
        &majors,
        (Some("2021-12-31"), Some("2022-12-31")),
        Lang::En,
    );
    assert!(
        en.filters.starts_with("Both years filtered by Level: "),
        "{}",
        en.filters
    );
    assert!(
        en.as_of.starts_with("Data as of ") && en.as_of.contains(" and "),
        "{}",
        en.as_of
    );
}

#[test]
fn two_schools_or_a_side_without_one_are_said_above_the_figures() {
    use pilot_board::domain::compare::institution_warning;
    assert_eq!(
        institution_warning(Some("某职业技术学院"), Some("某职业技术学院 "), Lang::Zh),
        None
    );
    assert_eq!(institution_warning(None, None, Lang::Zh), None);
    let two = institution_warning(Some("甲职业学院"), Some("乙职业学院"), Lang::Zh).unwrap();
    assert!(
        two.contains("“甲职业学院”") && two.contains("“乙职业学院”"),
        "{two}"
    );
    let one = institution_warning(Some("甲职业学院"), None, Lang::Zh).unwrap();
    assert!(one.contains("B 的数据没有写明学校"), "{one}");
    let other = institution_warning(None, Some("乙职业学院"), Lang::En).unwrap();
    assert!(
        other.starts_with("Note: B is the data of “乙职业学院”; A names no school"),
        "{other}"
    );
}
