//! Small terms the rest of the domain shares, in a leaf module so that imports point down:
//! what the third chart groups by, which pass rate the charts show, what a bar stands for (what
//! clicking it filters to), and how a comparison's rows are ordered.

use serde::{Deserialize, Serialize};

use super::lang::Lang;
use super::model::Level;

/// What the "pass rate by group" chart groups by.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum GroupBy {
    #[default]
    Batch,
    Level,
    Major,
}

impl GroupBy {
    pub const ALL: [GroupBy; 3] = [GroupBy::Batch, GroupBy::Level, GroupBy::Major];

    pub fn as_param(self) -> &'static str {
        match self {
            GroupBy::Batch => "batch",
            GroupBy::Level => "level",
            GroupBy::Major => "major",
        }
    }

    /// The grouping's name: `申报批次`, `Batch`.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            GroupBy::Batch => lang.pick("申报批次", "Batch"),
            GroupBy::Level => lang.pick("证书等级", "Level"),
            GroupBy::Major => lang.pick("专业", "Major"),
        }
    }
}

/// Which of the two pass rates the charts show.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum RateDefinition {
    /// Σ certified / Σ registered over published results.
    #[default]
    Published,
    /// Σ certified / Σ registered over everyone, pending counted as not certified.
    AllRegistered,
}

impl RateDefinition {
    /// The definition in full: `通过率（已公布成绩）`.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            RateDefinition::Published => {
                lang.pick("通过率（已公布成绩）", "Pass rate (published results)")
            }
            RateDefinition::AllRegistered => lang.pick(
                "通过率（全部报考，未出成绩计为未获证）",
                "Pass rate (all registered; results pending count as not certified)",
            ),
        }
    }

    /// The definition in a few words: `已公布成绩`, `Published results`.
    pub fn short_label(self, lang: Lang) -> &'static str {
        match self {
            RateDefinition::Published => lang.pick("已公布成绩", "Published results"),
            RateDefinition::AllRegistered => lang.pick("全部报考", "All registered"),
        }
    }
}

/// What clicking a bar filters to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BarTarget {
    Record(usize),
    Batch(String),
    Level(Level),
    Major(String),
}

/// How the rows are ordered.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum RowOrder {
    /// The earlier side's order, new pilots last.
    #[default]
    Data,
    /// The largest rise first; rows without a change last.
    Rise,
    /// The largest fall first; rows without a change last.
    Fall,
}

impl RowOrder {
    pub fn code(self) -> &'static str {
        match self {
            RowOrder::Data => "data",
            RowOrder::Rise => "rise",
            RowOrder::Fall => "fall",
        }
    }

    pub fn from_code(code: &str) -> Option<RowOrder> {
        [RowOrder::Data, RowOrder::Rise, RowOrder::Fall]
            .into_iter()
            .find(|o| o.code() == code)
    }
}
