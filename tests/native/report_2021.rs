//! The built-in dataset reproduces every figure the 2021 report prints, and reconciliation
//! finds the report's own inconsistencies.

use pilot_board::domain::builtin::{REPORT_2021_JSON, report_2021};
use pilot_board::domain::figures::format_rate;
use pilot_board::domain::reconcile::{Figure, Verdict, WarningKind};
use pilot_board::domain::{Filter, Level, Totals, batch_key, reconcile};

#[test]
fn it_has_all_38_rows_of_tables_1_and_3() {
    let dataset = report_2021();
    assert_eq!(dataset.records.len(), 38);
    assert_eq!(dataset.title, "2021年“1+X”证书制度试点工作报告");
    assert_eq!(dataset.as_of.as_deref(), Some("2021-12-31"));
}

#[test]
fn totals_match_the_total_rows_of_the_report() {
    let totals = Totals::of(&report_2021().records);
    assert_eq!(totals.records, 38);
    assert_eq!(totals.pilots, 36);
    assert_eq!(totals.approved_trainees, 4307);
    assert_eq!(totals.social_training_person_days, 728);
    assert_eq!(totals.registered, 3482);
    assert_eq!(totals.certified, 2297);
    assert_eq!(totals.pending_records, 2);
    assert_eq!(totals.pending_registered, 299);
    assert_eq!(totals.registered_published, 3183);
    assert_eq!(format_rate(totals.pass_rate_all_registered()), "65.97%");
    assert_eq!(format_rate(totals.pass_rate_published()), "72.16%");
    // The tables name 34 distinct majors, although the total row prints 35.
    assert_eq!(totals.majors, 34);
}

#[test]
fn every_printed_pass_rate_is_reproduced() {
    let dataset = report_2021();
    for record in &dataset.records {
        let printed = record
            .reported_pass_rate_percent
            .map(|p| format!("{p:.2}%"))
            .unwrap_or_else(|| "--".into());
        assert_eq!(
            format_rate(record.pass_rate()),
            printed,
            "{} {} {}",
            record.batch,
            record.certificate,
            record.level.as_str()
        );
    }
    let printed = dataset
        .records
        .iter()
        .filter(|r| r.reported_pass_rate_percent.is_some())
        .count();
    assert_eq!(printed, 31, "31 rows print a rate, 7 print --");
}

#[test]
fn rows_of_table_1_keep_their_figures() {
    let dataset = report_2021();
    let find = |certificate: &str, level: Level, batch: &str| {
        dataset
            .records
            .iter()
            .find(|r| {
                r.certificate == certificate
                    && r.level == level
                    && batch_key(&r.batch) == batch_key(batch)
            })
            .unwrap_or_else(|| panic!("{certificate} {batch}"))
    };
    let smart = find("智能制造单元集成应用", Level::Intermediate, "2021年第一批");
    assert_eq!(smart.social_training_person_days, Some(728));
    assert_eq!(smart.majors.len(), 4);
    assert_eq!(smart.approved_trainees, Some(20));
    let web = find(
        "Web前端开发职业技能等级证书",
        Level::Elementary,
        "2021年沿用批次",
    );
    assert_eq!(
        (web.approved_trainees, web.registered, web.certified),
        (Some(2), 2, Some(2))
    );
    let pending = find(
        "数字创意建模职业技能等级证书",
        Level::Intermediate,
        "2021年第一批",
    );
    assert_eq!((pending.registered, pending.certified), (200, None));
    assert_eq!(pending.majors[3].code, "610210");
    let second = find(
        "数控车铣加工职业技能等级证书",
        Level::Intermediate,
        "2021年第二批",
    );
    assert_eq!(
        (second.approved_trainees, second.registered),
        (Some(156), 0)
    );
    let bim = find(
        "建筑信息模型(BIM)职业技能等级证书",
        Level::Intermediate,
        "2021年沿用批次",
    );
    assert_eq!((bim.registered, bim.certified), (166, Some(91)));
}

