//! Workbooks through the import engine, as the worker runs it: a college's own workbook opens
//! on its data sheet with the right figures, the same table as a GB18030 CSV gives the same,
//! and every hostile workbook is refused with a message that says what it is.

// Native only: GB18030 comes from encoding_rs here, from the browser in the app.
#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;

use pilot_board::domain::import::workbook::{Kind, LIMITS, Limits, kind};
use pilot_board::domain::import::{
    Engine, Preview, Refusal, Reply, Request, is_workbook, read_workbook,
};
use pilot_board::domain::table::gb18030;
use pilot_board::domain::{Dataset, Lang, Totals, parse_dataset};

fn fixture(path: &str) -> Vec<u8> {
    std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests")
            .join(path),
    )
    .unwrap()
}

fn open(engine: &mut Engine, name: &str, bytes: &[u8], current: Option<&Dataset>) -> Reply {
    let request = Request::Open {
        name: name.into(),
        title: "某职业学院".into(),
        current: current.map(|d| serde_json::to_string(d).unwrap()),
    };
    engine.handle(request, bytes, &gb18030)
}

fn preview(reply: Reply) -> Preview {
    match reply {
        Reply::Preview(preview) => *preview,
        other => panic!("a preview, not {other:?}"),
    }
}

fn take(engine: &mut Engine, request: Request) -> Dataset {
    match engine.handle(request, &[], &gb18030) {
        Reply::Dataset(json) => parse_dataset(&json).expect("a valid dataset"),
        other => panic!("a dataset, not {other:?}"),
    }
}

/// The college's table: 5 records, 636 registered, 300 certified, one pending.
fn assert_college_figures(dataset: &Dataset) {
    let totals = Totals::of(&dataset.records);
    assert_eq!(
        (totals.records, totals.registered, totals.certified),
        (5, 636, 300)
    );
    assert_eq!(totals.pending_records, 1);
    assert_eq!(totals.majors, 5, "majors by name: each counted once");
    let majors = &dataset.records[1].majors;
    assert_eq!(majors.len(), 2);
    assert_eq!((majors[1].code.as_str(), majors[1].key()), ("", "数控技术"));
    // The merged batch cell over the rows below it; levels written 初 / 中.
    assert_eq!(dataset.records[2].batch, "2021年第一批");
    assert_eq!(dataset.records[4].batch, "2021年沿用批次");
    assert_eq!(dataset.records[3].level.label(Lang::Zh), "初级");
    // Percent cells are fractions in the workbook and percents in the record.
    assert_eq!(dataset.records[1].reported_pass_rate_percent, Some(74.58));
    assert_eq!(dataset.records[2].certified, None, "待公布");
    assert_eq!(dataset.records[4].certified, Some(211), "211人");
    let reported = dataset.reported_totals.clone().expect("the 合计 row");
    assert_eq!(
        (reported.registered, reported.certified),
        (Some(636), Some(300))
    );
    assert_eq!(dataset.format_version(), 2, "majors without codes");
}

#[test]
fn a_colleges_workbook_opens_on_its_data_sheet_with_the_right_figures() {
    let bytes = fixture("fixtures/college-workbook.xlsx");
    let mut engine = Engine::default();
    let preview = preview(open(&mut engine, "考核情况.xlsx", &bytes, None));
    assert_eq!(preview.sheets, ["填表说明", "考核情况"]);
    assert_eq!(preview.sheet, 1, "the notes sheet in front is passed over");
    assert_eq!(preview.header_row, 3, "title, date and blank rows above");
    assert_eq!(
        preview.columns,
        [
            None,
            Some("batch"),
            Some("certificate"),
            Some("level"),
            Some("majors"),
            Some("registered"),
            Some("certified"),
            Some("reported_pass_rate_percent"),
        ]
        .map(|key| key.map(String::from))
    );
    let filled = preview.filled.expect("the preview says cells were merged");
    assert!(filled.zh.contains("合并单元格"), "{}", filled.zh);
    assert!(preview.problems.is_empty(), "{:?}", preview.problems);
    assert!(
        preview
            .figures
            .unwrap()
            .zh
            .contains("报考 636 人，获证 300 人")
    );
    assert!(
        preview
            .skipped
            .iter()
            .any(|why| why.text.zh.contains("合计")),
        "{:?}",
        preview.skipped
    );
    let dataset = take(&mut engine, Request::Take);
    assert_college_figures(&dataset);
    assert_eq!(
        dataset.title, "某职业学院2021年“1+X”证书试点考核情况汇总表",
        "the title row names the dataset"
    );

    // The notes sheet can be picked: it has no such table, and says so.
    let notes = match engine.handle(Request::Sheet(0), &[], &gb18030) {
        Reply::Preview(preview) => preview,
        other => panic!("{other:?}"),
    };
    assert_eq!(notes.sheet, 0);
    assert!(notes.problem_count > 0);
    assert!(
        notes.problems[0]
            .text
            .zh
            .starts_with("工作表“填表说明”第 1 行"),
        "each problem names its sheet: {}",
        notes.problems[0].text.zh
    );
    assert!(matches!(
        engine.handle(Request::Take, &[], &gb18030),
        Reply::Refused { .. }
    ));
}

