//! Reads a dataset file (format v1) into a [`Dataset`], checking every rule of
//! docs/dataset-format.md and reporting every broken one, not just the first.

use serde_json::{Map, Value};
use std::collections::HashMap;

use super::error::{DatasetError, Expected, Found, Problem, RecordRef, shorten};
use super::model::{
    Dataset, FORMAT_TAG, FORMAT_VERSION, Level, Major, Record, ReportedTotals, SummaryItem,
};
use super::suggest::nearest_key;

const TOP_KEYS: &[&str] = &[
    "format",
    "version",
    "title",
    "institution",
    "as_of",
    "summary",
    "reported_totals",
    "records",
];
const SUMMARY_KEYS: &[&str] = &["label", "value", "unit"];
const TOTALS_KEYS: &[&str] = &[
    "pilots",
    "certificate_levels",
    "majors",
    "approved_trainees",
    "social_training_person_days",
    "registered",
    "certified",
    "pass_rate_percent",
];
const RECORD_KEYS: &[&str] = &[
    "batch",
    "certificate",
    "level",
    "majors",
    "approved_trainees",
    "social_training_person_days",
    "registered",
    "certified",
    "reported_pass_rate_percent",
    "note",
];
const MAJOR_KEYS: &[&str] = &["code", "name"];

/// The largest file the app reads: a 100,000-record dataset is about 36 MB.
pub const MAX_FILE_BYTES: usize = 40 * 1024 * 1024;

/// A file over [`MAX_FILE_BYTES`] is refused before it is read.
pub fn check_size(bytes: &[u8]) -> Result<(), Vec<DatasetError>> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(vec![DatasetError::whole_file(Problem::TooLarge {
            bytes: bytes.len(),
            limit: MAX_FILE_BYTES,
        })]);
    }
    Ok(())
}

/// Reads a file's bytes: they must be UTF-8 (a leading byte-order mark is allowed).
pub fn parse_dataset_bytes(bytes: &[u8]) -> Result<Dataset, Vec<DatasetError>> {
    check_size(bytes)?;
    match std::str::from_utf8(bytes) {
        Ok(text) => parse_dataset(text),
        Err(_) => Err(vec![DatasetError::whole_file(Problem::NotText)]),
    }
}

/// Reads a dataset file's text. On error, every problem found is returned, in file order.
pub fn parse_dataset(text: &str) -> Result<Dataset, Vec<DatasetError>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(vec![DatasetError::whole_file(Problem::Empty)]);
    }
    let value: Value = serde_json::from_str(text).map_err(|error| vec![syntax_error(&error)])?;
    parse_dataset_value(&value)
}

/// Checks a dataset already read as JSON (a table file is turned into one).
pub fn parse_dataset_value(value: &Value) -> Result<Dataset, Vec<DatasetError>> {
    let Value::Object(top) = value else {
        return Err(vec![DatasetError::whole_file(Problem::NotADataset {
            found: Found::of(value),
        })]);
    };
    let mut checker = Checker::default();
    let dataset = checker.dataset(top);
    match dataset {
        Some(dataset) if checker.errors.is_empty() => Ok(dataset),
        _ => Err(checker.errors),
    }
}

fn syntax_error(error: &serde_json::Error) -> DatasetError {
    let full = error.to_string();
    let detail = match full.rfind(" at line ") {
        Some(cut) => full[..cut].to_string(),
        None => full,
    };
    DatasetError {
        line_column: (error.line() > 0).then(|| (error.line(), error.column())),
        record: None,
        key: None,
        problem: Problem::Syntax { detail },
    }
}

/// Where a value sits: the path to its object, and the record it belongs to.
#[derive(Clone, Default)]
struct Place {
    path: String,
    record: Option<RecordRef>,
}

impl Place {
    fn key(&self, key: &str) -> String {
        if self.path.is_empty() {
            key.to_string()
        } else {
            format!("{}.{key}", self.path)
        }
    }

    fn child(&self, path: String) -> Place {
        Place {
            path,
            record: self.record.clone(),
        }
    }
}

/// Whether a key must be there, and whether it may be `null`.
#[derive(Clone, Copy, PartialEq)]
enum Need {
    Required,
    Optional,
}

#[derive(Default)]
struct Checker {
    errors: Vec<DatasetError>,
    /// The file's format version, once read (0 until then).
    version: u64,
}

impl Checker {
    fn report(&mut self, place: &Place, key: Option<String>, problem: Problem) {
        self.errors.push(DatasetError {
            line_column: None,
            record: place.record.clone(),
            key,
            problem,
        });
    }

