//! What the user is looking at: the filter, the chart grouping, the pass-rate definition and
//! the whisker switch, and its form in the page address, so a copied link opens the same view.

use std::collections::BTreeSet;

use super::filter::Filter;
use super::model::{Dataset, Level, Record, batch_key};
use super::terms::{BarTarget, RowOrder};
pub use super::terms::{GroupBy, RateDefinition};

/// The whole view, as the address records it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ViewState {
    pub filter: Filter,
    pub group_by: GroupBy,
    pub rate: RateDefinition,
    pub whiskers: bool,
    /// The comparison of two datasets of the library, when it is open.
    pub compare: Option<CompareView>,
}

/// The comparison on screen: its two sides (library ids, earlier first), the row order, and
/// the filters that apply to both sides.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CompareView {
    pub a: String,
    pub b: String,
    pub order: RowOrder,
    pub levels: BTreeSet<Level>,
    pub major: Option<String>,
}

impl CompareView {
    pub fn new(a: &str, b: &str) -> CompareView {
        CompareView {
            a: a.to_string(),
            b: b.to_string(),
            ..CompareView::default()
        }
    }

    /// Whether a record of either side passes the comparison's filters (a major by its key or
    /// its name, since one year may write a code the other leaves out).
    pub fn admits(&self, record: &Record) -> bool {
        (self.levels.is_empty() || self.levels.contains(&record.level))
            && self.major.as_deref().is_none_or(|wanted| {
                record
                    .majors
                    .iter()
                    .any(|m| m.key() == wanted || m.name == wanted)
            })
    }
}

impl Default for ViewState {
    fn default() -> Self {
        ViewState {
            filter: Filter::default(),
            group_by: GroupBy::default(),
            rate: RateDefinition::default(),
            whiskers: true,
            compare: None,
        }
    }
}

impl ViewState {
    /// Reads a query string (with or without the leading `?`). Unknown or malformed parameters
    /// are ignored: a hand-edited link opens as much of the view as it names.
    pub fn from_query(query: &str) -> ViewState {
        let mut view = ViewState::default();
        let (mut compare, mut compare_order, mut compare_levels, mut compare_major) =
            (None, None, BTreeSet::new(), None);
        let query = query.strip_prefix('?').unwrap_or(query);
        for (key, value) in form_urlencoded::parse(query.as_bytes()) {
            match key.as_ref() {
                "batch" if !value.trim().is_empty() => {
                    view.filter.batches.insert(batch_key(&value));
                }
                "level" => {
                    if let Some(level) = Level::from_file(value.trim()) {
                        view.filter.levels.insert(level);
                    }
                }
                "major" if !value.trim().is_empty() => {
                    view.filter.majors.insert(value.trim().to_string());
                }
                "q" => view.filter.search = value.into_owned(),
                "group" => {
                    if let Some(group) = GroupBy::ALL.into_iter().find(|g| g.as_param() == value) {
                        view.group_by = group;
                    }
                }
                "rate" if value == "all" => view.rate = RateDefinition::AllRegistered,
                "whiskers" if value == "off" => view.whiskers = false,
                "compare" => {
                    if let Some((a, b)) = value.split_once('~')
                        && !a.is_empty()
                        && !b.is_empty()
                    {
                        compare = Some(CompareView::new(a, b));
                    }
                }
                "corder" => compare_order = RowOrder::from_code(&value),
                "clevel" => {
                    if let Some(level) = Level::from_file(value.trim()) {
                        compare_levels.insert(level);
                    }
                }
                "cmajor" if !value.trim().is_empty() => {
                    compare_major = Some(value.trim().to_string());
                }
                _ => {}
            }
        }
        view.compare = compare.map(|c| CompareView {
            order: compare_order.unwrap_or_default(),
            levels: compare_levels,
            major: compare_major,
            ..c
        });
        view
    }

    /// The query string for this view (empty for the default view), without the `?`.
    /// `batch_label` gives the spelling to write for a batch key, so links stay readable.
    pub fn to_query(&self, batch_label: impl Fn(&str) -> String) -> String {
        let mut out = form_urlencoded::Serializer::new(String::new());
        for key in &self.filter.batches {
            out.append_pair("batch", &batch_label(key));
        }
        for level in &self.filter.levels {
            out.append_pair("level", level.as_str());
        }
        for major in &self.filter.majors {
            out.append_pair("major", major);
        }
        if !self.filter.search.trim().is_empty() {
            out.append_pair("q", &self.filter.search);
        }
        if self.group_by != GroupBy::default() {
            out.append_pair("group", self.group_by.as_param());
        }
        if self.rate == RateDefinition::AllRegistered {
            out.append_pair("rate", "all");
        }
        if !self.whiskers {
            out.append_pair("whiskers", "off");
        }
        if let Some(c) = &self.compare {
            out.append_pair("compare", &format!("{}~{}", c.a, c.b));
            if c.order != RowOrder::Data {
                out.append_pair("corder", c.order.code());
            }
            for level in &c.levels {
                out.append_pair("clevel", level.as_str());
            }
            if let Some(major) = &c.major {
                out.append_pair("cmajor", major);
            }
        }
        out.finish()
    }
}

