//! Every dataset file the project ships (the built-in data and the examples in docs/) opens.

use std::path::Path;

use pilot_board::domain::{Lang, parse_dataset};

fn shipped_files() -> Vec<std::path::PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for dir in ["data", "docs/examples"] {
        for entry in std::fs::read_dir(root.join(dir)).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|ext| ext == "json") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

#[test]
fn every_shipped_dataset_opens() {
    let files = shipped_files();
    assert!(
        files.len() >= 3,
        "data/ and docs/examples/ hold datasets: {files:?}"
    );
    for path in files {
        let text = std::fs::read_to_string(&path).unwrap();
        if let Err(errors) = parse_dataset(&text) {
            let messages: Vec<String> = errors.iter().map(|e| e.message(Lang::Zh)).collect();
            panic!("{} is refused: {messages:#?}", path.display());
        }
    }
}

#[test]
fn the_pending_example_reconciles_on_the_published_rate() {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/examples/pending-results.json"),
    )
    .unwrap();
    let dataset = parse_dataset(&text).unwrap();
    let reconciliation = pilot_board::domain::reconcile(&dataset);
    // 70 / 130 = 53.85% counts the 50 pending examinees as not certified: flagged and explained.
    let flagged: Vec<_> = reconciliation.flagged().collect();
    assert_eq!(flagged.len(), 1);
    let sentence = flagged[0].explanation(Lang::Zh).unwrap();
    assert!(
        sentence.contains("50 名考生") && sentence.contains("87.50%"),
        "{sentence}"
    );
}
