//! The datasets kept in this browser, as a catalog: each dataset's title, year, size and where
//! it came from, which one is on screen, and the comparison the user set up between two of them
//! (with the links and unlinks they made for each pair). Each dataset's work (the data as
//! loaded, its edits and history) is stored apart, as the envelope of `saved.rs`, under its id.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::compare::Pairing;
use super::lang::Lang;
use super::model::Dataset;
use super::saved::APP_TAG;

/// The built-in report's id.
pub const BUILTIN_ID: &str = "builtin";
/// The catalog's layout version.
pub const CATALOG_VERSION: u64 = 1;

/// One dataset of the library.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    pub id: String,
    /// As the library shows it; the dataset's own title until the user renames it.
    pub title: String,
    /// The year it reports on: from `as_of`, else from its title or batches, else set by the
    /// user.
    #[serde(default)]
    pub year: Option<i32>,
    pub records: usize,
    #[serde(default)]
    pub source_name: Option<String>,
    /// The school the dataset is about (its `institution`), where it names one: a series of
    /// years is the datasets of one school.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub institution: Option<String>,
    /// When it was added (the browser's clock, milliseconds since 1970).
    #[serde(default)]
    pub added_at: f64,
}

/// Which two datasets are compared, earlier (`a`) and later (`b`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ComparisonChoice {
    pub a: String,
    pub b: String,
}

/// The library's catalog.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Catalog {
    pub app: String,
    pub version: u64,
    pub entries: Vec<Entry>,
    /// The dataset on screen.
    pub active: String,
    #[serde(default)]
    pub comparison: Option<ComparisonChoice>,
    /// The user's corrections of the matching rule, per pair of datasets (`a>b`).
    #[serde(default)]
    pub pairings: BTreeMap<String, Pairing>,
}

/// Why a stored catalog could not be read.
#[derive(Clone, Debug, PartialEq)]
pub enum CatalogProblem {
    Damaged,
    Newer(u64),
}

impl Catalog {
    /// A catalog of one dataset, on screen.
    pub fn of(entry: Entry) -> Catalog {
        Catalog {
            app: APP_TAG.to_string(),
            version: CATALOG_VERSION,
            active: entry.id.clone(),
            entries: vec![entry],
            comparison: None,
            pairings: BTreeMap::new(),
        }
    }

    pub fn write(&self) -> String {
        serde_json::to_string(self).expect("a catalog always serialises")
    }

    /// Reads a stored catalog, refusing what is damaged or from a newer version.
    pub fn read(text: &str) -> Result<Catalog, CatalogProblem> {
        #[derive(Deserialize)]
        struct Head {
            app: String,
            version: u64,
        }
        let head: Head = serde_json::from_str(text).map_err(|_| CatalogProblem::Damaged)?;
        if head.app != APP_TAG {
            return Err(CatalogProblem::Damaged);
        }
        if head.version > CATALOG_VERSION {
            return Err(CatalogProblem::Newer(head.version));
        }
        let catalog: Catalog = serde_json::from_str(text).map_err(|_| CatalogProblem::Damaged)?;
        if catalog.entries.is_empty() {
            return Err(CatalogProblem::Damaged);
        }
        let mut catalog = catalog;
        catalog.tidy();
        Ok(catalog)
    }

    /// The catalog without what no longer names an entry: a missing active dataset becomes the
    /// first, a comparison of a removed dataset goes.
    fn tidy(&mut self) {
        if self.entry(&self.active).is_none() {
            self.active = self.entries[0].id.clone();
        }
        if let Some(choice) = &self.comparison
            && (self.entry(&choice.a).is_none() || self.entry(&choice.b).is_none())
        {
            self.comparison = None;
        }
    }

    /// The catalog another tab stored (`theirs`) as this tab goes on from it: their entries,
    /// names, comparison and pairings, with what only this tab knows: the dataset on screen
    /// here is the active one and stays listed (another tab may have removed it; its work is
    /// this tab's to keep).
    pub fn rebased(&self, mut theirs: Catalog) -> Catalog {
        if theirs.entry(&self.active).is_none()
            && let Some(entry) = self.entry(&self.active)
        {
            theirs.add(entry.clone());
        }
        theirs.active = self.active.clone();
        theirs
    }

    pub fn entry(&self, id: &str) -> Option<&Entry> {
        self.entries.iter().find(|e| e.id == id)
    }

    pub fn entry_mut(&mut self, id: &str) -> Option<&mut Entry> {
        self.entries.iter_mut().find(|e| e.id == id)
    }

    /// An id no entry has, from the clock.
    pub fn new_id(&self, now: f64) -> String {
        let mut n = now.max(0.0) as u64;
        loop {
            let id = format!("d{n:x}");
            if self.entry(&id).is_none() {
                return id;
            }
            n += 1;
        }
    }

    /// Adds an entry (or replaces the one with its id).
    pub fn add(&mut self, entry: Entry) {
        match self.entry_mut(&entry.id) {
            Some(existing) => *existing = entry,
            None => self.entries.push(entry),
        }
    }

    /// Takes an entry out, with its place (to put it back); the dataset on screen is never
    /// removed, nor the last one.
    pub fn remove(&mut self, id: &str) -> Option<(usize, Entry)> {
        if id == self.active || self.entries.len() < 2 {
            return None;
        }
        let place = self.entries.iter().position(|e| e.id == id)?;
        let entry = self.entries.remove(place);
        self.tidy();
        Some((place, entry))
    }

