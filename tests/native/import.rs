//! Tables as colleges keep them, read through the import pipeline (`domain::import`): the
//! report's own table 3 as it comes out of the Word report (its header repeated where the table
//! goes over a page, a 总计 row), and the same figures under other headings; and the value
//! readers on random text.
#![cfg(not(target_arch = "wasm32"))]

use pilot_board::domain::Totals;
use pilot_board::domain::figures::format_rate;
use pilot_board::domain::import::{Sheet, SkipReason, propose, read};

fn table(text: &str) -> Sheet {
    Sheet::from_delimited("表3", text).expect("a table")
}

#[test]
fn the_reports_table_3_reads_as_its_38_records_with_its_totals() {
    let sheet = table(include_str!("../fixtures/report-table3.tsv"));
    let proposal = propose(&sheet).expect("a header");
    assert_eq!(proposal.header_row, 0);
    let reading = read(&sheet, proposal.header_row, &proposal.columns, "表3");
    let dataset = reading.result.expect("read");
    assert_eq!(dataset.records.len(), 38);
    let totals = Totals::of(&dataset.records);
    assert_eq!((totals.registered, totals.certified), (3482, 2297));
    assert_eq!(format_rate(totals.pass_rate_published()), "72.16%");
    assert_eq!(format_rate(totals.pass_rate_all_registered()), "65.97%");
    assert_eq!(totals.pending_records, 2);
    let printed = dataset.reported_totals.expect("the 总计 row");
    assert_eq!(printed.registered, Some(3482));
    assert_eq!(printed.certified, Some(2297));
    assert_eq!(printed.pass_rate_percent, Some(65.97));
    assert!(reading.skipped.contains(&(10, SkipReason::RepeatedHeader)));
    assert!(
        reading
            .skipped
            .iter()
            .any(|(_, why)| *why == SkipReason::Totals)
    );
}

#[test]
fn other_headings_traditional_characters_and_units_give_the_same_figures() {
    let text = include_str!("../fixtures/report-table3.tsv")
        .replace(
            "申报计划\t证书名称\t证书等级\t报考人数\t获证人数\t通过率",
            "試點批次\t證書\t級別\t考核人數（人）\t通過人數\t合格率(%)",
        )
        .replace("总计", "合 计");
    let sheet = table(&format!("2021年学生参加证书考核明细\n\n{text}"));
    let proposal = propose(&sheet).expect("a header");
    assert_eq!(proposal.header_row, 2);
    let dataset = read(&sheet, proposal.header_row, &proposal.columns, "t")
        .result
        .expect("read");
    let totals = Totals::of(&dataset.records);
    assert_eq!(
        (dataset.records.len(), totals.registered, totals.certified),
        (38, 3482, 2297)
    );
}

#[test]
fn a_table_with_the_reports_headings_opens_at_once_and_others_wait_for_the_preview() {
    use pilot_board::domain::import::{TableOutcome, open_table};
    use pilot_board::domain::table::gb18030;
    let exact = "申报计划,证书名称,证书等级,报考人数,获证人数\n2022年第一批,物流管理,初级,40,30\n";
    assert!(matches!(
        open_table(exact.as_bytes(), "a.csv", "a", &gb18030, None),
        TableOutcome::Open(_)
    ));

    let other = "批次,证书名称,等级,考核人数,通过人数\n2022年第一批,物流管理,初级,40,30\n";
    let TableOutcome::Preview(draft) = open_table(other.as_bytes(), "b.csv", "b", &gb18030, None)
    else {
        panic!("other headings go to the preview");
    };
    assert_eq!(
        draft.draft().read().result.expect("read").records[0].registered,
        40
    );

    // The report's table 3 (its header repeated mid-table) reads in the preview.
    let table3 = include_str!("../fixtures/report-table3.tsv");
    assert!(matches!(
        open_table(table3.as_bytes(), "t.tsv", "t", &gb18030, None),
        TableOutcome::Preview(_)
    ));

    // The report's headings and a bad row: refused as before, with that row's problem.
    let bad = "申报计划,证书名称,证书等级,报考人数,获证人数\n2022年第一批,物流管理,初级,40,50\n";
    assert!(matches!(
        open_table(bad.as_bytes(), "c.csv", "c", &gb18030, None),
        TableOutcome::Refused(_)
    ));
    // No header anywhere: refused.
    let prose = "这不是表格\n只是几行字\n";
    assert!(matches!(
        open_table(prose.as_bytes(), "d.csv", "d", &gb18030, None),
        TableOutcome::Refused(_)
    ));
}

