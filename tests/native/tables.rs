//! Files in and out: JSON export opens again as the same data; CSV export opens in Excel with
//! its Chinese and without formulas; CSV and TSV from Excel or WPS (UTF-8, UTF-16, GB18030)
//! open, and bad tables are refused with the line of each error.

// Native only: GB18030 comes from encoding_rs here, from the browser in the app.
#![cfg(not(target_arch = "wasm32"))]

use pilot_board::domain::builtin::report_2021;
use pilot_board::domain::parse::parse_dataset;
use pilot_board::domain::table::{
    decode, file_name, gb18030, looks_like_table, neutralise, parse_table, to_csv,
};
use pilot_board::domain::{Dataset, Lang};
use pilot_board::synthetic::synthetic_dataset as generate;

fn messages(errors: &[pilot_board::domain::DatasetError]) -> Vec<String> {
    errors.iter().map(|e| e.message(Lang::Zh)).collect()
}

#[test]
fn json_export_opens_as_exactly_the_same_data() {
    for dataset in [report_2021(), generate(1000, 7), generate(200, 99)] {
        let text = dataset.to_json_pretty();
        assert!(text.starts_with("{\n  \"format\": \"1x-pilot-dataset\",\n  \"version\": 1,"));
        assert_eq!(parse_dataset(&text), Ok(dataset));
    }
}

#[test]
fn csv_export_has_a_bom_the_reports_headings_and_reads_back() {
    let dataset = report_2021();
    let bytes = to_csv(&dataset);
    assert!(
        bytes.starts_with(b"\xef\xbb\xbf"),
        "a byte-order mark for Excel"
    );
    let text = std::str::from_utf8(&bytes[3..]).unwrap();
    let header = text.lines().next().unwrap();
    assert_eq!(
        header,
        "申报计划,证书名称,证书等级,涵盖专业,已批准培训人数,面向社会开展培训量(人日),报考人数,获证人数,通过率,通过率(计算),备注"
    );
    assert_eq!(text.lines().count(), 1 + 38);
    assert!(text.contains("【560118】工业设计"));
    assert!(text.contains(",86%,86.00%,"), "reported and computed rates");

    let back = parse_table(&bytes, "导出").unwrap();
    assert_eq!(back.records, dataset.records);
    assert_eq!(back.title, "导出");
}

#[test]
fn cells_a_spreadsheet_would_run_are_made_inert() {
    for cell in ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"] {
        assert_eq!(neutralise(cell), format!("'{cell}"));
    }
    assert_eq!(neutralise("物流管理"), "物流管理");
    assert_eq!(neutralise(""), "");

    let mut dataset = report_2021();
    dataset.records[0].certificate = "=HYPERLINK(\"http://x\",\"点我\")".into();
    dataset.records[1].note = Some("-- 待核实".into());
    dataset.records[2].batch = "@2021".into();
    let bytes = to_csv(&dataset);
    let text = String::from_utf8(bytes.clone()).unwrap();
    assert!(text.contains("\"'=HYPERLINK(\"\"http://x\"\",\"\"点我\"\")\""));
    assert!(text.contains(",'-- 待核实"));
    assert!(text.contains("\n'@2021,"));
    for line in text.lines().skip(1) {
        for cell in line.split(',') {
            assert!(!cell.starts_with(['=', '+', '@']), "{cell}");
        }
    }
    // Read back, the apostrophes come off.
    assert_eq!(parse_table(&bytes, "t").unwrap().records, dataset.records);
}

const REPORT_TSV: &str = "申报计划\t证书名称\t证书等级\t涵盖专业\t已批准培训人数\t面向社会开展培训量（人日）\t报考人数\t获证人数\t通过率\n\
2021年第一批\t产品创意设计职业技能等级证书\t中级\t【560118】工业设计\t50\t--\t50\t43\t86.00%\n\
2021年第一批\t机械工程制图职业技能等级证书\t中级\t【560102】机械制造与自动化 【560118】工业设计\t60\t--\t60\t--\t--\n\
合计\t\t\t\t110\t\t110\t43\t\n";

#[test]
fn a_table_pasted_from_the_report_opens() {
    let dataset = parse_table(REPORT_TSV.as_bytes(), "粘贴").unwrap();
    assert_eq!(dataset.records.len(), 2, "the 合计 row is left out");
    let second = &dataset.records[1];
    assert_eq!(second.majors.len(), 2);
    assert_eq!(second.majors[0].code, "560102");
    assert_eq!(second.majors[1].name, "工业设计");
    assert_eq!(second.certified, None, "-- is no value");
    assert_eq!(second.social_training_person_days, None);
    assert_eq!(dataset.records[0].reported_pass_rate_percent, Some(86.0));
    assert_eq!(dataset.records[0].certified, Some(43));
}