    fn dataset(&mut self, top: &Map<String, Value>) -> Option<Dataset> {
        let place = Place::default();
        match top.get("format") {
            None => self.report(
                &place,
                Some("format".into()),
                Problem::Missing {
                    expected: Expected::Text,
                },
            ),
            Some(Value::String(tag)) if tag == FORMAT_TAG => {}
            Some(other) => {
                // Another kind of file altogether: its other keys would only add noise.
                self.report(
                    &place,
                    Some("format".into()),
                    Problem::NotADataset {
                        found: Found::of(other),
                    },
                );
                return None;
            }
        }
        match top.get("version") {
            None => self.report(
                &place,
                Some("version".into()),
                Problem::Missing {
                    expected: Expected::VersionOne,
                },
            ),
            Some(version) => match version.as_u64() {
                Some(known @ 1..=FORMAT_VERSION) => self.version = known,
                Some(newer) if newer > FORMAT_VERSION => {
                    // Never guess at a newer format: this one error says all there is to say.
                    self.errors = vec![DatasetError {
                        line_column: None,
                        record: None,
                        key: Some("version".into()),
                        problem: Problem::NewerVersion { found: newer },
                    }];
                    return None;
                }
                _ => self.report(
                    &place,
                    Some("version".into()),
                    Problem::Wrong {
                        found: Found::of(version),
                        expected: Expected::VersionOne,
                    },
                ),
            },
        }
        self.unknown_keys(top, TOP_KEYS, &place);

        let title = self.text(top, "title", Need::Required, true, &place);
        let institution = self.text(top, "institution", Need::Optional, false, &place);
        let as_of = self.date(top, "as_of", &place);
        let summary = self.summary(top, &place);
        let reported_totals = self.reported_totals(top, &place);
        let records = self.records(top);
        Some(Dataset {
            title: title?,
            institution,
            as_of,
            summary,
            reported_totals,
            records: records?,
        })
    }

