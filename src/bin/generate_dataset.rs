//! Writes a valid synthetic dataset: `generate_dataset RECORDS [SEED] > file.json`.

use std::io::Write;

fn main() {
    let mut args = std::env::args().skip(1);
    let records: usize = match args.next().map(|a| a.replace('_', "").parse()) {
        Some(Ok(n)) => n,
        _ => {
            eprintln!("usage: generate_dataset RECORDS [SEED]");
            std::process::exit(2);
        }
    };
    let seed = args.next().and_then(|s| s.parse().ok()).unwrap_or(2021);
    let dataset = pilot_board::synthetic::synthetic_dataset(records, seed);
    let json = serde_json::to_string(&dataset).expect("a dataset serialises");
    std::io::stdout()
        .write_all(json.as_bytes())
        .expect("write to standard output");
}