#[test]
fn reconciliation_finds_the_reports_own_inconsistencies() {
    let dataset = report_2021();
    let reconciliation = reconcile(&dataset);
    let flagged: Vec<Figure> = reconciliation.flagged().map(|line| line.figure).collect();
    assert_eq!(flagged, vec![Figure::Majors, Figure::PassRate]);

    let majors = &reconciliation.totals[2];
    assert_eq!((majors.computed, majors.reported), (Some(34.0), Some(35.0)));
    assert!(
        majors
            .explanation(pilot_board::domain::Lang::Zh)
            .unwrap()
            .contains("按记录计算为 34，报告印的是 35，相差 1")
    );

    let rate = &reconciliation.totals[7];
    assert_eq!(
        rate.verdict,
        Verdict::RateCountsPendingAsFailed {
            pending_records: 2,
            pending_registered: 299,
            published: pilot_board::domain::Ratio::new(2297, 3183),
        }
    );
    let sentence = rate.explanation(pilot_board::domain::Lang::Zh).unwrap();
    assert!(sentence.contains("65.97%") && sentence.contains("299") && sentence.contains("72.16%"));

    let over: Vec<&str> = reconciliation
        .warnings
        .iter()
        .filter(|w| matches!(w.kind, WarningKind::RegisteredExceedsApproved { .. }))
        .map(|w| dataset.records[w.index].certificate.as_str())
        .collect();
    assert_eq!(
        over,
        vec![
            "业财一体信息化应用职业技能等级证书",
            "人身保险理赔技能等级证书",
            "财务共享服务职业技能等级证书",
            "社交电商运营职业技能等级证书",
        ]
    );
    let count = |wanted: fn(&WarningKind) -> bool| {
        reconciliation
            .warnings
            .iter()
            .filter(|w| wanted(&w.kind))
            .count()
    };
    assert_eq!(
        count(|k| matches!(k, WarningKind::ResultsPending { .. })),
        2
    );
    assert_eq!(count(|k| matches!(k, WarningKind::NobodyRegistered)), 5);
}

#[test]
fn filters_follow_the_format_semantics_on_the_report() {
    let records = report_2021().records;
    let count = |filter: &Filter| filter.apply(&records).count();
    let levels = Filter {
        levels: [Level::Elementary].into(),
        ..Filter::default()
    };
    assert_eq!(count(&levels), 3);
    let second_batch = Filter {
        batches: [batch_key("2021 年第二批次")].into(),
        ..Filter::default()
    };
    let matched: Vec<_> = second_batch.apply(&records).collect();
    assert_eq!(matched.len(), 1);
    assert_eq!(format_rate(matched[0].pass_rate()), "--");
    // OR within a dimension, AND across.
    let accounting_or_commerce = Filter {
        majors: ["630302".to_string(), "630801".to_string()].into(),
        ..Filter::default()
    };
    assert_eq!(
        count(&accounting_or_commerce),
        6,
        "4 accounting + 2 e-commerce records"
    );
    let and_level = Filter {
        levels: [Level::Elementary].into(),
        ..accounting_or_commerce.clone()
    };
    assert_eq!(count(&and_level), 0);
    let search = Filter {
        search: "web".into(),
        ..Filter::default()
    };
    assert_eq!(count(&search), 3, "JavaWeb and Web 前端 at two levels");
    assert_eq!(count(&Filter::default()), 38);
}

#[test]
fn the_built_in_file_round_trips_through_the_writer() {
    let dataset = report_2021();
    let written = dataset.to_json_pretty();
    let again = pilot_board::domain::parse_dataset(&written).expect("written file reads back");
    assert_eq!(again, dataset);
    // And the file on disk says the same as what the app writes.
    let on_disk: serde_json::Value = serde_json::from_str(REPORT_2021_JSON).unwrap();
    let rewritten: serde_json::Value = serde_json::from_str(&written).unwrap();
    assert!(
        on_disk == rewritten,
        "data/report-2021.json differs from what the app writes"
    );
}
