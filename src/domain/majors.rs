//! Majors as one major however many codes they are written under. The 2021 national catalogue
//! of vocational majors gave majors new codes (软件技术 was 610205 and is now 510203), so the
//! records of a changeover year name one major under both. A major is known by its name; its
//! codes are kept, and shown wherever they tell entries apart.

use super::lang::Lang;
use super::model::Major;

/// One major of a dataset: its name and every code it is written under, in the order met.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MajorValue {
    /// The first code met (empty for a major known by name alone).
    pub code: String,
    pub name: String,
    /// Codes met after the first, under the same name.
    pub other_codes: Vec<String>,
}

impl MajorValue {
    pub fn new(major: &Major) -> MajorValue {
        MajorValue {
            code: major.code.clone(),
            name: major.name.clone(),
            other_codes: Vec::new(),
        }
    }

    /// Adds the code of another entry of the same major, if it is new.
    pub fn add_code(&mut self, code: &str) {
        if code.is_empty() || code == self.code || self.other_codes.iter().any(|c| c == code) {
            return;
        }
        if self.code.is_empty() {
            self.code = code.to_string();
        } else {
            self.other_codes.push(code.to_string());
        }
    }

    /// Every code, the first one first.
    pub fn codes(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.code.as_str())
            .filter(|code| !code.is_empty())
            .chain(self.other_codes.iter().map(String::as_str))
    }

    /// What a filter names it by: its code where it has one, its name where it has none or
    /// several (so that one value stands for every code of the major).
    pub fn key(&self) -> &str {
        if self.code.is_empty() || !self.other_codes.is_empty() {
            &self.name
        } else {
            &self.code
        }
    }

    /// Whether a filter's value names this major: its key, any of its codes, or its name.
    pub fn answers_to(&self, value: &str) -> bool {
        value == self.name
            || (!self.code.is_empty() && value == self.code)
            || self.other_codes.iter().any(|code| code == value)
    }

    /// `560118 工业设计`, `610205 / 510203 软件技术` (every code), or the name alone.
    pub fn label(&self) -> String {
        let mut label = self.code.clone();
        for code in &self.other_codes {
            label.push_str(" / ");
            label.push_str(code);
        }
        if !label.is_empty() && !self.name.is_empty() {
            label.push(' ');
        }
        label.push_str(&self.name);
        label
    }

    /// Why it is counted once although written under several codes, if it is.
    pub fn why_one(&self, lang: Lang) -> Option<String> {
        if self.other_codes.is_empty() {
            return None;
        }
        let codes: Vec<&str> = self.codes().collect();
        Some(match lang {
            Lang::Zh => format!(
                "“{}”在数据中有 {} 个专业代码（{}），是专业目录调整前后的新旧代码，按名称计为一个专业。",
                self.name,
                codes.len(),
                codes.join("、")
            ),
            Lang::En => format!(
                "“{}” is written under {} major codes ({}), the old and new codes of a catalogue change, and is counted as one major by its name.",
                self.name,
                codes.len(),
                codes.join(", ")
            ),
        })
    }
}

/// What a major is the same major by: its name (without white space around it), or its code
/// where it has no name.
pub fn identity(major: &Major) -> &str {
    let name = major.name.trim();
    if name.is_empty() {
        major.code.trim()
    } else {
        name
    }
}

/// The distinct majors of these entries, by name, in the order met.
pub fn distinct<'a>(majors: impl IntoIterator<Item = &'a Major>) -> Vec<MajorValue> {
    // (Keyed as the index keys its majors: one kind of map in the page's code, not two.)
    let mut positions: std::collections::HashMap<&str, u32> = std::collections::HashMap::new();
    let mut values: Vec<MajorValue> = Vec::new();
    for major in majors {
        match positions.entry(identity(major)) {
            std::collections::hash_map::Entry::Occupied(at) => {
                values[*at.get() as usize].add_code(&major.code);
            }
            std::collections::hash_map::Entry::Vacant(slot) => {
                slot.insert(values.len() as u32);
                values.push(MajorValue::new(major));
            }
        }
    }
    values
}

#[cfg(test)]
mod tests {
    use super::*;

    fn major(code: &str, name: &str) -> Major {
        Major {
            code: code.into(),
            name: name.into(),
        }
    }

    #[test]
    fn one_name_under_the_old_and_the_new_code_is_one_major() {
        let entries = [
            major("610205", "软件技术"),
            major("560118", "工业设计"),
            major("510203", "软件技术"),
            major("510203", " 软件技术 "),
            major("", "工业设计"),
        ];
        let values = distinct(&entries);
        assert_eq!(values.len(), 2);
        let software = &values[0];
        assert_eq!(software.codes().collect::<Vec<_>>(), ["610205", "510203"]);
        assert_eq!(software.label(), "610205 / 510203 软件技术");
        assert_eq!(software.key(), "软件技术", "a filter names it by name");
        assert!(software.answers_to("610205") && software.answers_to("510203"));
        assert!(
            software
                .why_one(Lang::Zh)
                .unwrap()
                .contains("（610205、510203）")
        );
        let design = &values[1];
        assert_eq!(design.key(), "560118", "one code: the code, as before");
        assert_eq!(design.label(), "560118 工业设计");
        assert_eq!(design.why_one(Lang::Zh), None);
        // A major known by name alone takes the code met later.
        let late = distinct(&[major("", "物流管理"), major("530802", "物流管理")]);
        assert_eq!((late[0].code.as_str(), late[0].key()), ("530802", "530802"));
    }
}
