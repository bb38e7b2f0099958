//! The Excel export: read back by calamine to the same records with their rates as numbers, a
//! frozen header and totals as formulas; opened again by the app's own import engine as the same
//! records; every XML part well formed.

// Native only: calamine and the import engine's GB18030 reader run natively here.
#![cfg(not(target_arch = "wasm32"))]

use std::io::{Cursor, Read};

use calamine::{Data, Reader, Xlsx};
use pilot_board::domain::builtin::report_2021;
use pilot_board::domain::caption::Caption;
use pilot_board::domain::filter::Filter;
use pilot_board::domain::import::{Engine, Reply, Request};
use pilot_board::domain::index::DatasetIndex;
use pilot_board::domain::table::gb18030;
use pilot_board::domain::{Dataset, Lang, parse_dataset};
use pilot_board::office::xlsx::{records_workbook, sheet_names};

fn workbook(dataset: &Dataset, lang: Lang) -> Vec<u8> {
    let index = DatasetIndex::new(dataset);
    let caption = Caption::new(dataset, &index, &Filter::default(), lang);
    records_workbook(dataset, &caption, false, lang).expect("the workbook is written")
}

#[test]
fn the_records_read_back_with_rates_as_numbers_and_totals_as_formulas() {
    let dataset = report_2021();
    let bytes = workbook(&dataset, Lang::Zh);
    let mut book: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(bytes)).unwrap();
    let (records, reconciliation) = sheet_names(Lang::Zh);
    // (Then the chart's data, hidden.)
    assert_eq!(
        book.sheet_names(),
        vec![
            records.to_string(),
            reconciliation.to_string(),
            "图表数据".to_string()
        ]
    );
    let range = book.worksheet_range(records).unwrap();
    let rows: Vec<&[Data]> = range.rows().collect();
    assert_eq!(rows[0][0], Data::String(dataset.title.clone()));
    assert_eq!(rows[2][0], Data::String("申报计划".into()));
    assert_eq!(rows[2][9], Data::String("通过率(计算)".into()));
    // 38 records, then the totals and the line under them.
    assert_eq!(rows.len(), 3 + 38 + 2);
    for (record, row) in dataset.records.iter().zip(&rows[3..41]) {
        assert_eq!(row[1], Data::String(record.certificate.clone()));
        assert_eq!(row[6], Data::Float(record.registered as f64));
        match record.certified {
            Some(certified) => assert_eq!(row[7], Data::Float(certified as f64)),
            None => assert_eq!(row[7], Data::String("--".into()), "pending"),
        }
        match record.pass_rate() {
            Some(rate) => {
                let Data::Float(value) = row[9] else {
                    panic!("a rate as a number: {:?}", row[9])
                };
                assert!(
                    (value * 100.0 - rate.percent()).abs() < 0.005,
                    "{value} vs {rate:?}"
                );
            }
            // Pending, or nobody registered.
            None => assert_eq!(row[9], Data::String("--".into())),
        }
    }
    // The report's own rate, where it printed one, as a number too.
    let reported = dataset.records[0].reported_pass_rate_percent.unwrap();
    assert_eq!(rows[3][8], Data::Float(reported / 100.0));
    let totals = rows[41];
    assert_eq!(totals[0], Data::String("合计".into()));
    assert_eq!(totals[6], Data::Float(3482.0));
    assert_eq!(totals[7], Data::Float(2297.0));
    let Data::Float(rate) = totals[9] else {
        panic!("the total rate as a number")
    };
    assert!((rate - 0.7216).abs() < 1e-9, "{rate}");
    // Both overall rates, each named: the report's over all registered under 通过率.
    let Data::Float(all) = totals[8] else {
        panic!("the total rate over all registered as a number")
    };
    assert!((all - 0.6597).abs() < 1e-9, "{all}");
    let Data::String(note) = &rows[42][0] else {
        panic!("a line under the totals: {:?}", rows[42])
    };
    assert!(
        note.contains("全部报考口径 65.97%") && note.contains("已公布成绩口径 72.16%"),
        "{note}"
    );
    let formulas = book.worksheet_formula(records).unwrap();
    let formula_rows: Vec<_> = formulas.rows().collect();
    let last = formula_rows.last().unwrap();
    assert!(
        last.iter().any(|f| f.starts_with("SUM(G4:G41)")),
        "{last:?}"
    );
    assert!(last.iter().any(|f| f.contains("SUMIF(H4:H41")), "{last:?}");

    let checks = book.worksheet_range(reconciliation).unwrap();
    assert!(checks.rows().count() > 5, "the reconciliation's lines");
    // Each warning names its record once: in the first column, not again in the second.
    let warnings: Vec<_> = checks
        .rows()
        .skip_while(|row| row[0] != Data::String("记录".into()))
        .skip(1)
        .collect();
    assert!(warnings.len() >= 7, "{warnings:?}");
    for row in warnings {
        let (Data::String(record), Data::String(finding)) = (&row[0], &row[1]) else {
            panic!("{row:?}")
        };
        let name = record.split(" · ").next().unwrap();
        assert!(!finding.contains(name), "{record} named again in {finding}");
    }
}

