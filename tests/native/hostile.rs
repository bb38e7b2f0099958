//! The hostile corpus (tests/hostile) and generated input: every bad file is refused with a
//! message, markup is kept as plain text, and no input makes the readers panic.

// Native only: GB18030 comes from encoding_rs here, from the browser in the app.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::Path;

use pilot_board::domain::builtin::report_2021;
use pilot_board::domain::error::Problem;
use pilot_board::domain::import::{Engine, Reply, Request, is_workbook};
use pilot_board::domain::parse::{MAX_FILE_BYTES, parse_dataset_bytes};
use pilot_board::domain::table::{gb18030, looks_like_table, parse_table};
use pilot_board::domain::{Dataset, DatasetError, Lang};
use proptest::prelude::*;

/// As the app routes a file: workbooks to the import engine, tables, then JSON.
fn open(name: &str, bytes: &[u8]) -> Result<Dataset, Vec<DatasetError>> {
    if is_workbook(name, bytes) {
        let request = Request::Open {
            name: name.into(),
            title: name.into(),
            current: None,
        };
        return match Engine::default().handle(request, bytes, &gb18030) {
            Reply::Refused(reasons) => Err(reasons
                .into_iter()
                .map(|both| {
                    DatasetError::whole_file(Problem::Import {
                        zh: both.zh,
                        en: both.en,
                    })
                })
                .collect()),
            other => panic!("{name}: {other:?}"),
        };
    }
    if looks_like_table(name, bytes) {
        parse_table(bytes, name)
    } else {
        parse_dataset_bytes(bytes)
    }
}

#[test]
fn every_bad_file_of_the_corpus_is_refused_with_a_message() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/hostile");
    let mut seen = 0;
    for entry in fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        if name == "README.md" || name == "markup.json" {
            continue;
        }
        let errors = open(&name, &fs::read(&path).unwrap()).expect_err(&name);
        assert!(!errors.is_empty(), "{name}");
        for error in &errors {
            for lang in [Lang::Zh, Lang::En] {
                let message = error.message(lang);
                assert!(message.chars().count() > 8, "{name}: {message}");
            }
        }
        seen += 1;
    }
    assert!(seen >= 16, "the corpus is there ({seen} files)");
}

#[test]
fn markup_is_kept_as_plain_text() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/hostile/markup.json");
    let dataset = open("markup.json", &fs::read(path).unwrap()).unwrap();
    assert_eq!(dataset.title, "<script>window.__pwned=4</script>");
    assert_eq!(
        dataset.records[0].certificate,
        "<img src=x onerror=\"window.__pwned=1\">"
    );
}

#[test]
fn deep_nesting_and_huge_files_are_refused_without_a_crash() {
    let deep = "[".repeat(100_000) + &"]".repeat(100_000);
    let errors = parse_dataset_bytes(deep.as_bytes()).unwrap_err();
    assert!(
        errors[0].message(Lang::Zh).contains("层"),
        "{}",
        errors[0].message(Lang::Zh)
    );

    let mut huge = report_2021().to_json_pretty().into_bytes();
    huge.resize(50 * 1024 * 1024, b' ');
    assert!(huge.len() > MAX_FILE_BYTES);
    let errors = parse_dataset_bytes(&huge).unwrap_err();
    assert_eq!(
        errors[0].message(Lang::Zh),
        "文件太大（50.0 MB），本程序最多读取 40 MB 的数据文件。"
    );
    assert!(parse_table(&huge, "huge").is_err());
}

/// JSON-like text built from the format's own pieces, so that the search reaches deep into
/// the validator rather than stopping at the first syntax error.
fn json_like() -> impl Strategy<Value = String> {
    let atom = prop_oneof![
        Just("null".to_string()),
        Just("true".to_string()),
        any::<i64>().prop_map(|n| n.to_string()),
        any::<f64>().prop_map(|x| format!("{x}")),
        Just("18446744073709551616".to_string()),
        "[\\PC]{0,12}".prop_map(|s| serde_json::to_string(&s).unwrap()),
        prop_oneof![
            Just("\"初级\""),
            Just("\"中级\""),
            Just("\"1x-pilot-dataset\""),
            Just("\"2021-12-31\""),
            Just("\"2021-02-30\""),
        ]
        .prop_map(str::to_string),
    ];
    let key = prop_oneof![
        Just("format"),
        Just("version"),
        Just("title"),
        Just("as_of"),
        Just("records"),
        Just("batch"),
        Just("certificate"),
        Just("level"),
        Just("majors"),
        Just("code"),
        Just("registered"),
        Just("certified"),
        Just("summary"),
        Just("reported_totals"),
        Just("value"),
        Just("registred"),
    ];
    atom.prop_recursive(5, 64, 6, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(|v| format!("[{}]", v.join(","))),
            prop::collection::vec((key.clone(), inner), 0..8).prop_map(|fields| {
                let body: Vec<String> =
                    fields.iter().map(|(k, v)| format!("\"{k}\":{v}")).collect();
                format!("{{{}}}", body.join(","))
            }),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn no_bytes_make_the_readers_panic(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        let _ = parse_dataset_bytes(&bytes);
        let _ = parse_table(&bytes, "t");
    }

    #[test]
    fn no_json_like_text_makes_the_validator_panic(text in json_like()) {
        if let Err(errors) = parse_dataset_bytes(text.as_bytes()) {
            for error in errors {
                let _ = error.message(Lang::Zh);
                let _ = error.message(Lang::En);
            }
        }
    }

    #[test]
    fn no_table_text_makes_the_table_reader_panic(
        cells in prop::collection::vec(prop::collection::vec("[\\PC\\t,\"]{0,10}", 0..8), 0..8),
        header in prop::sample::subsequence(
            vec!["申报计划", "证书名称", "证书等级", "涵盖专业", "报考人数", "获证人数", "通过率", "备注", "序号"], 0..9),
    ) {
        let mut text = header.join(",") + "\n";
        for row in cells {
            text += &row.join(",");
            text += "\n";
        }
        if let Err(errors) = parse_table(text.as_bytes(), "t") {
            for error in errors {
                let _ = error.message(Lang::Zh);
            }
        }
    }

    #[test]
    fn a_cut_off_dataset_is_refused_not_a_panic(cut in 0usize..20_000) {
        let text = report_2021().to_json_pretty();
        let cut = cut.min(text.len());
        let bytes = &text.as_bytes()[..cut];
        prop_assert!(parse_dataset_bytes(bytes).is_err() || cut == text.len());
    }
}
