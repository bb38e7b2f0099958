//! The summary paragraph reads as the report writes, for the whole 2021 report and for
//! filtered views, in Chinese and in English, and says something sensible at the edges.

use pilot_board::domain::builtin::report_2021;
use pilot_board::domain::index::{DatasetIndex, Selected};
use pilot_board::domain::summary::{Summary, summarize};
use pilot_board::domain::{Dataset, Filter, Lang, Level, batch_key};

/// The summary of the records that `filter` matches.
fn filtered(dataset: &Dataset, filter: &Filter, lang: Lang) -> Summary {
    let index = DatasetIndex::new(dataset);
    let selected = Selected::new(dataset, &index, index.matching(filter));
    summarize(selected.selection(dataset, &index), lang)
}

/// The summary of some records, by position in the data.
fn of_records(dataset: &Dataset, matching: &[u32], lang: Lang) -> Summary {
    let index = DatasetIndex::new(dataset);
    let selected = Selected::new(dataset, &index, matching.to_vec());
    summarize(selected.selection(dataset, &index), lang)
}

fn search(words: &str) -> Filter {
    Filter {
        search: words.into(),
        ..Filter::default()
    }
}

/// The position of the record with this certificate (unique) and level.
fn position(dataset: &Dataset, certificate: &str, level: Level) -> u32 {
    let found: Vec<usize> = (0..dataset.records.len())
        .filter(|&i| {
            dataset.records[i].certificate == certificate && dataset.records[i].level == level
        })
        .collect();
    assert_eq!(found.len(), 1, "{certificate} {}", level.as_str());
    found[0] as u32
}

const WHOLE_ZH: &str = "截至2021年12月31日，共有3482名学生参加证书考核，2297名学生获得证书，\
通过率65.97%；其中2个试点（299人）尚未公布成绩，已公布成绩的通过率为72.16%。\
通过率最高的是无人机摄影测量（中级，100.00%，n=80），\
最低的是工业机器人应用编程职业技能等级证书（中级，26.60%，n=297）。";

const WHOLE_EN: &str = "As of 31 Dec 2021, 3,482 students sat certificate assessments and 2,297 \
were certified, a pass rate of 65.97%; results of 2 pilots (299 students) are not yet published; \
the pass rate of published results is 72.16%. 无人机摄影测量 (Intermediate, 100.00%, n=80) has the \
highest pass rate, 工业机器人应用编程职业技能等级证书 (Intermediate, 26.60%, n=297) the lowest.";

#[test]
fn the_whole_report_reads_as_the_report_writes() {
    let summary = filtered(&report_2021(), &Filter::default(), Lang::Zh);
    assert_eq!(summary.text, WHOLE_ZH);
    assert!(!summary.caution);
}

#[test]
fn the_whole_report_in_english() {
    let summary = filtered(&report_2021(), &Filter::default(), Lang::En);
    assert_eq!(summary.text, WHOLE_EN);
    assert!(!summary.caution);
}

#[test]
fn its_totals_are_the_reports_printed_totals() {
    let dataset = report_2021();
    let reported = dataset
        .reported_totals
        .clone()
        .expect("the report prints totals");
    let text = filtered(&dataset, &Filter::default(), Lang::Zh).text;
    assert!(text.contains(&format!("共有{}名学生", reported.registered.unwrap())));
    assert!(text.contains(&format!("{}名学生获得证书", reported.certified.unwrap())));
    assert!(text.contains(&format!(
        "通过率{:.2}%",
        reported.pass_rate_percent.unwrap()
    )));
}

#[test]
fn highest_ties_go_to_the_first_in_data_order() {
    let dataset = report_2021();
    let perfect: Vec<&str> = dataset
        .records
        .iter()
        .filter(|r| r.certified == Some(r.registered) && r.registered > 0)
        .map(|r| r.certificate.as_str())
        .collect();
    assert!(perfect.len() > 1, "several pilots certify everyone");
    assert_eq!(perfect[0], "无人机摄影测量");
    assert!(WHOLE_ZH.contains("最高的是无人机摄影测量（中级，"));
}