#[test]
fn the_same_table_as_a_gb18030_csv_gives_the_same_records() {
    let workbook = {
        let mut engine = Engine::default();
        open(
            &mut engine,
            "a.xlsx",
            &fixture("fixtures/college-workbook.xlsx"),
            None,
        );
        take(&mut engine, Request::Take)
    };
    let mut engine = Engine::default();
    let csv = fixture("fixtures/college-workbook-gb18030.csv");
    assert!(!is_workbook("a.csv", &csv));
    preview(open(&mut engine, "a.csv", &csv, None));
    let from_csv = take(&mut engine, Request::Take);
    assert_college_figures(&from_csv);
    assert_eq!(from_csv.records, workbook.records);
}

#[test]
fn the_same_table_as_opendocument_gives_the_same_records() {
    let mut engine = Engine::default();
    let ods = fixture("fixtures/college-workbook.ods");
    assert!(is_workbook("a.ods", &ods));
    let preview = preview(open(&mut engine, "a.ods", &ods, None));
    assert_eq!(preview.sheets, ["考核情况"]);
    assert_eq!(preview.header_row, 1);
    assert_college_figures(&take(&mut engine, Request::Take));
}

#[test]
fn a_column_changed_in_the_preview_is_read_again() {
    let mut engine = Engine::default();
    open(
        &mut engine,
        "a.xlsx",
        &fixture("fixtures/college-workbook.xlsx"),
        None,
    );
    let request = Request::Assign {
        column: 6,
        field: None,
    };
    let preview = preview(engine.handle(request, &[], &gb18030));
    assert_eq!(preview.columns[6], None);
    let dataset = take(&mut engine, Request::Take);
    assert!(
        dataset.records.iter().all(|r| r.certified.is_none()),
        "no certified column: every result pending"
    );
}

#[test]
fn a_table_over_the_data_on_screen_offers_to_merge_into_it() {
    let mut engine = Engine::default();
    let bytes = fixture("fixtures/college-workbook.xlsx");
    open(&mut engine, "a.xlsx", &bytes, None);
    let mut current = take(&mut engine, Request::Take);
    for record in &mut current.records {
        record.approved_trainees = Some(10);
    }
    let preview = preview(open(&mut engine, "a.xlsx", &bytes, Some(&current)));
    let offer = preview.merge.expect("every row matches a record");
    assert!(offer.text.zh.contains("5 条记录"), "{}", offer.text.zh);
    let merged = take(&mut engine, Request::TakeMerge);
    assert_eq!(merged.records.len(), 5);
    assert_eq!(merged.records[0].approved_trainees, Some(10), "kept");
}

/// Why the reader refuses a hostile workbook; the engine says it, in both languages.
fn refusal(name: &str) -> Refusal {
    let bytes = fixture(&format!("hostile/{name}"));
    assert!(is_workbook(name, &bytes), "{name}");
    let refusal = read_workbook(&bytes, &LIMITS).expect_err(name);
    match open(&mut Engine::default(), name, &bytes, None) {
        Reply::Refused(reasons) => {
            assert_eq!(reasons.len(), 1, "{name}");
            assert_eq!(reasons[0].zh, refusal.describe(Lang::Zh), "{name}");
            assert!(reasons[0].en.chars().count() > 15, "{name}");
        }
        other => panic!("{name}: refused, not {other:?}"),
    }
    refusal
}

