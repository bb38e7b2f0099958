//! The dataset compiled into the app: the 2021 report, so the page shows it with no request.

use super::model::Dataset;
use super::parse::parse_dataset;

/// The text of data/report-2021.json.
pub const REPORT_2021_JSON: &str = include_str!("../../data/report-2021.json");

/// The built-in 2021 report, parsed.
pub fn report_2021() -> Dataset {
    parse_dataset(REPORT_2021_JSON).expect("the built-in dataset is valid (tested)")
}