#[test]
fn elementary_level_pilots_all_pass_and_one_is_small() {
    let filter = Filter {
        levels: [Level::Elementary].into(),
        ..Filter::default()
    };
    let dataset = report_2021();
    let summary = filtered(&dataset, &filter, Lang::Zh);
    assert_eq!(
        summary.text,
        "截至2021年12月31日，共有52名学生参加证书考核，52名学生获得证书，通过率100.00%。\
         可计算通过率的2个试点通过率均为100.00%。\
         Web前端开发职业技能等级证书（初级）的报考人数少于10人，通过率仅供参考。"
    );
    assert!(summary.caution);
    let summary = filtered(&dataset, &filter, Lang::En);
    assert_eq!(
        summary.text,
        "As of 31 Dec 2021, 52 students sat certificate assessments and 52 were certified, a pass \
         rate of 100.00%. All 2 pilots with a pass rate have the same rate, 100.00%. Fewer than 10 \
         students sat for Web前端开发职业技能等级证书 (Elementary), so this rate is only indicative."
    );
    assert!(summary.caution);
}

#[test]
fn a_batch_where_nobody_registered() {
    let dataset = report_2021();
    let filter = Filter {
        batches: [batch_key("2021年第二批")].into(),
        ..Filter::default()
    };
    // The same certificate and level ran in another batch too, so the name gives the batch.
    let summary = filtered(&dataset, &filter, Lang::Zh);
    assert_eq!(
        summary.text,
        "截至2021年12月31日，数控车铣加工职业技能等级证书（中级，2021年第二批）无人参加证书考核。"
    );
    assert!(!summary.caution);
    assert_eq!(
        filtered(&dataset, &filter, Lang::En).text,
        "As of 31 Dec 2021, nobody sat the assessment of 数控车铣加工职业技能等级证书 \
         (Intermediate, 2021年第二批)."
    );
}

#[test]
fn several_pilots_where_nobody_registered() {
    let dataset = report_2021();
    let filter = search("数控车铣");
    assert_eq!(
        filtered(&dataset, &filter, Lang::Zh).text,
        "截至2021年12月31日，这2个试点均无人参加证书考核。"
    );
    assert_eq!(
        filtered(&dataset, &filter, Lang::En).text,
        "As of 31 Dec 2021, nobody sat the assessments of the 2 matching pilots."
    );
}

#[test]
fn nothing_matches() {
    let dataset = report_2021();
    let filter = search("nothing-like-this");
    let summary = filtered(&dataset, &filter, Lang::Zh);
    assert_eq!(summary.text, "没有符合筛选条件的试点。");
    assert!(!summary.caution);
    assert_eq!(
        filtered(&dataset, &filter, Lang::En).text,
        "No pilots match the current filter."
    );
    let empty = Dataset::default();
    assert_eq!(
        filtered(&empty, &Filter::default(), Lang::Zh).text,
        "数据中没有试点记录。"
    );
    assert_eq!(
        filtered(&empty, &Filter::default(), Lang::En).text,
        "The dataset has no records."
    );
}

#[test]
fn one_pilot_pending() {
    let dataset = report_2021();
    let filter = search("智能网联");
    assert_eq!(
        filtered(&dataset, &filter, Lang::Zh).text,
        "截至2021年12月31日，智能网联汽车测试装调职业技能等级证书（中级）共有99名学生参加证书考核，\
         成绩尚未公布，暂无通过率。"
    );
    assert_eq!(
        filtered(&dataset, &filter, Lang::En).text,
        "As of 31 Dec 2021, 99 students sat the assessment of 智能网联汽车测试装调职业技能等级证书 \
         (Intermediate); its results are not yet published, so there is no pass rate yet."
    );
}

#[test]
fn no_results_published_at_all() {
    let dataset = report_2021();
    let pending: Vec<u32> = (0..dataset.records.len() as u32)
        .filter(|&i| dataset.records[i as usize].certified.is_none())
        .collect();
    assert_eq!(pending.len(), 2);
    // A pilot that nobody sat, published as 0 / 0, gives no rate either.
    let nobody = position(&dataset, "智能制造单元集成应用", Level::Intermediate);
    let mut matching = vec![nobody];
    matching.extend(&pending);
    for matching in [pending.clone(), matching] {
        let summary = of_records(&dataset, &matching, Lang::Zh);
        assert_eq!(
            summary.text,
            "截至2021年12月31日，共有299名学生参加证书考核，2个试点的成绩尚未公布，暂无通过率。"
        );
        assert!(!summary.caution);
        assert_eq!(
            of_records(&dataset, &matching, Lang::En).text,
            "As of 31 Dec 2021, 299 students sat certificate assessments; results of 2 pilots are \
             not yet published, so there is no pass rate yet."
        );
    }
}

#[test]
fn a_single_pilot_has_no_highest_and_lowest() {
    let dataset = report_2021();
    let filter = search("物流管理");
    let summary = filtered(&dataset, &filter, Lang::Zh);
    assert_eq!(
        summary.text,
        "截至2021年12月31日，物流管理职业技能等级证书（中级）共有50名学生参加证书考核，\
         48名学生获得证书，通过率96.00%。"
    );
    assert!(!summary.caution);
    assert_eq!(
        filtered(&dataset, &filter, Lang::En).text,
        "As of 31 Dec 2021, 50 students sat the assessment of 物流管理职业技能等级证书 \
         (Intermediate) and 48 were certified, a pass rate of 96.00%."
    );
}

