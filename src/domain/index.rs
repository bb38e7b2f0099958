//! A per-dataset index, built once when a dataset is loaded, so that a filter change at 100,000
//! records costs one scan over small integers: batches, majors and pilots are interned, search
//! text is folded in advance, and records are pre-sorted for the charts.

use std::collections::HashMap;

use super::figures::{Ratio, Totals};
use super::filter::{Filter, fold_for_search};
use super::lang::Lang;
use super::majors::{MajorValue, identity};
use super::model::{Dataset, Level, batch_key};
use super::terms::GroupBy;

/// One distinct batch: the key shared by its spellings and the first spelling met.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BatchValue {
    pub key: String,
    pub label: String,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct DatasetIndex {
    /// Distinct batches, levels and majors, in data order (first appearance). A major is one
    /// by its name, whatever codes it is written under (see `domain::majors`).
    pub batches: Vec<BatchValue>,
    pub levels: Vec<Level>,
    pub majors: Vec<MajorValue>,
    record_batch: Vec<u32>,
    record_level: Vec<Level>,
    /// The majors of record `i` are `major_ids[major_starts[i]..major_starts[i + 1]]`: one flat
    /// array, so a scan over 100,000 records does not chase 100,000 pointers.
    major_starts: Vec<u32>,
    major_ids: Vec<u32>,
    record_pilot: Vec<u32>,
    pilot_count: usize,
    record_search: Vec<String>,
    /// Whether another record has the same certificate and level (then labels name the batch).
    record_shares_name: Vec<bool>,
    /// Record indices, highest pass rate first; undefined rates last (pending, then nobody).
    by_rate: Vec<u32>,
    /// Record indices, most registered first.
    by_registered: Vec<u32>,
}

impl DatasetIndex {
    pub fn new(dataset: &Dataset) -> DatasetIndex {
        let records = &dataset.records;
        let mut index = DatasetIndex::default();
        let mut batch_ids: HashMap<String, u32> = HashMap::new();
        let mut major_ids: HashMap<&str, u32> = HashMap::new();
        let mut pilot_ids: HashMap<(u32, &str), u32> = HashMap::new();
        index.major_starts.push(0);
        for record in records {
            let key = batch_key(&record.batch);
            let batch = *batch_ids.entry(key.clone()).or_insert_with(|| {
                index.batches.push(BatchValue {
                    key,
                    label: record.batch.clone(),
                });
                index.batches.len() as u32 - 1
            });
            index.record_batch.push(batch);
            index.record_level.push(record.level);
            if !index.levels.contains(&record.level) {
                index.levels.push(record.level);
            }
            let mut majors: Vec<u32> = record
                .majors
                .iter()
                .map(|major| {
                    let id = *major_ids.entry(identity(major)).or_insert_with(|| {
                        index.majors.push(MajorValue::new(major));
                        index.majors.len() as u32 - 1
                    });
                    index.majors[id as usize].add_code(&major.code);
                    id
                })
                .collect();
            majors.sort_unstable();
            majors.dedup();
            index.major_ids.extend(majors);
            index.major_starts.push(index.major_ids.len() as u32);
            let next_pilot = pilot_ids.len() as u32;
            let pilot = *pilot_ids
                .entry((batch, record.certificate.trim()))
                .or_insert(next_pilot);
            index.record_pilot.push(pilot);
            index
                .record_search
                .push(fold_for_search(&record.certificate));
        }
        index.pilot_count = pilot_ids.len();
        let mut name_counts: HashMap<(&str, Level), u32> = HashMap::new();
        for record in records {
            *name_counts
                .entry((record.certificate.trim(), record.level))
                .or_default() += 1;
        }
        index.record_shares_name = records
            .iter()
            .map(|record| name_counts[&(record.certificate.trim(), record.level)] > 1)
            .collect();

        let mut by_rate: Vec<u32> = (0..records.len() as u32).collect();
        by_rate.sort_by(|&a, &b| {
            let (a, b) = (&records[a as usize], &records[b as usize]);
            rate_order_key(b).cmp(&rate_order_key(a))
        });
        index.by_rate = by_rate;
        let mut by_registered: Vec<u32> = (0..records.len() as u32).collect();
        by_registered.sort_by_key(|&i| std::cmp::Reverse(records[i as usize].registered));
        index.by_registered = by_registered;
        index
    }

    pub fn record_count(&self) -> usize {
        self.record_batch.len()
    }

    pub fn batch_of(&self, record: usize) -> u32 {
        self.record_batch[record]
    }

    pub fn shares_name(&self, record: usize) -> bool {
        self.record_shares_name[record]
    }

    /// The major a filter's value names (its key, any of its codes, or its name).
    pub fn major_named(&self, value: &str) -> Option<&MajorValue> {
        self.majors.iter().find(|major| major.answers_to(value))
    }