#[test]
fn hostile_workbooks_are_refused_with_what_they_are() {
    assert!(matches!(refusal("zip-bomb.xlsx"), Refusal::Unpacks { .. }));
    assert!(matches!(
        refusal("million-rows.xlsx"),
        Refusal::TooManyRows { limit: 200_000, .. }
    ));
    assert!(matches!(
        refusal("nested.xlsx"),
        Refusal::Empty | Refusal::NoTable | Refusal::Damaged { .. }
    ));
    assert!(matches!(refusal("truncated.xlsx"), Refusal::Damaged { .. }));
    assert_eq!(refusal("encrypted.xlsx"), Refusal::Encrypted);
    // (Its name says workbook, its bytes a web page.)
    assert_eq!(refusal("web-page.xls"), Refusal::Html);
    assert_eq!(refusal("spreadsheet-2003.xls"), Refusal::SpreadsheetXml);
    let message = Refusal::Html.describe(Lang::Zh);
    assert!(
        message.contains("请在 Excel 或 WPS 中另存为 .xlsx 后再打开"),
        "{message}"
    );
}

#[test]
fn a_csv_saved_with_a_workbooks_name_is_read_as_the_text_it_is() {
    let csv = fixture("fixtures/college-workbook-gb18030.csv");
    assert_eq!(kind(&csv), Kind::Text);
    let mut engine = Engine::default();
    preview(open(&mut engine, "导出.xls", &csv, None));
    assert_college_figures(&take(&mut engine, Request::Take));
}

#[test]
fn the_limits_hold_on_a_real_workbook() {
    let bytes = fixture("fixtures/college-workbook.xlsx");
    assert!(read_workbook(&bytes, &LIMITS).is_ok());
    let small = |limits: Limits| read_workbook(&bytes, &limits).unwrap_err();
    assert!(matches!(
        small(Limits { rows: 5, ..LIMITS }),
        Refusal::TooManyRows { .. }
    ));
    assert!(matches!(
        small(Limits {
            cells: 10,
            ..LIMITS
        }),
        Refusal::TooManyCells { .. }
    ));
    assert!(matches!(
        small(Limits {
            unpacked_bytes: 1000,
            ..LIMITS
        }),
        Refusal::Unpacks { .. }
    ));
    assert!(matches!(
        small(Limits {
            file_bytes: 1000,
            ..LIMITS
        }),
        Refusal::TooLarge { .. }
    ));
}

/// A zip holding `document` as its `word/document.xml`.
fn docx(document: &str) -> Vec<u8> {
    use std::io::Write;
    let mut bytes = Vec::new();
    {
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(&mut bytes));
        let options = zip::write::SimpleFileOptions::default();
        zip.start_file("[Content_Types].xml", options).unwrap();
        zip.write_all(b"<Types/>").unwrap();
        zip.start_file("word/document.xml", options).unwrap();
        zip.write_all(document.as_bytes()).unwrap();
        zip.finish().unwrap();
    }
    bytes
}

#[test]
fn the_report_as_a_word_document_opens_as_the_built_in_data_in_one_confirm() {
    let bytes = fixture("fixtures/report-2021.docx");
    let mut engine = Engine::default();
    let shown = preview(open(&mut engine, "2021年试点工作报告.docx", &bytes, None));
    // Each table is a sheet named by its caption; tables 1 and 3, continued over pages, are one
    // each.
    assert_eq!(
        shown.sheets,
        [
            "表1 “1+X”证书制度试点明细表",
            "表2 书证融通一览表",
            "表3 “1+X”证书制度试点考核情况表"
        ]
    );
    // Table 3 is the records; table 1 merges into them.
    assert_eq!(shown.sheet, 2);
    let companion = shown.companion.expect("table 1 proposed");
    assert!(companion.on);
    assert!(
        companion.text.zh.contains("“表1 “1+X”证书制度试点明细表”")
            && companion.text.zh.contains("38 条"),
        "{}",
        companion.text.zh
    );
    assert!(shown.problems.is_empty(), "{:?}", shown.problems);
    let dataset = take(&mut engine, Request::Take);
    let builtin = pilot_board::domain::builtin::report_2021();
    let (totals, expected) = (Totals::of(&dataset.records), Totals::of(&builtin.records));
    assert_eq!(
        (
            totals.records,
            totals.registered,
            totals.certified,
            totals.majors
        ),
        (38, 3482, 2297, 34)
    );
    assert_eq!(totals, expected);
    let approved: u64 = dataset
        .records
        .iter()
        .filter_map(|r| r.approved_trainees)
        .sum();
    assert_eq!(approved, 4307);
    // The report's own text: its title, its day and its report-level figures.
    assert_eq!(dataset.title, builtin.title);
    assert_eq!(dataset.as_of, builtin.as_of);
    assert_eq!(dataset.summary, builtin.summary);
    assert_eq!(dataset.reported_totals, builtin.reported_totals);
    // (Batches and certificates are as table 3 writes them, 2021 年第一批次 for 2021年第一批: the
    // records match the built-in ones figure by figure, below.)
    for (read, built_in) in dataset.records.iter().zip(&builtin.records) {
        assert_eq!(
            (
                read.registered,
                read.certified,
                read.approved_trainees,
                read.majors.len()
            ),
            (
                built_in.registered,
                built_in.certified,
                built_in.approved_trainees,
                built_in.majors.len()
            ),
            "{} {}",
            read.batch,
            read.certificate
        );
    }

    // Without table 1: the records of table 3 alone.
    let without = preview(engine.handle(Request::Companion(false), &[], &gb18030));
    assert_eq!(without.companion.map(|c| c.on), Some(false));
    let alone = take(&mut engine, Request::Take);
    assert_eq!(Totals::of(&alone.records).majors, 0);
    assert_eq!(Totals::of(&alone.records).registered, 3482);
}

