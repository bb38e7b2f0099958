//! A bad file gets every error, each saying where, which key, what was found and what was
//! expected, in Chinese and in English.

use pilot_board::domain::error::Problem;
use pilot_board::domain::parse::parse_dataset_bytes;
use pilot_board::domain::{DatasetError, Lang, parse_dataset};

fn errors(text: &str) -> Vec<DatasetError> {
    parse_dataset(text).expect_err("the file should be refused")
}

fn messages(text: &str, lang: Lang) -> Vec<String> {
    errors(text).iter().map(|e| e.message(lang)).collect()
}

const GOOD_RECORD: &str = r#"{"batch": "2021年第一批", "certificate": "物流管理职业技能等级证书", "level": "中级",
  "majors": [{"code": "630903", "name": "物流管理"}], "registered": 50, "certified": 48}"#;

fn file_with_records(records: &str) -> String {
    format!(
        r#"{{"format": "1x-pilot-dataset", "version": 1, "title": "测试", "records": [{records}]}}"#
    )
}

#[test]
fn a_minimal_file_is_accepted() {
    let dataset = parse_dataset(&file_with_records(GOOD_RECORD)).unwrap();
    assert_eq!(dataset.records.len(), 1);
    assert_eq!(dataset.records[0].approved_trainees, None);
}

#[test]
fn a_byte_order_mark_is_accepted() {
    let text = format!("\u{feff}{}", file_with_records(""));
    assert!(parse_dataset(&text).is_ok());
}

#[test]
fn an_empty_file_says_so() {
    assert_eq!(
        messages("  \n", Lang::Zh),
        vec!["文件是空的，没有任何内容。"]
    );
}

#[test]
fn bytes_that_are_not_utf8_are_refused() {
    // "报考" in GB18030.
    let errors = parse_dataset_bytes(&[0xb1, 0xa8, 0xbf, 0xbc]).unwrap_err();
    assert_eq!(errors[0].problem, Problem::NotText);
    assert!(errors[0].message(Lang::Zh).contains("UTF-8"));
}

#[test]
fn syntax_errors_give_line_and_column() {
    let text = "{\n  \"format\": \"1x-pilot-dataset\",\n  \"version\": 1\n  \"title\": \"x\"\n}";
    let errors = errors(text);
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].line_column, Some((4, 3)));
    assert_eq!(
        errors[0].message(Lang::Zh),
        "第 4 行第 3 列：JSON 语法错误：此处应为逗号或 }（可能漏了逗号）。"
    );
    assert_eq!(
        errors[0].message(Lang::En),
        "Line 4, column 3: JSON syntax error: expected `,` or `}`."
    );
}

#[test]
fn a_truncated_file_says_it_ended_early() {
    let full = file_with_records(GOOD_RECORD);
    let message = &messages(&full[..full.len() / 2], Lang::Zh)[0];
    assert!(message.contains("意外结束"), "{message}");
}

#[test]
fn deep_nesting_is_refused_without_crashing() {
    let deep = "[".repeat(100_000) + &"]".repeat(100_000);
    let message = &messages(&deep, Lang::Zh)[0];
    assert!(message.contains("嵌套层数过深"), "{message}");
}

#[test]
fn other_json_is_not_a_dataset() {
    assert_eq!(
        messages("[1, 2]", Lang::Zh),
        vec!["这不是“1+X”试点数据集文件：format 应为“1x-pilot-dataset”，实际是一个数组。"]
    );
    let other = r#"{"format": "geojson", "title": 5, "records": 7}"#;
    assert_eq!(
        errors(other).len(),
        1,
        "another format gets one error, not noise"
    );
}

#[test]
fn a_newer_version_is_refused_and_nothing_is_guessed() {
    let text =
        r#"{"format": "1x-pilot-dataset", "version": 3, "title": "", "records": 1, "new": 1}"#;
    let errors = errors(text);
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].problem, Problem::NewerVersion { found: 3 });
    assert!(errors[0].message(Lang::Zh).contains("较新版本"));
}

#[test]
fn every_error_is_listed_with_record_key_found_and_expected() {
    let records = r#"
      {"batch": "2021年第一批", "certificate": "甲证书", "level": "中等",
       "majors": [], "registered": -5, "certified": 2.5},
      {"batch": "2021年第一批", "certificate": "乙证书", "level": "初级",
       "majors": [{"code": "", "name": "x"}], "registered": 3, "certified": 4, "registred": 3}
    "#;
    let zh = messages(&file_with_records(records), Lang::Zh);
    assert_eq!(
        zh,
        vec![
            "第 1 条记录（2021年第一批 / 甲证书 / 中等），键“level”：应为“初级”“中级”或“高级”之一，实际是文本“中等”。",
            "第 1 条记录（2021年第一批 / 甲证书 / 中等），键“registered”：应为不小于 0 的整数，实际是 -5。",
            "第 1 条记录（2021年第一批 / 甲证书 / 中等），键“certified”：应为不小于 0 的整数或 null（null 表示未知或未出成绩），实际是 2.5。",
            "第 2 条记录（2021年第一批 / 乙证书 / 初级），键“registred”：格式中没有这个键。是不是“registered”？",
            "第 2 条记录（2021年第一批 / 乙证书 / 初级），键“majors[0].code”：应为非空文本，实际是文本“”。",
            "第 2 条记录（2021年第一批 / 乙证书 / 初级），键“certified”：获证人数（4）不能大于报考人数（3）。",
        ]
    );
    let en = messages(&file_with_records(records), Lang::En);
    assert_eq!(
        en[3],
        "Record 2 (2021年第一批 / 乙证书 / 初级), key \"registred\": the format has no such key. Did you mean \"registered\"?"
    );
}