    pub fn majors_of(&self, record: usize) -> &[u32] {
        let (start, end) = (self.major_starts[record], self.major_starts[record + 1]);
        &self.major_ids[start as usize..end as usize]
    }

    /// How many groups `group_by` has: every batch, the three levels, or every major.
    pub fn group_count(&self, group_by: GroupBy) -> usize {
        match group_by {
            GroupBy::Batch => self.batches.len(),
            GroupBy::Level => Level::ALL.len(),
            GroupBy::Major => self.majors.len(),
        }
    }

    /// Calls `each` with the group of `group_by` that record `record` (whose level is `level`)
    /// is in: its batch or its level, or each of its majors, so a record counts once under each.
    pub fn for_each_group(
        &self,
        group_by: GroupBy,
        record: usize,
        level: Level,
        mut each: impl FnMut(usize),
    ) {
        match group_by {
            GroupBy::Batch => each(self.batch_of(record) as usize),
            GroupBy::Level => each(level.ordinal()),
            GroupBy::Major => self
                .majors_of(record)
                .iter()
                .for_each(|&major| each(major as usize)),
        }
    }

    /// Group `group` of `group_by` as a chart or a slide names it: the batch as the data
    /// spells it, the level in `lang`, or the major's code and name.
    pub fn group_name(&self, group_by: GroupBy, group: usize, lang: Lang) -> String {
        match group_by {
            GroupBy::Batch => self.batches[group].label.clone(),
            GroupBy::Level => Level::ALL[group].label(lang).to_string(),
            GroupBy::Major => self.majors[group].label(),
        }
    }

    /// The filter, resolved against this dataset's interned values.
    pub fn compile(&self, filter: &Filter) -> CompiledFilter {
        let batches = (!filter.batches.is_empty()).then(|| {
            self.batches
                .iter()
                .map(|batch| filter.batches.contains(&batch.key))
                .collect()
        });
        let majors = (!filter.majors.is_empty()).then(|| {
            self.majors
                .iter()
                .map(|major| filter.majors.iter().any(|value| major.answers_to(value)))
                .collect()
        });
        CompiledFilter {
            batches,
            levels: (!filter.levels.is_empty())
                .then(|| Level::ALL.map(|level| filter.levels.contains(&level))),
            majors,
            words: filter
                .search
                .split_whitespace()
                .map(fold_for_search)
                .collect(),
        }
    }

    /// Which dimensions one record passes, for the facet counts.
    pub fn passes(&self, compiled: &CompiledFilter, record: usize) -> Passes {
        Passes {
            batch: compiled
                .batches
                .as_ref()
                .is_none_or(|ok| ok[self.record_batch[record] as usize]),
            level: compiled
                .levels
                .is_none_or(|ok| ok[self.record_level[record].ordinal()]),
            major: compiled.majors.as_ref().is_none_or(|ok| {
                self.majors_of(record)
                    .iter()
                    .any(|&major| ok[major as usize])
            }),
            search: compiled
                .words
                .iter()
                .all(|word| self.record_search[record].contains(word.as_str())),
        }
    }

    /// The indices of the records that match, in data order.
    pub fn matching(&self, filter: &Filter) -> Vec<u32> {
        let compiled = self.compile(filter);
        (0..self.record_count())
            .filter(|&i| self.passes(&compiled, i).all())
            .map(|i| i as u32)
            .collect()
    }

    /// The matching records and the facet counts, in one scan: what a filter change needs.
    pub fn evaluate(&self, filter: &Filter) -> (Vec<u32>, FacetCounts) {
        let compiled = self.compile(filter);
        let mut matching = Vec::new();
        let mut counts = FacetCounts {
            batches: vec![0; self.batches.len()],
            levels: [0; 3],
            majors: vec![0; self.majors.len()],
        };
        for i in 0..self.record_count() {
            let passes = self.passes(&compiled, i);
            counts.count(self, i, passes);
            if passes.all() {
                matching.push(i as u32);
            }
        }
        (matching, counts)
    }

    /// For every value of every dimension, how many records would match if that value were
    /// chosen too: the records that pass the other dimensions and have that value.
    pub fn facet_counts(&self, filter: &Filter) -> FacetCounts {
        let compiled = self.compile(filter);
        let mut counts = FacetCounts {
            batches: vec![0; self.batches.len()],
            levels: [0; 3],
            majors: vec![0; self.majors.len()],
        };
        for i in 0..self.record_count() {
            counts.count(self, i, self.passes(&compiled, i));
        }
        counts
    }

    /// Totals over some records, without hashing a single string.
    pub fn totals(&self, dataset: &Dataset, records: &[u32]) -> Totals {
        let mut totals = Totals::default();
        let mut pilot_seen = vec![false; self.pilot_count];
        let mut major_seen = vec![false; self.majors.len()];
        for &i in records {
            let i = i as usize;
            let record = &dataset.records[i];
            totals.add(record);
            let pilot = &mut pilot_seen[self.record_pilot[i] as usize];
            if !*pilot {
                *pilot = true;
                totals.pilots += 1;
            }
            for &major in self.majors_of(i) {
                let seen = &mut major_seen[major as usize];
                if !*seen {
                    *seen = true;
                    totals.majors += 1;
                }
            }
        }
        totals
    }