impl ViewState {
    /// Narrows the filter to what a clicked bar or a warning link points at: one value of one
    /// dimension, or one record (its batch, its level and its certificate name).
    pub fn focus(&mut self, target: &BarTarget, dataset: &Dataset) {
        match target {
            BarTarget::Record(i) => {
                if let Some(record) = dataset.records.get(*i) {
                    self.filter = Filter {
                        batches: [batch_key(&record.batch)].into(),
                        levels: [record.level].into(),
                        majors: Default::default(),
                        search: record.certificate.clone(),
                    };
                }
            }
            BarTarget::Batch(key) => self.filter.batches = [key.clone()].into(),
            BarTarget::Level(level) => self.filter.levels = [*level].into(),
            BarTarget::Major(code) => self.filter.majors = [code.clone()].into(),
        }
    }
}

impl ViewState {
    /// A click on a bar: narrows to it as [`ViewState::focus`] does, or, when the view is
    /// already narrowed to it (a second click on the same bar), removes what the first click
    /// set and keeps the rest of the filter.
    pub fn toggle_focus(&mut self, target: &BarTarget, dataset: &Dataset) {
        let mut focused = self.clone();
        focused.focus(target, dataset);
        // A bar on the chart matches the major filter already: it stays.
        focused.filter.majors = self.filter.majors.clone();
        if focused != *self {
            *self = focused;
            return;
        }
        let filter = &mut self.filter;
        match target {
            BarTarget::Record(_) => {
                filter.batches.clear();
                filter.levels.clear();
                filter.search.clear();
            }
            BarTarget::Batch(_) => filter.batches.clear(),
            BarTarget::Level(_) => filter.levels.clear(),
            BarTarget::Major(_) => filter.majors.clear(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Lang;

    #[test]
    fn a_view_survives_the_address_bar() {
        let mut view = ViewState::default();
        view.filter.batches.insert(batch_key("2021 年沿用批次"));
        view.filter.levels.insert(Level::Intermediate);
        view.filter.majors.insert("560118".into());
        view.filter.search = "Web 前端 & =?".into();
        view.group_by = GroupBy::Major;
        view.rate = RateDefinition::AllRegistered;
        view.whiskers = false;
        let query = view.to_query(|_| "2021年沿用批次".into());
        assert!(query.contains("batch=2021%E5%B9%B4"), "{query}");
        assert_eq!(ViewState::from_query(&format!("?{query}")), view);
    }

    #[test]
    fn a_comparison_survives_the_address_bar() {
        let mut view = ViewState::default();
        let mut compare = CompareView::new("builtin", "d19b2c");
        compare.order = RowOrder::Fall;
        compare.levels.insert(Level::Advanced);
        compare.major = Some("大数据技术".into());
        view.compare = Some(compare);
        let query = view.to_query(|k| k.to_string());
        assert!(query.contains("compare=builtin%7Ed19b2c"), "{query}");
        assert_eq!(ViewState::from_query(&query), view);
        // A side missing, or the order alone, opens no comparison.
        assert_eq!(ViewState::from_query("compare=builtin~").compare, None);
        assert_eq!(ViewState::from_query("corder=fall").compare, None);
    }

    #[test]
    fn labels_in_both_languages() {
        assert_eq!(GroupBy::Level.label(Lang::Zh), "证书等级");
        assert_eq!(GroupBy::Level.label(Lang::En), "Level");
        assert_eq!(
            RateDefinition::Published.label(Lang::Zh),
            "通过率（已公布成绩）"
        );
        assert_eq!(
            RateDefinition::AllRegistered.short_label(Lang::Zh),
            "全部报考"
        );
        assert_eq!(
            RateDefinition::AllRegistered.short_label(Lang::En),
            "All registered"
        );
        assert_eq!(
            RateDefinition::Published.label(Lang::En),
            "Pass rate (published results)"
        );
    }

    #[test]
    fn the_default_view_has_an_empty_query() {
        assert_eq!(ViewState::default().to_query(|k| k.to_string()), "");
        assert_eq!(ViewState::from_query(""), ViewState::default());
    }

    #[test]
    fn a_second_click_on_a_bar_removes_what_the_first_set() {
        let dataset = crate::domain::builtin::report_2021();
        let mut view = ViewState::default();
        view.filter.majors.insert("560118".into());
        view.group_by = GroupBy::Major;
        let before = view.clone();
        let record = BarTarget::Record(3);
        view.toggle_focus(&record, &dataset);
        assert_eq!(view.filter.levels.len(), 1);
        assert_eq!(view.filter.search, dataset.records[3].certificate);
        view.toggle_focus(&record, &dataset);
        assert_eq!(view, before, "the major filter and the grouping stay");

        let level = BarTarget::Level(Level::Elementary);
        view.toggle_focus(&level, &dataset);
        assert_eq!(view.filter.levels, [Level::Elementary].into());
        view.toggle_focus(&level, &dataset);
        assert!(view.filter.levels.is_empty());

        let batch = BarTarget::Batch(batch_key("2021年第一批"));
        view.toggle_focus(&batch, &dataset);
        view.toggle_focus(&BarTarget::Batch(batch_key("2021年第二批")), &dataset);
        assert_eq!(
            view.filter.batches.len(),
            1,
            "another bar narrows to it instead"
        );
        assert!(view.filter.batches.contains(&batch_key("2021年第二批")));
    }

    #[test]
    fn nonsense_in_a_link_is_ignored() {
        let view = ViewState::from_query("level=特级&group=colour&rate=x&foo=bar&batch=");
        assert_eq!(view, ViewState::default());
    }
}
