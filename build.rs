//! Two things the build does before compiling the crate:
//!
//! - The built-in 2021 report (data/report-2021.json) is written as Rust data
//!   (`$OUT_DIR/builtin_data.rs`), so that the page shows it without a JSON reader in its first
//!   load; `domain::builtin`'s tests check that it is the same dataset the validating parser
//!   reads from the file.
//! - The split build of the page (`--features split`, wasm only) links with relocations, which
//!   wasm-split-cli needs to cut the module; every other build links as usual (relocations left
//!   in an unsplit wasm would only make it larger).
use std::fmt::Write;

use serde_json::Value;

fn main() {
    println!("cargo:rerun-if-env-changed=CARGO_FEATURE_SPLIT");
    let wasm = std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32");
    if wasm && std::env::var_os("CARGO_FEATURE_SPLIT").is_some() {
        println!("cargo:rustc-link-arg-bin=pilot-board=--emit-relocs");
    }
    println!("cargo:rerun-if-changed=data/report-2021.json");
    let text = std::fs::read_to_string("data/report-2021.json").expect("data/report-2021.json");
    let file: Value = serde_json::from_str(&text).expect("the built-in report is JSON");
    let out = std::path::Path::new(&std::env::var("OUT_DIR").unwrap()).join("builtin_data.rs");
    std::fs::write(out, rust_data(&file)).expect("write builtin_data.rs");
}

/// The report as constants of `domain::builtin` (its types are declared there).
fn rust_data(file: &Value) -> String {
    let mut out = String::new();
    let text = |v: &Value| match v {
        Value::String(s) => format!("Some({s:?})"),
        _ => "None".into(),
    };
    let count = |v: &Value| match v.as_u64() {
        Some(n) => format!("Some({n})"),
        None => "None".into(),
    };
    let float = |v: &Value| match v.as_f64() {
        Some(x) => format!("Some({x:?})"),
        None => "None".into(),
    };
    writeln!(
        out,
        "const TITLE: &str = {:?};",
        file["title"].as_str().unwrap()
    )
    .unwrap();
    writeln!(
        out,
        "const INSTITUTION: Option<&str> = {};",
        text(&file["institution"])
    )
    .unwrap();
    writeln!(out, "const AS_OF: Option<&str> = {};", text(&file["as_of"])).unwrap();
    let items = file["summary"].as_array().cloned().unwrap_or_default();
    writeln!(out, "const SUMMARY: [Item; {}] = [", items.len()).unwrap();
    for item in &items {
        let value = item["value"].as_f64().unwrap();
        writeln!(
            out,
            "    ({:?}, {value:?}, {}),",
            item["label"].as_str().unwrap(),
            text(&item["unit"])
        )
        .unwrap();
    }
    writeln!(out, "];").unwrap();
    let totals = &file["reported_totals"];
    writeln!(
        out,
        "const TOTALS: Option<Totals> = {};",
        if totals.is_object() {
            let keys = [
                "pilots",
                "certificate_levels",
                "majors",
                "approved_trainees",
                "social_training_person_days",
                "registered",
                "certified",
            ];
            let counts: Vec<String> = keys.iter().map(|k| count(&totals[*k])).collect();
            format!(
                "Some(([{}], {}))",
                counts.join(", "),
                float(&totals["pass_rate_percent"])
            )
        } else {
            "None".into()
        }
    )
    .unwrap();
    let records = file["records"].as_array().expect("records");
    writeln!(out, "const RECORDS: [Row; {}] = [", records.len()).unwrap();
    for r in records {
        let level = match r["level"].as_str().unwrap() {
            "初级" => "Level::Elementary",
            "中级" => "Level::Intermediate",
            "高级" => "Level::Advanced",
            other => panic!("level {other}"),
        };
        let majors: Vec<String> = r["majors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| {
                format!(
                    "({:?}, {:?})",
                    m["code"].as_str().unwrap_or(""),
                    m["name"].as_str().unwrap_or("")
                )
            })
            .collect();
        writeln!(
            out,
            "    Row {{ batch: {:?}, certificate: {:?}, level: {level}, majors: &[{}], approved_trainees: {}, social_training_person_days: {}, registered: {}, certified: {}, reported_pass_rate_percent: {}, note: {} }},",
            r["batch"].as_str().unwrap(),
            r["certificate"].as_str().unwrap(),
            majors.join(", "),
            count(&r["approved_trainees"]),
            count(&r["social_training_person_days"]),
            r["registered"].as_u64().unwrap(),
            count(&r["certified"]),
            float(&r["reported_pass_rate_percent"]),
            text(&r["note"]),
        )
        .unwrap();
    }
    writeln!(out, "];").unwrap();
    out
}