#[test]
fn a_filtered_export_says_why_the_printed_totals_are_not_compared() {
    let dataset = report_2021();
    let index = DatasetIndex::new(&dataset);
    let some = dataset.subset(&index.matching(&Filter {
        levels: [pilot_board::domain::Level::Elementary].into(),
        ..Filter::default()
    }));
    let caption = Caption::new(&dataset, &index, &Filter::default(), Lang::Zh);
    let checks_of = |bytes: Vec<u8>| {
        let mut book: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(bytes)).unwrap();
        let range = book.worksheet_range(sheet_names(Lang::Zh).1).unwrap();
        range
            .rows()
            .flat_map(|row| row.iter().map(|c| c.to_string()))
            .collect::<Vec<_>>()
    };
    let filtered = checks_of(records_workbook(&some, &caption, true, Lang::Zh).unwrap());
    assert!(
        filtered
            .iter()
            .any(|t| t.starts_with("报告所列的合计是全部记录的合计")),
        "{filtered:?}"
    );
    assert!(
        !filtered
            .iter()
            .any(|t| t.contains("数据中没有报告所列的合计"))
    );
    // A table without printed totals still says so.
    let plain = checks_of(records_workbook(&some, &caption, false, Lang::Zh).unwrap());
    assert!(plain.iter().any(|t| t.contains("数据中没有报告所列的合计")));
}