    /// Matching records, highest pass rate first, undefined rates last.
    pub fn by_rate<'a>(&'a self, matches: &'a Membership) -> impl Iterator<Item = usize> + 'a {
        self.by_rate
            .iter()
            .map(|&i| i as usize)
            .filter(|&i| matches.contains(i))
    }

    /// Matching records, most registered first.
    pub fn by_registered<'a>(
        &'a self,
        matches: &'a Membership,
    ) -> impl Iterator<Item = usize> + 'a {
        self.by_registered
            .iter()
            .map(|&i| i as usize)
            .filter(|&i| matches.contains(i))
    }
}

/// Sorts defined rates by value, then pending results, then nobody registered.
fn rate_order_key(record: &super::model::Record) -> (u8, u64, u64) {
    match (record.pass_rate(), record.is_pending()) {
        (Some(rate), _) => (2, rate_sort_value(rate), record.registered),
        (None, true) if record.registered > 0 => (1, 0, record.registered),
        _ => (0, 0, 0),
    }
}

/// A rate as a sortable integer (parts per billion), exact enough to order any two counts.
fn rate_sort_value(rate: Ratio) -> u64 {
    (u128::from(rate.part) * 1_000_000_000 / u128::from(rate.whole)) as u64
}

/// How many records each filter value would match now (see [`DatasetIndex::facet_counts`]).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FacetCounts {
    /// By batch id, as in [`DatasetIndex::batches`].
    pub batches: Vec<usize>,
    /// By [`Level::ordinal`].
    pub levels: [usize; 3],
    /// By major id, as in [`DatasetIndex::majors`].
    pub majors: Vec<usize>,
}

impl FacetCounts {
    /// Counts record `i` under each value it has, in each dimension whose other filters it passes.
    fn count(&mut self, index: &DatasetIndex, i: usize, passes: Passes) {
        if passes.level && passes.major && passes.search {
            self.batches[index.record_batch[i] as usize] += 1;
        }
        if passes.batch && passes.major && passes.search {
            self.levels[index.record_level[i].ordinal()] += 1;
        }
        if passes.batch && passes.level && passes.search {
            for &major in index.majors_of(i) {
                self.majors[major as usize] += 1;
            }
        }
    }
}

/// A filter resolved to this dataset's interned ids.
#[derive(Clone, Debug)]
pub struct CompiledFilter {
    batches: Option<Vec<bool>>,
    levels: Option<[bool; 3]>,
    majors: Option<Vec<bool>>,
    words: Vec<String>,
}

/// Which filter dimensions a record passes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Passes {
    pub batch: bool,
    pub level: bool,
    pub major: bool,
    pub search: bool,
}

impl Passes {
    pub fn all(self) -> bool {
        self.batch && self.level && self.major && self.search
    }
}

/// The records a filter lets through, as the charts, the summary and the slides read them:
/// the dataset and its index, the matching positions (in data order) and the same as a bitmap,
/// and their totals.
#[derive(Clone, Copy)]
pub struct Selection<'a> {
    pub dataset: &'a Dataset,
    pub index: &'a DatasetIndex,
    pub matching: &'a [u32],
    pub members: &'a Membership,
    pub totals: &'a Totals,
}

/// What a [`Selection`] derives from its matching records, owned: for a selection worked out
/// on the spot (one group's slide, tests, benchmarks) rather than kept in the page's state.
pub struct Selected {
    pub matching: Vec<u32>,
    pub members: Membership,
    pub totals: Totals,
}

impl Selected {
    pub fn new(dataset: &Dataset, index: &DatasetIndex, matching: Vec<u32>) -> Selected {
        Selected {
            members: Membership::new(index.record_count(), &matching),
            totals: index.totals(dataset, &matching),
            matching,
        }
    }

    pub fn selection<'a>(&'a self, dataset: &'a Dataset, index: &'a DatasetIndex) -> Selection<'a> {
        Selection {
            dataset,
            index,
            matching: &self.matching,
            members: &self.members,
            totals: &self.totals,
        }
    }
}

/// Which records match, as a bitmap, for ordered iteration without sorting again.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Membership {
    bits: Vec<u64>,
}

impl Membership {
    pub fn new(record_count: usize, matching: &[u32]) -> Membership {
        let mut bits = vec![0u64; record_count.div_ceil(64)];
        for &i in matching {
            bits[i as usize / 64] |= 1 << (i % 64);
        }
        Membership { bits }
    }

    pub fn contains(&self, record: usize) -> bool {
        self.bits
            .get(record / 64)
            .is_some_and(|word| word & (1 << (record % 64)) != 0)
    }
}