#[test]
fn a_field_fills_one_column_and_a_column_can_be_left_unused() {
    use pilot_board::domain::fields::Field;
    use pilot_board::domain::import::{TableOutcome, open_table};
    use pilot_board::domain::table::gb18030;
    let text =
        "批次,证书名称,等级,考核人数,通过人数,实考人数\n2022年第一批,物流管理,初级,40,30,38\n";
    let TableOutcome::Preview(mut draft) =
        open_table(text.as_bytes(), "b.csv", "b", &gb18030, None)
    else {
        panic!("a preview");
    };
    assert_eq!(
        draft.draft().columns[5],
        None,
        "实考人数: registered is taken by the first column"
    );
    draft.assign(5, Some(Field::Registered));
    assert_eq!(
        draft.draft().columns[3],
        None,
        "the column that filled it before is unused now"
    );
    assert_eq!(
        draft.draft().read().result.unwrap().records[0].registered,
        38
    );
    draft.assign(4, None);
    let record = &draft.draft().read().result.unwrap().records[0];
    assert_eq!(
        record.certified, None,
        "no certified column: results pending"
    );
    assert_eq!(draft.draft().headings()[5], "实考人数");
}

#[test]
fn a_colleges_csv_saved_by_excel_in_gb18030_reads_in_the_preview() {
    use pilot_board::domain::import::{TableOutcome, open_table};
    use pilot_board::domain::table::gb18030;
    let bytes = include_bytes!("../fixtures/college-gb18030.csv");
    let TableOutcome::Preview(draft) = open_table(bytes, "a.csv", "a", &gb18030, None) else {
        panic!("a preview");
    };
    assert_eq!(draft.draft().header_row, 2);
    let reading = draft.draft().read();
    assert_eq!(
        reading.filled_down, 3,
        "the batch merged over the rows below it"
    );
    let dataset = reading.result.expect("read");
    let totals = Totals::of(&dataset.records);
    assert_eq!(
        (totals.records, totals.registered, totals.certified),
        (5, 636, 300)
    );
    assert_eq!(totals.pending_records, 1);
    assert_eq!(dataset.records[2].batch, "2021年第一批");
    assert_eq!(
        dataset.reported_totals.and_then(|t| t.registered),
        Some(636)
    );
}

mod value_readers {
    use pilot_board::domain::import::Cell;
    use pilot_board::domain::import::values::{is_pending, read_level, read_rate, split_level};
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn a_rate_read_is_finite(text in "\\PC{0,12}") {
            if let Some(rate) = read_rate(&Cell::Text(text.clone()), false) {
                prop_assert!(rate.is_finite());
            }
            let _ = is_pending(&Cell::Text(text.clone()));
            let _ = read_level(&text);
            let _ = split_level(&text);
        }

        #[test]
        fn a_percent_written_reads_back(hundredths in 0u32..=10_000) {
            let percent = f64::from(hundredths) / 100.0;
            let text = format!("{percent:.2}%");
            prop_assert_eq!(read_rate(&Cell::Text(text), false), Some(percent));
            prop_assert_eq!(read_rate(&Cell::Number(percent / 100.0), true), Some(percent));
        }
    }
}

/// A college's sheet: eight records, the 合计 row, then the notes a sheet ends with.
const WITH_NOTES: &str = "\
序号,批次,证书名称,等级,考核人数,通过人数,通过率
1,2021年第一批,Web前端开发,中级,50,43,86%
2,,物流管理,初级,40,30,75%
3,,电子商务数据分析,中级,20,10,50%
4,2021年第二批,Web前端开发,初级,30,27,90%
5,,物流管理,中级,25,20,80%
6,,智能财税,初级,60,54,90%
7,,网店运营推广,中级,35,28,80%
8,,财务数字化应用,初级,45,40,88.89%
合计,,,,305,252,82.62%
注：通过率=获证人数/报考人数；“待公布”为成绩尚未公布。,,,,,,
制表人：王老师,,,,,,
";

fn engine_preview(
    engine: &mut pilot_board::domain::import::Engine,
    request: pilot_board::domain::import::Request,
    bytes: &[u8],
) -> Box<pilot_board::domain::import::Preview> {
    use pilot_board::domain::import::Reply;
    match engine.handle(request, bytes, &pilot_board::domain::table::gb18030) {
        Reply::Preview(preview) => preview,
        other => panic!("a preview, not {other:?}"),
    }
}

