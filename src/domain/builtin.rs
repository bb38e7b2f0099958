//! The dataset compiled into the app: the 2021 report, so the page shows it with no request.
//!
//! build.rs writes data/report-2021.json as the constants below (`builtin_data.rs`), so that
//! the first screen needs no JSON reader; the tests check that they are the dataset the
//! validating parser reads from the file.

use super::model::{Dataset, Level, Major, Record, ReportedTotals, SummaryItem};

/// The text of data/report-2021.json.
pub const REPORT_2021_JSON: &str = include_str!("../../data/report-2021.json");

/// A summary item: label, value, unit.
type Item = (&'static str, f64, Option<&'static str>);
/// The reported totals: pilots, certificate levels, majors, approved trainees, social training
/// person-days, registered, certified; the pass rate.
type Totals = ([Option<u64>; 7], Option<f64>);

/// A record as written in the constants.
struct Row {
    batch: &'static str,
    certificate: &'static str,
    level: Level,
    majors: &'static [(&'static str, &'static str)],
    approved_trainees: Option<u64>,
    social_training_person_days: Option<u64>,
    registered: u64,
    certified: Option<u64>,
    reported_pass_rate_percent: Option<f64>,
    note: Option<&'static str>,
}

include!(concat!(env!("OUT_DIR"), "/builtin_data.rs"));

/// The built-in 2021 report.
pub fn report_2021() -> Dataset {
    let text = |s: Option<&str>| s.map(str::to_string);
    Dataset {
        title: TITLE.to_string(),
        institution: text(INSTITUTION),
        as_of: text(AS_OF),
        summary: SUMMARY
            .iter()
            .map(|&(label, value, unit)| SummaryItem {
                label: label.to_string(),
                value,
                unit: text(unit),
            })
            .collect(),
        reported_totals: TOTALS.map(|(counts, pass_rate_percent)| {
            let [
                pilots,
                certificate_levels,
                majors,
                approved_trainees,
                social_training_person_days,
                registered,
                certified,
            ] = counts;
            ReportedTotals {
                pilots,
                certificate_levels,
                majors,
                approved_trainees,
                social_training_person_days,
                registered,
                certified,
                pass_rate_percent,
            }
        }),
        records: RECORDS
            .iter()
            .map(|row| Record {
                batch: row.batch.to_string(),
                certificate: row.certificate.to_string(),
                level: row.level,
                majors: row
                    .majors
                    .iter()
                    .map(|&(code, name)| Major {
                        code: code.to_string(),
                        name: name.to_string(),
                    })
                    .collect(),
                approved_trainees: row.approved_trainees,
                social_training_person_days: row.social_training_person_days,
                registered: row.registered,
                certified: row.certified,
                reported_pass_rate_percent: row.reported_pass_rate_percent,
                note: text(row.note),
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::parse::parse_dataset;

    #[test]
    fn the_compiled_report_is_the_file_as_the_parser_reads_it() {
        let parsed = parse_dataset(REPORT_2021_JSON).expect("the built-in dataset is valid");
        assert_eq!(report_2021(), parsed);
        assert_eq!(parsed.records.len(), 38);
        assert!(parsed.reported_totals.is_some());
        assert_eq!(parsed.summary.len(), 4);
    }
}