    fn unknown_keys(&mut self, object: &Map<String, Value>, known: &[&'static str], at: &Place) {
        for key in object.keys().filter(|key| !known.contains(&key.as_str())) {
            self.report(
                at,
                Some(at.key(&shorten(key, 40))),
                Problem::UnknownKey {
                    suggestion: nearest_key(key, known),
                },
            );
        }
    }

    fn wrong(&mut self, at: &Place, key: &str, value: &Value, expected: Expected) {
        self.report(
            at,
            Some(at.key(key)),
            Problem::Wrong {
                found: Found::of(value),
                expected,
            },
        );
    }

    fn missing(&mut self, at: &Place, key: &str, expected: Expected) {
        self.report(at, Some(at.key(key)), Problem::Missing { expected });
    }

    /// A text value. `None` when absent (and then reported if required) or wrong.
    fn text(
        &mut self,
        object: &Map<String, Value>,
        key: &str,
        need: Need,
        non_empty: bool,
        at: &Place,
    ) -> Option<String> {
        let expected = if non_empty {
            Expected::NonEmptyText
        } else {
            Expected::Text
        };
        match object.get(key) {
            None => {
                if need == Need::Required {
                    self.missing(at, key, expected);
                }
                None
            }
            Some(Value::String(text)) if !(non_empty && text.trim().is_empty()) => {
                Some(text.clone())
            }
            Some(other) => {
                self.wrong(at, key, other, expected);
                None
            }
        }
    }

    /// A whole number ≥ 0. The outer `Option` is `None` when the value is unusable; the inner
    /// one is `None` for an absent or null value where `nullable` allows it.
    fn count(
        &mut self,
        object: &Map<String, Value>,
        key: &str,
        need: Need,
        nullable: bool,
        at: &Place,
    ) -> Option<Option<u64>> {
        let expected = if nullable {
            Expected::CountOrNull
        } else {
            Expected::Count
        };
        match object.get(key) {
            None if need == Need::Required => {
                self.missing(at, key, expected);
                None
            }
            None => Some(None),
            Some(Value::Null) if nullable => Some(None),
            Some(value) => match value.as_u64() {
                Some(count) => Some(Some(count)),
                None => {
                    self.wrong(at, key, value, expected);
                    None
                }
            },
        }
    }

    /// A percentage from 0 to 100, or null.
    fn percent(&mut self, object: &Map<String, Value>, key: &str, at: &Place) -> Option<f64> {
        let value = object.get(key)?;
        if value.is_null() {
            return None;
        }
        match value.as_f64() {
            Some(percent) if (0.0..=100.0).contains(&percent) => Some(percent),
            _ => {
                self.wrong(at, key, value, Expected::PercentOrNull);
                None
            }
        }
    }

    fn date(&mut self, object: &Map<String, Value>, key: &str, at: &Place) -> Option<String> {
        let value = object.get(key)?;
        match value {
            Value::String(text) if is_calendar_date(text) => Some(text.clone()),
            other => {
                self.wrong(at, key, other, Expected::Date);
                None
            }
        }
    }

    fn array<'v>(
        &mut self,
        object: &'v Map<String, Value>,
        key: &str,
        need: Need,
        at: &Place,
    ) -> Option<&'v Vec<Value>> {
        match object.get(key) {
            None => {
                if need == Need::Required {
                    self.missing(at, key, Expected::Array);
                }
                None
            }
            Some(Value::Array(items)) => Some(items),
            Some(other) => {
                self.wrong(at, key, other, Expected::Array);
                None
            }
        }
    }

    /// The items of an array that are objects, each with its place (`key[i]`); every other item
    /// is reported as not an object.
    fn objects<'v>(
        &mut self,
        items: &'v [Value],
        key: &str,
        at: &Place,
    ) -> Vec<(Place, &'v Map<String, Value>)> {
        let mut objects = Vec::with_capacity(items.len());
        for (index, item) in items.iter().enumerate() {
            let place = at.child(format!("{key}[{index}]"));
            match item {
                Value::Object(object) => objects.push((place, object)),
                other => self.report(
                    at,
                    Some(place.path.clone()),
                    Problem::Wrong {
                        found: Found::of(other),
                        expected: Expected::Object,
                    },
                ),
            }
        }
        objects
    }

    fn summary(&mut self, top: &Map<String, Value>, at: &Place) -> Vec<SummaryItem> {
        let Some(items) = self.array(top, "summary", Need::Optional, at) else {
            return Vec::new();
        };
        let mut summary = Vec::new();
        for (place, object) in self.objects(items, "summary", at) {
            self.unknown_keys(object, SUMMARY_KEYS, &place);
            let label = self.text(object, "label", Need::Required, false, &place);
            let unit = self.text(object, "unit", Need::Optional, false, &place);
            let value = match object.get("value") {
                None => {
                    self.missing(&place, "value", Expected::Number);
                    None
                }
                Some(value) => match value.as_f64() {
                    Some(number) => Some(number),
                    None => {
                        self.wrong(&place, "value", value, Expected::Number);
                        None
                    }
                },
            };
            if let (Some(label), Some(value)) = (label, value) {
                summary.push(SummaryItem { label, value, unit });
            }
        }
        summary
    }

    fn reported_totals(&mut self, top: &Map<String, Value>, at: &Place) -> Option<ReportedTotals> {
        let value = top.get("reported_totals")?;
        let Value::Object(object) = value else {
            self.wrong(at, "reported_totals", value, Expected::Object);
            return None;
        };
        let place = at.child("reported_totals".into());
        self.unknown_keys(object, TOTALS_KEYS, &place);
        let mut count = |key: &str| {
            self.count(object, key, Need::Optional, false, &place)
                .flatten()
        };
        let totals = ReportedTotals {
            pilots: count("pilots"),
            certificate_levels: count("certificate_levels"),
            majors: count("majors"),
            approved_trainees: count("approved_trainees"),
            social_training_person_days: count("social_training_person_days"),
            registered: count("registered"),
            certified: count("certified"),
            pass_rate_percent: None,
        };
        let pass_rate_percent = match object.get("pass_rate_percent") {
            None => None,
            Some(value) => match value.as_f64() {
                Some(percent) if (0.0..=100.0).contains(&percent) => Some(percent),
                _ => {
                    self.wrong(&place, "pass_rate_percent", value, Expected::Percent);
                    None
                }
            },
        };
        Some(ReportedTotals {
            pass_rate_percent,
            ..totals
        })
    }

    fn records(&mut self, top: &Map<String, Value>) -> Option<Vec<Record>> {
        let items = self.array(top, "records", Need::Required, &Place::default())?;
        let mut records = Vec::with_capacity(items.len());
        let mut first_seen: HashMap<(String, String, Level), usize> = HashMap::new();
        let mut all_valid = true;
        for (index, item) in items.iter().enumerate() {
            let position = index + 1;
            match self.record(item, position) {
                Some(record) => {
                    let identity = record.identity();
                    if let Some(&first_position) = first_seen.get(&identity) {
                        let place = Place {
                            path: String::new(),
                            record: Some(record_ref(item, position)),
                        };
                        self.report(&place, None, Problem::Duplicate { first_position });
                    } else {
                        first_seen.insert(identity, position);
                    }
                    records.push(record);
                }
                None => all_valid = false,
            }
        }
        all_valid.then_some(records)
    }

    fn record(&mut self, item: &Value, position: usize) -> Option<Record> {
        let place = Place {
            path: String::new(),
            record: Some(record_ref(item, position)),
        };
        let Value::Object(object) = item else {
            self.report(
                &place,
                None,
                Problem::Wrong {
                    found: Found::of(item),
                    expected: Expected::Object,
                },
            );
            return None;
        };
        let errors_before = self.errors.len();
        self.unknown_keys(object, RECORD_KEYS, &place);
        let batch = self.text(object, "batch", Need::Required, true, &place);
        let certificate = self.text(object, "certificate", Need::Required, true, &place);
        let level = match object.get("level") {
            None => {
                self.missing(&place, "level", Expected::Level);
                None
            }
            Some(value) => {
                let level = value
                    .as_str()
                    .and_then(|text| Level::from_file(text.trim()));
                if level.is_none() {
                    self.wrong(&place, "level", value, Expected::Level);
                }
                level
            }
        };
        let majors = self.majors(object, &place);
        let approved_trainees =
            self.count(object, "approved_trainees", Need::Optional, true, &place);
        let social_training_person_days = self.count(
            object,
            "social_training_person_days",
            Need::Optional,
            true,
            &place,
        );
        let registered = self.count(object, "registered", Need::Required, false, &place);
        let certified = self.count(object, "certified", Need::Required, true, &place);
        let reported_pass_rate_percent = self.percent(object, "reported_pass_rate_percent", &place);
        let note = self.text(object, "note", Need::Optional, false, &place);

        if let (Some(Some(registered)), Some(Some(certified))) = (registered, certified)
            && certified > registered
        {
            self.report(
                &place,
                Some("certified".into()),
                Problem::CertifiedExceedsRegistered {
                    certified,
                    registered,
                },
            );
        }
        if self.errors.len() > errors_before {
            return None;
        }
        Some(Record {
            batch: batch?,
            certificate: certificate?,
            level: level?,
            majors: majors?,
            approved_trainees: approved_trainees?,
            social_training_person_days: social_training_person_days?,
            registered: registered??,
            certified: certified?,
            reported_pass_rate_percent,
            note,
        })
    }

    fn majors(&mut self, object: &Map<String, Value>, at: &Place) -> Option<Vec<Major>> {
        let items = self.array(object, "majors", Need::Required, at)?;
        let mut majors = Vec::with_capacity(items.len());
        for (place, major) in self.objects(items, "majors", at) {
            self.unknown_keys(major, MAJOR_KEYS, &place);
            // Version 2 carries majors known only by name: no code, a name that is not empty.
            let codeless = self.version >= 2 && !major.contains_key("code");
            if codeless {
                if let Some(name) = self.text(major, "name", Need::Required, true, &place) {
                    majors.push(Major {
                        code: String::new(),
                        name,
                    });
                }
                continue;
            }
            let code = self.text(major, "code", Need::Required, true, &place);
            let name = self.text(major, "name", Need::Required, false, &place);
            if let (Some(code), Some(name)) = (code, name) {
                majors.push(Major { code, name });
            }
        }
        Some(majors)
    }
}