#[test]
fn notes_under_the_totals_are_left_out_and_the_table_opens() {
    let sheet = table(WITH_NOTES);
    let proposal = propose(&sheet).unwrap();
    let reading = read(&sheet, proposal.header_row, &proposal.columns, "t");
    let dataset = reading.result.expect("the notes block nothing");
    assert_eq!(
        dataset.records.len(),
        8,
        "no ninth record out of the footnote"
    );
    assert!(reading.skipped.contains(&(10, SkipReason::Totals)));
    assert!(reading.skipped.contains(&(11, SkipReason::Note)));
    assert!(reading.skipped.contains(&(12, SkipReason::Note)));
    // Fill-down filled the batch of the records only: 7 cells, not the notes'.
    assert_eq!(reading.filled_down, 6);
    // A note starting with its word is one wherever it is; a lone text in one column too.
    let above = "批次,证书名称,等级,考核人数,通过人数\n说明：以下为第一批,,,,\n2021年第一批,物流管理,初级,40,30\n,电子商务,,,\n";
    let sheet = table(above);
    let proposal = propose(&sheet).unwrap();
    let reading = read(&sheet, proposal.header_row, &proposal.columns, "t");
    assert_eq!(reading.result.expect("read").records.len(), 1);
    assert!(reading.skipped.contains(&(2, SkipReason::Note)));
    assert!(reading.skipped.contains(&(4, SkipReason::Note)));
}

#[test]
fn any_row_can_be_left_out_and_taken_back_with_one_request() {
    use pilot_board::domain::import::{Engine, Request};
    let broken = WITH_NOTES.replace("5,,物流管理,中级,25,20,80%", "5,,物流管理,特级,25,20,80%");
    let mut engine = Engine::default();
    let open = Request::Open {
        name: "学院.csv".into(),
        title: "学院".into(),
        current: None,
    };
    let preview = engine_preview(&mut engine, open, broken.as_bytes());
    assert_eq!(preview.problem_count, 1, "{:?}", preview.problems);
    let problem = &preview.problems[0];
    // In the sheet's words: the row, the cell and its heading; no key of the format.
    assert_eq!(problem.row, Some(6));
    assert!(
        problem.text.zh.starts_with("第 6 行 D6 单元格（等级）："),
        "{}",
        problem.text.zh
    );
    assert!(
        problem.text.en.starts_with("Row 6, cell D6 (等级): "),
        "{}",
        problem.text.en
    );
    assert!(!problem.text.zh.contains("键") && !problem.text.zh.contains("level"));
    assert!(!problem.text.en.contains("key"));
    // The notes are listed, and can be taken back.
    let note = preview
        .skipped
        .iter()
        .find(|line| line.row == Some(11))
        .expect("the footnote listed");
    assert!(note.out && note.text.zh.contains("注释"), "{:?}", note);
    assert!(
        preview.skipped.iter().all(|l| l.row != Some(10)),
        "the totals stay totals"
    );

    // One click leaves the bad row out: the table opens with 7 records.
    let preview = engine_preview(&mut engine, Request::Row { row: 6, out: true }, &[]);
    assert_eq!(preview.problem_count, 0, "{:?}", preview.problems);
    assert!(preview.figures.as_ref().unwrap().zh.contains("7 条记录"));
    let left = preview.skipped.iter().find(|l| l.row == Some(6)).unwrap();
    assert!(left.text.zh.contains("已选择不读取"), "{:?}", left);
    let shown = preview.rows.iter().position(|(row, _)| *row == 6).unwrap();
    assert_eq!(
        preview.row_kinds[shown],
        pilot_board::domain::import::session::RowKind::Out
    );
    // And one more takes it back.
    let preview = engine_preview(&mut engine, Request::Row { row: 6, out: false }, &[]);
    assert_eq!(preview.problem_count, 1);
    // A note taken back is read as a record (and here refused for what it lacks).
    let preview = engine_preview(&mut engine, Request::Row { row: 6, out: true }, &[]);
    assert_eq!(preview.problem_count, 0);
    let preview = engine_preview(
        &mut engine,
        Request::Row {
            row: 12,
            out: false,
        },
        &[],
    );
    assert!(
        preview.problem_count > 0,
        "制表人 as a record has no figures"
    );
    assert!(
        preview.problems.iter().all(|p| p.row == Some(12)),
        "{:?}",
        preview.problems
    );
}
