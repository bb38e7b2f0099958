//! Which dataset a copied link is about: its title and a short hash of its content as opened,
//! written into the address as `dataset=标题~1a2b3c4d`. A link opened in a browser that does
//! not hold that dataset can then say so instead of filtering other data to nothing.

use super::model::Dataset;

/// The address parameter that names the dataset.
pub const PARAM: &str = "dataset";

/// A dataset as a link names it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DatasetLink {
    pub title: String,
    /// Eight hex digits of a hash of the dataset's file form.
    pub hash: String,
}

impl DatasetLink {
    /// The link of a dataset as opened (edits change the data, not which dataset it is). The
    /// hash is of the title and every record's fields, read in place (no copy of the data is
    /// written out for it: a dataset of 100,000 records is hashed in milliseconds).
    pub fn of(dataset: &Dataset) -> DatasetLink {
        let mut hash = Fnv::default();
        hash.text(&dataset.title);
        for record in &dataset.records {
            hash.text(&record.batch);
            hash.text(&record.certificate);
            hash.text(record.level.as_str());
            for major in &record.majors {
                hash.text(&major.code);
                hash.text(&major.name);
            }
            for count in [
                record.approved_trainees,
                record.social_training_person_days,
                Some(record.registered),
                record.certified,
            ] {
                hash.bytes(&count.map_or(u64::MAX, |n| n).to_le_bytes());
            }
            hash.bytes(
                &record
                    .reported_pass_rate_percent
                    .unwrap_or(-1.0)
                    .to_le_bytes(),
            );
            hash.text(record.note.as_deref().unwrap_or(""));
        }
        DatasetLink {
            title: dataset.title.trim().to_string(),
            hash: format!("{:08x}", hash.0 >> 32),
        }
    }

    /// `标题~1a2b3c4d`, the parameter's value (the title first, so a link reads as what it is).
    pub fn to_param(&self) -> String {
        let title: String = self.title.chars().take(40).collect();
        format!("{title}~{}", self.hash)
    }

    /// Reads the parameter's value; `None` where it is not of that form.
    pub fn from_param(value: &str) -> Option<DatasetLink> {
        let (title, hash) = value.rsplit_once('~')?;
        let hash_ok = hash.len() == 8 && hash.bytes().all(|b| b.is_ascii_hexdigit());
        hash_ok.then(|| DatasetLink {
            title: title.trim().to_string(),
            hash: hash.to_ascii_lowercase(),
        })
    }

    /// The dataset a query string names, if it names one.
    pub fn from_query(query: &str) -> Option<DatasetLink> {
        let query = query.strip_prefix('?').unwrap_or(query);
        form_urlencoded::parse(query.as_bytes())
            .find(|(key, _)| key == PARAM)
            .and_then(|(_, value)| DatasetLink::from_param(&value))
    }

    /// Whether this link names `other`'s dataset (the content decides; titles may repeat).
    pub fn names(&self, other: &DatasetLink) -> bool {
        self.hash == other.hash
    }
}

/// The 64-bit FNV-1a hash: small, stable across builds and platforms.
struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Fnv {
    fn bytes(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.0 = (self.0 ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
        }
    }

    /// A text and its end, so that ("ab", "c") and ("a", "bc") differ.
    fn text(&mut self, text: &str) {
        self.bytes(text.as_bytes());
        self.bytes(&[0xff]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::builtin::report_2021;

    #[test]
    fn a_link_names_the_dataset_by_title_and_content() {
        let dataset = report_2021();
        let link = DatasetLink::of(&dataset);
        assert_eq!(link.title, dataset.title);
        assert_eq!(link.hash.len(), 8);
        assert_eq!(DatasetLink::of(&report_2021()), link, "stable");

        let mut other = dataset.clone();
        other.records[0].registered += 1;
        assert!(!DatasetLink::of(&other).names(&link), "other content");
        let mut moved = dataset.clone();
        moved.records[0].batch.push('年');
        moved.records[0].certificate.remove(0);
        assert!(!DatasetLink::of(&moved).names(&link), "other text");
    }

    #[test]
    fn the_parameter_survives_the_address() {
        let link = DatasetLink {
            title: "2022年试点 ~ 第二版".into(),
            hash: "0a1b2c3d".into(),
        };
        let query = form_urlencoded::Serializer::new(String::new())
            .append_pair(PARAM, &link.to_param())
            .append_pair("level", "初级")
            .finish();
        assert_eq!(DatasetLink::from_query(&format!("?{query}")), Some(link));
        assert_eq!(DatasetLink::from_query("level=初级"), None);
        assert_eq!(DatasetLink::from_query("dataset=abc"), None);
        assert_eq!(DatasetLink::from_query("dataset=abc~xyz"), None);
    }
}