/// What can be read of a record's identity, for naming it in messages, however broken it is.
fn record_ref(item: &Value, position: usize) -> RecordRef {
    let read = |key: &str| {
        item.get(key)
            .and_then(Value::as_str)
            .filter(|text| !text.trim().is_empty())
            .map(|text| shorten(text, 30))
    };
    RecordRef {
        position,
        batch: read("batch"),
        certificate: read("certificate"),
        level: read("level"),
    }
}

/// `YYYY-MM-DD`, and a day that exists in that month.
pub fn is_calendar_date(text: &str) -> bool {
    let bytes = text.as_bytes();
    if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return false;
    }
    let digits = |range: std::ops::Range<usize>| -> Option<u32> {
        let part = &text[range];
        part.bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| part.parse().ok())
            .flatten()
    };
    let (Some(year), Some(month), Some(day)) = (digits(0..4), digits(5..7), digits(8..10)) else {
        return false;
    };
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let days_in_month = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days_in_month).contains(&day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn calendar_dates_are_checked_for_real_days() {
        assert!(is_calendar_date("2021-12-31"));
        assert!(is_calendar_date("2024-02-29"));
        assert!(!is_calendar_date("2023-02-29"));
        assert!(!is_calendar_date("2021-13-01"));
        assert!(!is_calendar_date("2021-1-1"));
        assert!(!is_calendar_date("2021/12/31"));
        assert!(!is_calendar_date("２０２１-12-31"));
    }
}
