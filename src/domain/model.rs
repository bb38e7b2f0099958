//! The validated dataset model (format v1, see docs/dataset-format.md) and its JSON form.

use serde::ser::{SerializeStruct, Serializer};
use serde::{Deserialize, Serialize};

use super::lang::Lang;

/// The key two batch spellings share when they name the same batch: white space removed and
/// a final 次 dropped ("2021 年第一批次" and "2021年第一批" are one batch).
pub fn batch_key(label: &str) -> String {
    let squeezed: String = label.chars().filter(|c| !c.is_whitespace()).collect();
    match squeezed.strip_suffix('次') {
        Some(stem) => stem.to_string(),
        None => squeezed,
    }
}

/// The value of the top-level `format` key that marks a dataset file.
pub const FORMAT_TAG: &str = "1x-pilot-dataset";
/// The newest format version this app reads and writes. A file is written as version 1 unless
/// it needs version 2 (a major without a code), so files stay readable by older copies of the
/// app wherever they can be; those copies refuse a version 2 file as one from a newer app.
pub const FORMAT_VERSION: u64 = 2;

/// A whole dataset: what one file holds, after validation.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Dataset {
    pub title: String,
    pub institution: Option<String>,
    /// The date results are counted to, `YYYY-MM-DD`, already checked to be a real date.
    pub as_of: Option<String>,
    pub summary: Vec<SummaryItem>,
    pub reported_totals: Option<ReportedTotals>,
    pub records: Vec<Record>,
}

/// Writes the file form: `format` and `version` first, optional keys only when present.
impl Serialize for Dataset {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut file = serializer.serialize_struct("Dataset", 8)?;
        file.serialize_field("format", FORMAT_TAG)?;
        file.serialize_field("version", &self.format_version())?;
        file.serialize_field("title", &self.title)?;
        if let Some(institution) = &self.institution {
            file.serialize_field("institution", institution)?;
        }
        if let Some(as_of) = &self.as_of {
            file.serialize_field("as_of", as_of)?;
        }
        if !self.summary.is_empty() {
            file.serialize_field("summary", &self.summary)?;
        }
        if let Some(totals) = &self.reported_totals {
            file.serialize_field("reported_totals", totals)?;
        }
        file.serialize_field("records", &self.records)?;
        file.end()
    }
}

impl Dataset {
    /// The version its file is written as: 2 only where a major has no code.
    pub fn format_version(&self) -> u64 {
        let codeless = self
            .records
            .iter()
            .any(|record| record.majors.iter().any(|major| major.code.is_empty()));
        if codeless { 2 } else { 1 }
    }

    /// The dataset as a pretty-printed format v1 JSON file.
    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(self).expect("a dataset always serialises")
    }

    /// The dataset with only the records at `indices` (in that order). The report's printed
    /// totals are of all its records, so a part of it carries none.
    pub fn subset(&self, indices: &[u32]) -> Dataset {
        Dataset {
            title: self.title.clone(),
            institution: self.institution.clone(),
            as_of: self.as_of.clone(),
            summary: self.summary.clone(),
            reported_totals: None,
            records: indices
                .iter()
                .filter_map(|&i| self.records.get(i as usize).cloned())
                .collect(),
        }
    }
}

/// A report-level figure that is not per certificate (teachers trained, sites, money).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SummaryItem {
    pub label: String,
    #[serde(serialize_with = "write_number")]
    pub value: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
}

/// Whole numbers are written without a fraction (`111`, not `111.0`), as people write them.
fn write_number<S: Serializer>(value: &f64, serializer: S) -> Result<S::Ok, S::Error> {
    if value.fract() == 0.0 && value.abs() < 9.0e15 {
        serializer.serialize_i64(*value as i64)
    } else {
        serializer.serialize_f64(*value)
    }
}

/// The totals exactly as the source report printed them, kept for reconciliation.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct ReportedTotals {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pilots: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub certificate_levels: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub majors: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub approved_trainees: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub social_training_person_days: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub registered: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub certified: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pass_rate_percent: Option<f64>,
}

/// One certificate pilot at one level in one batch. (Deserialize is for the app's own stored
/// edits; files are read by the validating parser in `parse.rs`.)
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Record {
    pub batch: String,
    pub certificate: String,
    pub level: Level,
    pub majors: Vec<Major>,
    pub approved_trainees: Option<u64>,
    pub social_training_person_days: Option<u64>,
    pub registered: u64,
    /// `None` means the results are not yet published (the report's `--`).
    pub certified: Option<u64>,
    pub reported_pass_rate_percent: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl Record {
    /// What no two records of a file may share: the batch (as [`batch_key`] normalises it),
    /// the certificate's name and the level.
    pub fn identity(&self) -> (String, String, Level) {
        (
            batch_key(&self.batch),
            self.certificate.trim().to_string(),
            self.level,
        )
    }

    /// The record named in full, as lists of changes and warnings name it:
    /// `2021年第一批 · 物流管理 · 中级` (the level in `lang`).
    pub fn full_name(&self, lang: Lang) -> String {
        format!(
            "{} · {} · {}",
            self.batch,
            self.certificate,
            self.level.label(lang)
        )
    }
}

/// A major a pilot covers: the national major code and its name. Colleges' own workbooks often
/// name a major without its code: `code` is then empty (format version 2 leaves it out).
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Major {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub code: String,
    pub name: String,
}

impl Major {
    /// What the filter, its counts and the charts know the major by: its code, or its name
    /// where it has none.
    pub fn key(&self) -> &str {
        if self.code.is_empty() {
            &self.name
        } else {
            &self.code
        }
    }

    /// `560118 工业设计`, or the name alone.
    pub fn label(&self) -> String {
        match (self.code.is_empty(), self.name.is_empty()) {
            (true, _) => self.name.clone(),
            (false, true) => self.code.clone(),
            (false, false) => format!("{} {}", self.code, self.name),
        }
    }
}

/// The certificate level. Nothing but these three is accepted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Level {
    #[serde(rename = "初级")]
    Elementary,
    #[serde(rename = "中级")]
    Intermediate,
    #[serde(rename = "高级")]
    Advanced,
}

impl Level {
    pub const ALL: [Level; 3] = [Level::Elementary, Level::Intermediate, Level::Advanced];

    /// The level as the file writes it (and as the Chinese interface shows it).
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Elementary => "初级",
            Level::Intermediate => "中级",
            Level::Advanced => "高级",
        }
    }

    /// The level as the interface shows it: `中级`, or `Intermediate` in English. (Files,
    /// filters' values and addresses always use [`Level::as_str`].)
    pub fn label(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Zh => self.as_str(),
            Lang::En => self.english(),
        }
    }

    pub fn english(self) -> &'static str {
        match self {
            Level::Elementary => "Elementary",
            Level::Intermediate => "Intermediate",
            Level::Advanced => "Advanced",
        }
    }

    /// The level's place in [`Level::ALL`].
    pub fn ordinal(self) -> usize {
        self as usize
    }

    pub fn from_file(text: &str) -> Option<Level> {
        Level::ALL.into_iter().find(|level| level.as_str() == text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_are_shown_in_the_interface_language() {
        assert_eq!(Level::Intermediate.label(Lang::Zh), "中级");
        assert_eq!(Level::Elementary.label(Lang::En), "Elementary");
        assert_eq!(Level::Advanced.label(Lang::En), "Advanced");
        // The file's spelling does not change with the language.
        assert_eq!(
            Level::from_file(Level::Advanced.as_str()),
            Some(Level::Advanced)
        );
    }
}