#[test]
fn top_level_problems_are_all_reported() {
    let text = r#"{"format": "1x-pilot-dataset", "titel": "x", "as_of": "2021-02-30",
                   "summary": [{"label": "教师", "value": "111"}], "records": {}}"#;
    let zh = messages(text, Lang::Zh);
    assert_eq!(
        zh,
        vec![
            "键“version”：缺少这个必填项，应为格式版本号 1 或 2。",
            "键“titel”：格式中没有这个键。是不是“title”？",
            "键“title”：缺少这个必填项，应为非空文本。",
            "键“as_of”：应为形如 YYYY-MM-DD 的日期（如 2021-12-31），实际是文本“2021-02-30”。",
            "键“summary[0].value”：应为数字，实际是文本“111”。",
            "键“records”：应为一个数组 […]，实际是一个对象。",
        ]
    );
}

#[test]
fn numbers_beyond_the_integer_range_are_refused() {
    let record = GOOD_RECORD.replace("\"registered\": 50", "\"registered\": 18446744073709551616");
    let zh = messages(&file_with_records(&record), Lang::Zh);
    assert_eq!(zh.len(), 1);
    assert!(
        zh[0].contains("registered") && zh[0].contains("1.8446744073709552e+19"),
        "{}",
        zh[0]
    );
}

#[test]
fn duplicate_rows_are_found_across_batch_spellings() {
    let other = GOOD_RECORD.replace("2021年第一批", "2021 年第一批次");
    let zh = messages(
        &file_with_records(&format!("{GOOD_RECORD}, {other}")),
        Lang::Zh,
    );
    assert_eq!(
        zh,
        vec![
            "第 2 条记录（2021 年第一批次 / 物流管理职业技能等级证书 / 中级）：与第 1 条记录的申报批次、证书名称和等级相同；每个组合只能出现一次。"
        ]
    );
}

#[test]
fn markup_in_text_is_kept_as_plain_data() {
    let record = GOOD_RECORD.replace("物流管理职业技能等级证书", "<img src=x onerror=alert(1)>");
    let dataset = parse_dataset(&file_with_records(&record)).unwrap();
    assert_eq!(
        dataset.records[0].certificate,
        "<img src=x onerror=alert(1)>"
    );
}

#[test]
fn majors_without_a_code_need_version_2_and_are_written_only_then() {
    let codeless = r#"{"batch": "2021年第一批", "certificate": "物流管理职业技能等级证书", "level": "中级",
      "majors": [{"name": "物流管理"}, {"code": "630903", "name": "物流管理"}], "registered": 50, "certified": 48}"#;
    // Version 1 has no such major: `code` is required there.
    let refused = errors(&file_with_records(codeless));
    assert_eq!(refused.len(), 1);
    assert_eq!(refused[0].key.as_deref(), Some("majors[0].code"));

    let v2 = file_with_records(codeless).replace(r#""version": 1"#, r#""version": 2"#);
    let dataset = parse_dataset(&v2).unwrap();
    let majors = &dataset.records[0].majors;
    assert_eq!((majors[0].code.as_str(), majors[0].key()), ("", "物流管理"));
    assert_eq!(majors[1].key(), "630903");
    assert_eq!(dataset.format_version(), 2);
    // Written back as version 2, without an empty code, and read again the same.
    let written = serde_json::to_string(&dataset).unwrap();
    assert!(written.contains(r#""version":2"#), "{written}");
    assert!(written.contains(r#"[{"name":"物流管理"},"#), "{written}");
    assert_eq!(parse_dataset(&written).unwrap(), dataset);

    // A name is what identifies such a major: it may not be empty.
    let nameless = v2.replace(r#"{"name": "物流管理"}, "#, r#"{"name": " "}, "#);
    assert_eq!(errors(&nameless)[0].key.as_deref(), Some("majors[0].name"));

    // Every major coded: version 1, which older copies of the app read.
    let coded = parse_dataset(&file_with_records(GOOD_RECORD)).unwrap();
    assert_eq!(coded.format_version(), 1);
    assert!(
        serde_json::to_string(&coded)
            .unwrap()
            .contains(r#""version":1"#)
    );
}