#[test]
fn gb18030_and_utf16_tables_open() {
    let csv = REPORT_TSV.replace('\t', ",");
    let (gbk, _, lossy) = encoding_rs::GB18030.encode(&csv);
    assert!(!lossy);
    assert!(std::str::from_utf8(&gbk).is_err(), "really not UTF-8");
    let from_gbk = parse_table(&gbk, "gbk").unwrap();
    assert_eq!(
        from_gbk.records[0].certificate,
        "产品创意设计职业技能等级证书"
    );

    let mut utf16 = vec![0xff, 0xfe];
    for unit in REPORT_TSV.encode_utf16() {
        utf16.extend_from_slice(&unit.to_le_bytes());
    }
    assert_eq!(
        parse_table(&utf16, "u16").unwrap(),
        Dataset {
            title: "u16".into(),
            ..from_gbk.clone()
        }
    );

    let mut with_bom = b"\xef\xbb\xbf".to_vec();
    with_bom.extend_from_slice(csv.as_bytes());
    assert_eq!(parse_table(&with_bom, "gbk").unwrap(), from_gbk);
}

#[test]
fn the_formats_keys_work_as_headings_too() {
    let csv = "batch,certificate,level,majors,registered,certified\n2021年第一批,物流管理,初级,530802 物流管理,10,9\n";
    let dataset = parse_table(csv.as_bytes(), "keys").unwrap();
    assert_eq!(dataset.records[0].majors[0].code, "530802");
    assert_eq!(dataset.records[0].certified, Some(9));
}

#[test]
fn bad_tables_are_refused_with_the_line_of_each_error() {
    let csv = "申报计划,证书名称,证书等级,报考人数,获证人数,通过律\n";
    let errors = messages(&parse_table(csv.as_bytes(), "t").unwrap_err());
    assert_eq!(
        errors,
        vec!["第 1 行：表头“通过律”不是本格式的列。是不是“通过率”？".to_string()]
    );

    let csv = "申报计划,证书名称,报考人数\n2021年第一批,物流管理,10\n";
    let errors = messages(&parse_table(csv.as_bytes(), "t").unwrap_err());
    assert_eq!(
        errors,
        vec![
            "第 1 行：表格缺少“证书等级”列。".to_string(),
            "第 1 行：表格缺少“获证人数”列。".to_string()
        ]
    );

    let csv = "申报计划,证书名称,证书等级,报考人数,获证人数\n\
               2021年第一批,物流管理,初级,10,9\n\
               \n\
               2021年第一批,物流管理,初级,12,3\n\
               2021年第一批,电子商务,特级,-4,2.5\n\
               2021年第一批,会计,中级,5,6\n";
    let errors = messages(&parse_table(csv.as_bytes(), "t").unwrap_err());
    assert_eq!(errors.len(), 5, "{errors:#?}");
    assert!(
        errors[0].starts_with("第 4 行，第 2 条记录（2021年第一批 / 物流管理 / 初级）："),
        "{}",
        errors[0]
    );
    assert!(errors[0].contains("与第 1 条记录"));
    assert!(
        errors
            .iter()
            .any(|e| e.starts_with("第 5 行") && e.contains("level"))
    );
    assert!(
        errors
            .iter()
            .any(|e| e.starts_with("第 5 行") && e.contains("registered"))
    );
    assert!(
        errors
            .iter()
            .any(|e| e.starts_with("第 5 行") && e.contains("certified"))
    );
    assert!(
        errors[4].starts_with("第 6 行")
            && errors[4].contains("获证人数（6）不能大于报考人数（5）"),
        "{}",
        errors[4]
    );

    let csv = "申报计划,证书名称,证书等级,涵盖专业,报考人数,获证人数\n2021年第一批,物流管理,初级,见附表【560118】工业设计,1,1\n";
    let errors = messages(&parse_table(csv.as_bytes(), "t").unwrap_err());
    assert!(
        errors[0].starts_with("第 2 行，键“majors”：“见附表”不是“【代码】名称”"),
        "{}",
        errors[0]
    );

    assert!(parse_table(b"", "t").is_err());
    assert!(parse_table(b"\x00\x01\x02\xff\xfe\xfd", "t").is_err());
    assert_eq!(
        decode(b"\x81", &gb18030),
        None,
        "a lone GB18030 lead byte is not text"
    );
}

#[test]
fn tables_are_told_from_json_by_name_then_by_content() {
    assert!(looks_like_table("数据.CSV", b"{"));
    assert!(!looks_like_table("data.json", b"a,b"));
    assert!(looks_like_table("粘贴", "申报计划\t证书名称".as_bytes()));
    assert!(!looks_like_table("file", b"  {\"format\":1}"));
    assert!(!looks_like_table("file", b"\xef\xbb\xbf[1]"));
}

#[test]
fn export_names_come_from_the_title_and_the_date() {
    assert_eq!(
        file_name("XX职业技术学院 2021 年 1+X 证书试点", "2026-11-29", "json"),
        "XX职业技术学院 2021 年 1+X 证书试点-2026-11-29.json"
    );
    assert_eq!(
        file_name("a/b:c*?\"<>|", "2026-01-02", "csv"),
        "a_b_c______-2026-01-02.csv"
    );
    assert_eq!(
        file_name("  ", "2026-01-02", "csv"),
        "数据集-2026-01-02.csv"
    );
}