#[test]
fn one_pilot_with_a_rate_among_several() {
    let dataset = report_2021();
    let matching = [
        position(&dataset, "智能制造单元集成应用", Level::Intermediate),
        position(&dataset, "物流管理职业技能等级证书", Level::Intermediate),
    ];
    assert_eq!(
        of_records(&dataset, &matching, Lang::Zh).text,
        "截至2021年12月31日，共有50名学生参加证书考核，48名学生获得证书，通过率96.00%。\
         可计算通过率的试点只有物流管理职业技能等级证书（中级，96.00%，n=50）。"
    );
    assert_eq!(
        of_records(&dataset, &matching, Lang::En).text,
        "As of 31 Dec 2021, 50 students sat certificate assessments and 48 were certified, a pass \
         rate of 96.00%. Only 物流管理职业技能等级证书 (Intermediate, 96.00%, n=50) has a pass rate."
    );
}

#[test]
fn without_a_date_the_sentence_starts_with_the_figures() {
    let mut dataset = report_2021();
    dataset.as_of = None;
    let zh = filtered(&dataset, &Filter::default(), Lang::Zh).text;
    assert_eq!(zh, WHOLE_ZH.replace("截至2021年12月31日，", ""));
    let en = filtered(&dataset, &Filter::default(), Lang::En).text;
    assert_eq!(en, WHOLE_EN.replace("As of 31 Dec 2021, ", ""));
    assert!(en.starts_with("3,482 students sat"));
    let filter = search("数控车铣");
    assert_eq!(
        filtered(&dataset, &filter, Lang::En).text,
        "Nobody sat the assessments of the 2 matching pilots."
    );
    assert_eq!(
        filtered(&dataset, &filter, Lang::Zh).text,
        "这2个试点均无人参加证书考核。"
    );
}

#[test]
fn a_small_highest_is_cautioned() {
    let dataset = report_2021();
    let filter = search("Web前端");
    let summary = filtered(&dataset, &filter, Lang::Zh);
    assert_eq!(
        summary.text,
        "截至2021年12月31日，共有327名学生参加证书考核，213名学生获得证书，通过率65.14%。\
         通过率最高的是Web前端开发职业技能等级证书（初级，100.00%，n=2），\
         最低的是Web前端开发职业技能等级证书（中级，64.92%，n=325）。\
         Web前端开发职业技能等级证书（初级）的报考人数少于10人，通过率仅供参考。"
    );
    assert!(summary.caution);
    let summary = filtered(&dataset, &filter, Lang::En);
    assert!(summary.caution);
    assert!(summary.text.ends_with(
        " Fewer than 10 students sat for Web前端开发职业技能等级证书 (Elementary), so this rate is \
         only indicative."
    ));
}

#[test]
fn a_small_whole_is_cautioned() {
    let dataset = report_2021();
    let filter = Filter {
        levels: [Level::Elementary].into(),
        search: "web".into(),
        ..Filter::default()
    };
    let summary = filtered(&dataset, &filter, Lang::Zh);
    assert_eq!(
        summary.text,
        "截至2021年12月31日，Web前端开发职业技能等级证书（初级）共有2名学生参加证书考核，\
         2名学生获得证书，通过率100.00%。参加考核的总人数少于10人，通过率仅供参考。"
    );
    assert!(summary.caution);
    assert_eq!(
        filtered(&dataset, &filter, Lang::En).text,
        "As of 31 Dec 2021, 2 students sat the assessment of Web前端开发职业技能等级证书 \
         (Elementary) and 2 were certified, a pass rate of 100.00%. Fewer than 10 students sat in \
         all, so the pass rates are only indicative."
    );
}

