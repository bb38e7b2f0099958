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
    /// The link of a dataset as opened (edits change the data, not which dataset it is).
    pub fn of(dataset: &Dataset) -> DatasetLink {
        let text = serde_json::to_string(dataset).expect("a dataset always serialises");
        DatasetLink {
            title: dataset.title.trim().to_string(),
            hash: format!("{:08x}", fnv1a(text.as_bytes()) >> 32),
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
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    })
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