    /// Puts a removed entry back at its place.
    pub fn restore(&mut self, place: usize, entry: Entry) {
        if self.entry(&entry.id).is_none() {
            let place = place.min(self.entries.len());
            self.entries.insert(place, entry);
        }
    }

    /// The pairing kept for comparing `a` with `b`.
    pub fn pairing(&self, a: &str, b: &str) -> Pairing {
        self.pairings
            .get(&pair_key(a, b))
            .cloned()
            .unwrap_or_default()
    }

    pub fn set_pairing(&mut self, a: &str, b: &str, pairing: Pairing) {
        let key = pair_key(a, b);
        if pairing.is_empty() {
            self.pairings.remove(&key);
        } else {
            self.pairings.insert(key, pairing);
        }
    }

    /// The comparison's two sides as the user would expect them first: the earliest and the
    /// latest year, else the first two datasets.
    pub fn default_comparison(&self) -> Option<ComparisonChoice> {
        if self.entries.len() < 2 {
            return None;
        }
        let mut by_year: Vec<&Entry> = self.entries.iter().collect();
        by_year.sort_by_key(|e| e.year.unwrap_or(i32::MAX));
        let (a, b) = (by_year[0], by_year[by_year.len() - 1]);
        Some(ComparisonChoice {
            a: a.id.clone(),
            b: b.id.clone(),
        })
    }
}

fn pair_key(a: &str, b: &str) -> String {
    format!("{a}>{b}")
}

/// An entry for a dataset as it is opened.
pub fn entry_for(id: String, dataset: &Dataset, source_name: Option<String>, now: f64) -> Entry {
    let title = dataset.title.trim();
    Entry {
        id,
        title: if title.is_empty() {
            source_name.clone().unwrap_or_default()
        } else {
            title.to_string()
        },
        year: year_of(dataset),
        records: dataset.records.len(),
        source_name,
        institution: institution_of(dataset),
        added_at: now,
    }
}

/// A dataset's school as entries keep it: its `institution`, trimmed, where it has one.
pub fn institution_of(dataset: &Dataset) -> Option<String> {
    let name = dataset.institution.as_deref()?.trim();
    (!name.is_empty()).then(|| name.to_string())
}

/// The fewest years a series over the years is shown for (two are the comparison itself).
pub const SERIES_YEARS: usize = 3;

/// The datasets that make a series over the years with the comparison of `a` and `b`: those
/// of `b`'s school (names compared without white space) with a year, one a year (`a` and `b`
/// for their own years, else the one added last), in year order; none where there are fewer
/// than [`SERIES_YEARS`] years.
pub fn series_of<'c>(catalog: &'c Catalog, a: &str, b: &str) -> Vec<&'c Entry> {
    let school = |entry: &Entry| super::compare::school_key(entry.institution.as_deref());
    let Some(ours) = catalog.entry(b).and_then(school) else {
        return Vec::new();
    };
    let mut by_year: BTreeMap<i32, &Entry> = BTreeMap::new();
    for entry in &catalog.entries {
        let Some(year) = entry.year else { continue };
        if school(entry).as_deref() != Some(ours.as_str()) {
            continue;
        }
        let chosen = |e: &Entry| e.id == a || e.id == b;
        by_year
            .entry(year)
            .and_modify(|kept| {
                if !chosen(kept) && (chosen(entry) || entry.added_at > kept.added_at) {
                    *kept = entry;
                }
            })
            .or_insert(entry);
    }
    if by_year.len() < SERIES_YEARS {
        return Vec::new();
    }
    by_year.into_values().collect()
}

/// The year a dataset reports on: `as_of`'s year; else the one year its title names; else the
/// one year all its batches name (`2022年第一批`); else none (the user says).
pub fn year_of(dataset: &Dataset) -> Option<i32> {
    if let Some(year) = dataset
        .as_of
        .as_deref()
        .and_then(|d| d.get(..4)?.parse().ok())
    {
        return Some(year);
    }
    if let Some(year) = one_year(&dataset.title) {
        return Some(year);
    }
    let mut years = dataset.records.iter().map(|r| one_year(&r.batch));
    let first = years.next()??;
    years.all(|y| y == Some(first)).then_some(first)
}

/// The one year from 1990 to 2099 a text names, when it names exactly one.
fn one_year(text: &str) -> Option<i32> {
    let digits: Vec<char> = text.chars().collect();
    let mut found = None;
    let mut start = 0;
    while start < digits.len() {
        if !digits[start].is_ascii_digit() {
            start += 1;
            continue;
        }
        let end = (start..digits.len())
            .find(|&i| !digits[i].is_ascii_digit())
            .unwrap_or(digits.len());
        if end - start == 4 {
            let year: i32 = digits[start..end].iter().collect::<String>().parse().ok()?;
            if (1990..2100).contains(&year) {
                if found.is_some_and(|f| f != year) {
                    return None;
                }
                found = Some(year);
            }
        }
        start = end;
    }
    found
}

/// How a comparison's sentence names a side: `2021年` / `2021` by its year, else its title in
/// quotes.
pub fn side_name(entry: &Entry, other: &Entry, lang: Lang) -> String {
    match entry.year {
        Some(year) if other.year != Some(year) => match lang {
            Lang::Zh => format!("{year}年"),
            Lang::En => year.to_string(),
        },
        _ => format!("“{}”", entry.title),
    }
}