#[test]
fn few_published_results_are_cautioned() {
    let dataset = report_2021();
    let matching = [
        position(
            &dataset,
            "智能网联汽车测试装调职业技能等级证书",
            Level::Intermediate,
        ),
        position(&dataset, "Web前端开发职业技能等级证书", Level::Elementary),
    ];
    let summary = of_records(&dataset, &matching, Lang::Zh);
    assert_eq!(
        summary.text,
        "截至2021年12月31日，共有101名学生参加证书考核，2名学生获得证书，通过率1.98%；\
         其中1个试点（99人）尚未公布成绩，已公布成绩的通过率为100.00%。\
         可计算通过率的试点只有Web前端开发职业技能等级证书（初级，100.00%，n=2）。\
         已公布成绩的学生少于10人，通过率仅供参考。"
    );
    assert!(summary.caution);
    assert_eq!(
        of_records(&dataset, &matching, Lang::En).text,
        "As of 31 Dec 2021, 101 students sat certificate assessments and 2 were certified, a pass \
         rate of 1.98%; results of 1 pilot (99 students) are not yet published; the pass rate of \
         published results is 100.00%. Only Web前端开发职业技能等级证书 (Elementary, 100.00%, n=2) has a \
         pass rate. Fewer than 10 students have published results, so the pass rates \
         are only indicative."
    );
}

#[test]
fn many_small_pilots_are_counted_not_named() {
    let template = report_2021().records[0].clone();
    let records = (1..=5)
        .map(|i| {
            let mut record = template.clone();
            record.certificate = format!("证书{i}");
            record.registered = 4;
            record.certified = Some(if i == 1 { 1 } else { 2 });
            record
        })
        .chain(std::iter::once({
            let mut record = template.clone();
            record.certificate = "证书6".into();
            record.registered = 1000;
            record.certified = Some(500);
            record
        }))
        .collect();
    let dataset = Dataset {
        title: "测试".into(),
        as_of: Some("2022-01-05".into()),
        records,
        ..Dataset::default()
    };
    let summary = filtered(&dataset, &search("证书2 证书3"), Lang::En);
    assert_eq!(summary.text, "No pilots match the current filter.");
    let summary = filtered(&dataset, &Filter::default(), Lang::Zh);
    assert_eq!(
        summary.text,
        "截至2022年1月5日，共有1020名学生参加证书考核，509名学生获得证书，通过率49.90%。\
         通过率最高的是证书2（中级，50.00%，n=4），最低的是证书1（中级，25.00%，n=4）。\
         证书2（中级）和证书1（中级）的报考人数少于10人，通过率仅供参考。"
    );
    assert!(summary.caution);
    // All at the same rate, all of them small: counted, not named.
    let matching: Vec<u32> = (1..5).collect();
    let summary = of_records(&dataset, &matching, Lang::Zh);
    assert_eq!(
        summary.text,
        "截至2022年1月5日，共有16名学生参加证书考核，8名学生获得证书，通过率50.00%。\
         可计算通过率的4个试点通过率均为50.00%。其中4个试点的报考人数少于10人，其通过率仅供参考。"
    );
    assert!(summary.caution);
    assert_eq!(
        of_records(&dataset, &matching, Lang::En).text,
        "As of 5 Jan 2022, 16 students sat certificate assessments and 8 were certified, a pass \
         rate of 50.00%. All 4 pilots with a pass rate have the same rate, 50.00%. 4 of them had \
         fewer than 10 students, so their rates are only indicative."
    );
}

#[test]
fn one_certified_reads_in_the_singular() {
    let mut dataset = report_2021();
    let web = position(&dataset, "Web前端开发职业技能等级证书", Level::Elementary);
    dataset.records[web as usize].registered = 1;
    dataset.records[web as usize].certified = Some(1);
    let text = of_records(&dataset, &[web], Lang::En).text;
    assert!(
        text.starts_with("As of 31 Dec 2021, 1 student sat the assessment of"),
        "{text}"
    );
    assert!(text.contains("and 1 was certified"), "{text}");
}

/// A batch whose name ends in a bracket keeps it inside the name's own brackets.
#[test]
fn a_batch_ending_in_a_bracket_keeps_it() {
    let mut dataset = report_2021();
    let high = position(&dataset, "无人机摄影测量", Level::Intermediate) as usize;
    dataset.records[high].batch = "2021年第一批（补报）".into();
    let mut twin = dataset.records[high].clone();
    twin.batch = "2021 (late)".into();
    twin.certified = Some(40);
    dataset.records.push(twin);
    let both = [high as u32, dataset.records.len() as u32 - 1];
    let zh = of_records(&dataset, &both, Lang::Zh).text;
    assert!(
        zh.contains("通过率最高的是无人机摄影测量（中级，2021年第一批（补报），100.00%，n=80）"),
        "{zh}"
    );
    assert!(
        zh.contains("最低的是无人机摄影测量（中级，2021 (late)，50.00%，n=80）"),
        "{zh}"
    );
    let en = of_records(&dataset, &both, Lang::En).text;
    assert!(
        en.contains("无人机摄影测量 (Intermediate, 2021 (late), 50.00%, n=80) the lowest"),
        "{en}"
    );
}
