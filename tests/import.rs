//! Tables as colleges keep them, read through the import pipeline (`domain::import`): the
//! report's own table 3 as it comes out of the Word report (its header repeated where the table
//! goes over a page, a 总计 row), and the same figures under other headings.

use pilot_board::domain::Totals;
use pilot_board::domain::figures::format_rate;
use pilot_board::domain::import::{Sheet, SkipReason, propose, read};

fn table(text: &str) -> Sheet {
    Sheet::from_delimited("表3", text).expect("a table")
}

#[test]
fn the_reports_table_3_reads_as_its_38_records_with_its_totals() {
    let sheet = table(include_str!("fixtures/report-table3.tsv"));
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
    let text = include_str!("fixtures/report-table3.tsv")
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