#[test]
fn the_records_print_on_a4_landscape_one_page_wide_with_the_header_repeated() {
    let dataset = report_2021();
    let bytes = workbook(&dataset, Lang::Zh);
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut sheet = String::new();
    zip.by_name("xl/worksheets/sheet1.xml")
        .unwrap()
        .read_to_string(&mut sheet)
        .unwrap();
    assert!(sheet.contains(r#"paperSize="9""#), "A4");
    assert!(sheet.contains(r#"orientation="landscape""#), "landscape");
    assert!(
        sheet.contains(r#"fitToWidth="1""#) || !sheet.contains("fitToWidth"),
        "one page wide"
    );
    assert!(
        sheet.contains(r#"fitToHeight="0""#),
        "as many pages tall as it takes"
    );
    assert!(
        sheet.contains(r#"<pageSetUpPr fitToPage="1"/>"#),
        "fit to page"
    );
    assert!(
        sheet.contains(&format!("<oddHeader>&amp;C{}</oddHeader>", dataset.title)),
        "the title in the page header"
    );
    let mut workbook = String::new();
    zip.by_name("xl/workbook.xml")
        .unwrap()
        .read_to_string(&mut workbook)
        .unwrap();
    assert!(
        workbook.contains("_xlnm.Print_Titles") && workbook.contains("$3:$3"),
        "the header row repeats: {workbook}"
    );
}

#[test]
fn the_header_is_frozen_and_every_part_is_well_formed_xml() {
    let bytes = workbook(&report_2021(), Lang::En);
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut parts = 0;
    for i in 0..zip.len() {
        let mut part = zip.by_index(i).unwrap();
        let name = part.name().unwrap().to_string();
        let mut text = String::new();
        part.read_to_string(&mut text).unwrap();
        if name.ends_with(".xml") || name.ends_with(".rels") {
            roxmltree::Document::parse(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
            parts += 1;
        }
        if name == "xl/worksheets/sheet1.xml" {
            assert!(
                text.contains(r#"ySplit="3""#) && text.contains(r#"state="frozen""#),
                "frozen below the header"
            );
            assert!(text.contains("<cols>"), "column widths");
        }
    }
    assert!(parts >= 8, "{parts} parts");
}

#[test]
fn the_app_opens_its_own_workbook_as_the_same_records() {
    let dataset = report_2021();
    let bytes = workbook(&dataset, Lang::Zh);
    let mut engine = Engine::default();
    let request = Request::Open {
        name: "导出.xlsx".into(),
        title: String::new(),
        current: None,
    };
    let reply = engine.handle(request, &bytes, &gb18030);
    let json = match reply {
        Reply::Dataset(json) => json,
        Reply::Preview(preview) => {
            assert!(preview.problems.is_empty(), "{:?}", preview.problems);
            match engine.handle(Request::Take, &[], &gb18030) {
                Reply::Dataset(json) => json,
                other => panic!("a dataset, not {other:?}"),
            }
        }
        other => panic!("{other:?}"),
    };
    let read = parse_dataset(&json).unwrap();
    assert_eq!(read.title, dataset.title);
    assert_eq!(read.records.len(), 38);
    for (a, b) in read.records.iter().zip(&dataset.records) {
        assert_eq!(
            (&a.batch, &a.certificate, a.level, a.registered, a.certified),
            (&b.batch, &b.certificate, b.level, b.registered, b.certified)
        );
        assert_eq!(a.majors, b.majors);
    }
}

#[test]
fn a_native_chart_of_the_rates_stands_beside_the_records_and_reads_them() {
    let bytes = workbook(&report_2021(), Lang::Zh);
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut read = |name: &str| {
        let mut text = String::new();
        zip.by_name(name)
            .unwrap_or_else(|_| panic!("{name}"))
            .read_to_string(&mut text)
            .unwrap();
        text
    };
    let chart = read("xl/charts/chart1.xml");
    assert!(chart.contains("<c:barChart>") && chart.contains(r#"<c:barDir val="bar"/>"#));
    // One bar a record, from the hidden chart-data sheet: "certificate · level" as the
    // categories, the records sheet's computed rate (by formula) as values.
    assert!(chart.contains("<c:f>图表数据!$A$2:$A$39</c:f>"), "{chart}");
    assert!(chart.contains("<c:f>图表数据!$B$2:$B$39</c:f>"), "{chart}");
    assert!(
        chart.contains("产品创意设计职业技能等级证书 · 中级"),
        "the labels cached"
    );
    let workbook = read("xl/workbook.xml");
    assert!(
        workbook.contains(r#"name="图表数据" sheetId="3" state="hidden""#),
        "{workbook}"
    );
    let data = read("xl/worksheets/sheet3.xml");
    assert!(data.contains("<f>'试点记录'!J4</f>"), "{data}");
    assert!(chart.contains("各证书通过率"));
    assert!(
        chart.contains(r#"<c:formatCode>0%</c:formatCode>"#)
            || chart.contains(r#"formatCode="0%""#)
    );
    // The records sheet draws it.
    let rels = read("xl/worksheets/_rels/sheet1.xml.rels");
    assert!(rels.contains("../drawings/drawing1.xml"), "{rels}");
    let drawing = read("xl/drawings/_rels/drawing1.xml.rels");
    assert!(drawing.contains("../charts/chart1.xml"), "{drawing}");
}