#[test]
fn an_old_word_document_is_told_to_be_saved_as_docx_and_one_without_tables_says_so() {
    let empty =
        docx("<w:document><w:body><w:p><w:r><w:t>只有文字</w:t></w:r></w:p></w:body></w:document>");
    for name in ["2021年试点报告.docx", "报告（无扩展名）"] {
        let Reply::Refused(reasons) = open(&mut Engine::default(), name, &empty, None) else {
            panic!("{name}: refused")
        };
        assert!(
            reasons[0].zh.contains("这个 Word 文档中没有表格"),
            "{name}: {}",
            reasons[0].zh
        );
        assert!(
            reasons[0].en.starts_with("This Word document has no table"),
            "{}",
            reasons[0].en
        );
    }
    for name in ["旧报告.doc", "报告.wps"] {
        let Reply::Refused(reasons) = open(&mut Engine::default(), name, &empty, None) else {
            panic!("{name}: refused")
        };
        assert!(
            reasons[0]
                .zh
                .contains("请在 Word 或 WPS 中另存为 .docx 后再打开"),
            "{}",
            reasons[0].zh
        );
        assert!(!reasons[0].zh.contains("另存为 .xlsx"), "{}", reasons[0].zh);
    }
}

#[test]
fn hostile_word_documents_are_refused() {
    // A zip bomb: a document that unpacks to far more than the limit.
    let mut bomb = String::from("<w:document><w:body>");
    bomb.push_str(&" ".repeat(2 << 20));
    bomb.push_str("</w:body></w:document>");
    let small = Limits {
        unpacked_bytes: 1 << 20,
        ..LIMITS
    };
    assert!(matches!(
        read_workbook(&docx(&bomb), &small),
        Err(Refusal::Unpacks { .. })
    ));
    // Elements nested 200,000 deep, and 10,000 tables.
    let nested = format!(
        "<w:document><w:body>{}{}</w:body></w:document>",
        "<w:sdt>".repeat(200_000),
        "</w:sdt>".repeat(200_000)
    );
    assert!(matches!(
        read_workbook(&docx(&nested), &LIMITS),
        Err(Refusal::DocumentDamaged { .. })
    ));
    let table =
        "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>证书名称</w:t></w:r></w:p></w:tc></w:tr></w:tbl>";
    let many = format!(
        "<w:document><w:body>{}</w:body></w:document>",
        table.repeat(10_000)
    );
    assert_eq!(
        read_workbook(&docx(&many), &LIMITS),
        Err(Refusal::TooManyTables { limit: 1_000 })
    );
}

#[test]
fn a_refusal_is_a_sentence_of_its_own() {
    // Every refusal's English is a sentence of its own.
    let Reply::Refused(reasons) = open(
        &mut Engine::default(),
        "x.xlsx",
        b"<html><table></table></html>",
        None,
    ) else {
        panic!("refused")
    };
    assert!(
        reasons[0].en.starts_with("This file is a web page"),
        "{}",
        reasons[0].en
    );
}
