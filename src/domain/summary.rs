//! A paragraph that sums up the matching records in the report's own words: how many sat the
//! assessment, how many were certified and the pass rate (as the report counts it, then over
//! published results only), the pilots with the highest and the lowest pass rate, and a caution
//! where a rate rests on fewer than [`SMALL_SAMPLE`] students.
//!
//! The headline rates do not follow the rate-definition switch: like the report, the text gives
//! certified over all registered first, then the rate over published results.

use std::cmp::Ordering;

use super::chart_data::SMALL_SAMPLE;
use super::figures::{Ratio, Totals, format_rate};
use super::index::{DatasetIndex, Selection};
use super::lang::count_noun;
use super::lang::{Lang, format_count, format_date};
use super::model::{Dataset, Record};

/// The summary of the matching records, as plain text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Summary {
    pub text: String,
    /// Whether the text warns that a rate rests on fewer than [`SMALL_SAMPLE`] students.
    pub caution: bool,
}

/// Sums up the selected records in `lang`.
pub fn summarize(selection: Selection, lang: Lang) -> Summary {
    let Selection {
        dataset,
        index,
        matching,
        totals,
        ..
    } = selection;
    if totals.records == 0 {
        let text = if dataset.records.is_empty() {
            lang.pick("数据中没有试点记录。", "The dataset has no records.")
        } else {
            lang.pick(
                "没有符合筛选条件的试点。",
                "No pilots match the current filter.",
            )
        };
        return Summary {
            text: text.to_string(),
            caution: false,
        };
    }
    // The matching pilots that have a rate, in data order: walked once for the ranking, and
    // again only where every rate is equal and the caution may name any of them.
    let rated = || {
        matching
            .iter()
            .map(|&i| Pilot::new(dataset, index, i as usize))
            .filter(|p| p.rate.is_some())
    };
    let words = Words {
        lang,
        as_of: dataset.as_of.as_deref().map(|date| format_date(date, lang)),
    };
    let only = match matching {
        [i] => Some(Pilot::new(dataset, index, *i as usize)),
        _ => None,
    };
    let mut text = words.headline(totals, only.as_ref());
    // The pilots a caution may have to name: those the ranking sentence speaks of.
    let mut spoken_of: Vec<Pilot> = Vec::new();
    if only.is_none()
        && let Some((ranking, count)) = Ranking::of(rated())
    {
        text.push_str(&words.ranking(&ranking, count));
        spoken_of = match ranking {
            Ranking::Only(pilot) => vec![pilot],
            Ranking::AllEqual(_) => rated().filter(Pilot::is_small).collect(),
            Ranking::HighLow(high, low) => vec![high, low],
        };
    }
    let caution = if totals.registered > 0 && totals.registered < SMALL_SAMPLE {
        words.caution_whole(totals.registered_published == 0)
    } else if totals.registered_published > 0 && totals.registered_published < SMALL_SAMPLE {
        Some(words.caution_published())
    } else {
        let small: Vec<&Pilot> = spoken_of.iter().filter(|p| p.is_small()).collect();
        (!small.is_empty()).then(|| words.caution_pilots(&small))
    };
    let caution_given = caution.is_some();
    text.extend(caution);
    Summary {
        text,
        caution: caution_given,
    }
}

/// One matching record, with what the text says of it.
#[derive(Clone, Copy)]
struct Pilot<'a> {
    record: &'a Record,
    /// Whether another record has the same certificate and level, so the name needs the batch.
    shares_name: bool,
    /// Defined where results are published and someone registered.
    rate: Option<Ratio>,
}

impl<'a> Pilot<'a> {
    fn new(dataset: &'a Dataset, index: &DatasetIndex, i: usize) -> Pilot<'a> {
        let record = &dataset.records[i];
        Pilot {
            record,
            shares_name: index.shares_name(i),
            rate: record.pass_rate(),
        }
    }

    /// "证书名称（等级）", with the batch where another record has that name and level too.
    fn name(&self, lang: Lang) -> String {
        self.name_with(lang, "")
    }

    /// Fewer than [`SMALL_SAMPLE`] registered: its rate is only indicative.
    fn is_small(&self) -> bool {
        self.record.registered < SMALL_SAMPLE
    }

    /// The certificate with its level (and batch where two share the name) in brackets, and
    /// `more` inside the same brackets.
    fn name_with(&self, lang: Lang, more: &str) -> String {
        let certificate = self.record.certificate.trim();
        let level = self.record.level.label(lang);
        let batch = match (lang, self.shares_name) {
            (_, false) => String::new(),
            (Lang::Zh, true) => format!("，{}", self.record.batch.trim()),
            (Lang::En, true) => format!(", {}", self.record.batch.trim()),
        };
        match lang {
            Lang::Zh => format!("{certificate}（{level}{batch}{more}）"),
            Lang::En => format!("{certificate} ({level}{batch}{more})"),
        }
    }

    fn rate_text(&self) -> String {
        format_rate(self.rate)
    }

    /// The name with its rate and n inside the same brackets: "证书（中级，100.00%，n=80）".
    fn rated_name(&self, lang: Lang, n: &str) -> String {
        let rate = self.rate_text();
        let more = match lang {
            Lang::Zh => format!("，{rate}，n={n}"),
            Lang::En => format!(", {rate}, n={n}"),
        };
        self.name_with(lang, &more)
    }
}

/// What the ranking sentence says of the pilots that have a pass rate.
enum Ranking<'a> {
    Only(Pilot<'a>),
    /// Every one has the same rate.
    AllEqual(Ratio),
    HighLow(Pilot<'a>, Pilot<'a>),
}

impl<'a> Ranking<'a> {
    /// The ranking of `rated` (pilots with a rate) and how many there are. Ties go to the
    /// first in data order.
    fn of(mut rated: impl Iterator<Item = Pilot<'a>>) -> Option<(Ranking<'a>, usize)> {
        let first = rated.next()?;
        let rate = |pilot: &Pilot| pilot.rate.expect("only rated pilots are ranked");
        let (mut high, mut low, mut count) = (first, first, 1);
        for pilot in rated {
            count += 1;
            if rate(&pilot).cmp_value(rate(&high)) == Ordering::Greater {
                high = pilot;
            }
            if rate(&pilot).cmp_value(rate(&low)) == Ordering::Less {
                low = pilot;
            }
        }
        let ranking = if count == 1 {
            Ranking::Only(first)
        } else if rate(&high).cmp_value(rate(&low)) == Ordering::Equal {
            Ranking::AllEqual(rate(&high))
        } else {
            Ranking::HighLow(high, low)
        };
        Some((ranking, count))
    }
}

/// The sentences, in one language.
struct Words {
    lang: Lang,
    /// The as-of date, as people write it.
    as_of: Option<String>,
}

impl Words {
    /// A count as the language writes it: `3482` in Chinese, `3,482` in English.
    fn number(&self, n: u64) -> String {
        format_count(n, self.lang)
    }

    /// `3,482 students`, `1 student`.
    fn students(&self, n: u64) -> String {
        count_noun(n, "student", "students")
    }

    /// `2 pilots`, `1 pilot`.
    fn pilots(&self, n: usize) -> String {
        count_noun(n as u64, "pilot", "pilots")
    }

    /// "截至2021年12月31日，" / "As of 31 Dec 2021, " before `rest`; without a date, `rest`
    /// alone, starting with a capital.
    fn dated(&self, rest: &str) -> String {
        match (&self.as_of, self.lang) {
            (Some(date), Lang::Zh) => format!("截至{date}，{rest}"),
            (Some(date), Lang::En) => format!("As of {date}, {rest}"),
            (None, _) => {
                let mut chars = rest.chars();
                chars.next().map_or_else(String::new, |first| {
                    first.to_uppercase().chain(chars).collect()
                })
            }
        }
    }

    /// Who sat, who was certified, the pass rate (over all registered, then over published
    /// results), or why there is none. `only` is the pilot when just one matches.
    fn headline(&self, totals: &Totals, only: Option<&Pilot>) -> String {
        let lang = self.lang;
        let name = only.map(|pilot| pilot.name(lang));
        let registered = totals.registered;
        if registered == 0 {
            let rest = match (lang, &name) {
                (Lang::Zh, Some(name)) => format!("{name}无人参加证书考核。"),
                (Lang::Zh, None) => {
                    format!("这{}个试点均无人参加证书考核。", totals.records)
                }
                (Lang::En, Some(name)) => format!("nobody sat the assessment of {name}."),
                (Lang::En, None) => format!(
                    "nobody sat the assessments of the {} matching pilots.",
                    self.number(totals.records as u64)
                ),
            };
            return self.dated(&rest);
        }
        let Some(rate_published) = totals.pass_rate_published() else {
            let rest = match (lang, &name) {
                (Lang::Zh, Some(name)) => {
                    format!("{name}共有{registered}名学生参加证书考核，成绩尚未公布，暂无通过率。")
                }
                (Lang::Zh, None) => format!(
                    "共有{registered}名学生参加证书考核，{}个试点的成绩尚未公布，暂无通过率。",
                    totals.pending_records
                ),
                (Lang::En, Some(name)) => format!(
                    "{} sat the assessment of {name}; its results are not yet published, so there \
                     is no pass rate yet.",
                    self.students(registered)
                ),
                (Lang::En, None) => format!(
                    "{} sat certificate assessments; results of {} are not yet published, so \
                     there is no pass rate yet.",
                    self.students(registered),
                    self.pilots(totals.pending_records)
                ),
            };
            return self.dated(&rest);
        };
        let certified = totals.certified;
        // Some results are published, so the rate over everyone registered is defined too.
        let rate_all = format_rate(totals.pass_rate_all_registered());
        let mut rest = match (lang, &name) {
            (Lang::Zh, _) => format!(
                "{}共有{registered}名学生参加证书考核，{certified}名学生获得证书，通过率{rate_all}",
                name.as_deref().unwrap_or("")
            ),
            (Lang::En, Some(name)) => format!(
                "{} sat the assessment of {name} and {} certified, a pass rate of {rate_all}",
                self.students(registered),
                self.were(certified)
            ),
            (Lang::En, None) => format!(
                "{} sat certificate assessments and {} certified, a pass rate of {rate_all}",
                self.students(registered),
                self.were(certified)
            ),
        };
        if totals.pending_records > 0 {
            let rate_published = rate_published.format_percent();
            rest.push_str(&match lang {
                Lang::Zh => format!(
                    "；其中{}个试点（{}人）尚未公布成绩，已公布成绩的通过率为{rate_published}",
                    totals.pending_records, totals.pending_registered
                ),
                Lang::En => format!(
                    "; results of {} ({}) are not yet published; the pass rate of published \
                     results is {rate_published}",
                    self.pilots(totals.pending_records),
                    self.students(totals.pending_registered)
                ),
            });
        }
        rest.push_str(lang.pick("。", "."));
        self.dated(&rest)
    }

    /// `2,297 were`, `1 was`.
    fn were(&self, n: u64) -> String {
        format!("{} {}", self.number(n), if n == 1 { "was" } else { "were" })
    }

    /// The highest and the lowest pass rate among `rated` pilots (`count` of them).
    fn ranking(&self, ranking: &Ranking, count: usize) -> String {
        let lang = self.lang;
        let n = |pilot: &Pilot| self.number(pilot.record.registered);
        match (ranking, lang) {
            (Ranking::Only(pilot), Lang::Zh) => {
                format!(
                    "可计算通过率的试点只有{}。",
                    pilot.rated_name(lang, &n(pilot))
                )
            }
            (Ranking::Only(pilot), Lang::En) => format!(
                " Only {} has a pass rate.",
                pilot.rated_name(lang, &n(pilot))
            ),
            (Ranking::AllEqual(rate), Lang::Zh) => format!(
                "可计算通过率的{count}个试点通过率均为{}。",
                rate.format_percent()
            ),
            (Ranking::AllEqual(rate), Lang::En) => format!(
                " All {} pilots with a pass rate have the same rate, {}.",
                self.number(count as u64),
                rate.format_percent()
            ),
            (Ranking::HighLow(high, low), Lang::Zh) => format!(
                "通过率最高的是{}，最低的是{}。",
                high.rated_name(lang, &n(high)),
                low.rated_name(lang, &n(low))
            ),
            (Ranking::HighLow(high, low), Lang::En) => format!(
                " {} has the highest pass rate, {} the lowest.",
                high.rated_name(lang, &n(high)),
                low.rated_name(lang, &n(low))
            ),
        }
    }

    /// Fewer than [`SMALL_SAMPLE`] students in all; nothing to say when no rate was given.
    fn caution_whole(&self, no_rate_given: bool) -> Option<String> {
        (!no_rate_given).then(|| match self.lang {
            Lang::Zh => format!("参加考核的总人数少于{SMALL_SAMPLE}人，通过率仅供参考。"),
            Lang::En => format!(
                " Fewer than {SMALL_SAMPLE} students sat in all, so the pass rates are only \
                     indicative."
            ),
        })
    }

    /// Fewer than [`SMALL_SAMPLE`] students with published results.
    fn caution_published(&self) -> String {
        match self.lang {
            Lang::Zh => {
                format!("已公布成绩的学生少于{SMALL_SAMPLE}人，通过率仅供参考。")
            }
            Lang::En => format!(
                " Fewer than {SMALL_SAMPLE} students have published results, so the pass rates \
                 are only indicative."
            ),
        }
    }

    /// The named pilots with fewer than [`SMALL_SAMPLE`] registered; by count beyond three.
    fn caution_pilots(&self, small: &[&Pilot]) -> String {
        let lang = self.lang;
        if small.len() > 3 {
            return match lang {
                Lang::Zh => format!(
                    "其中{}个试点的报考人数少于{SMALL_SAMPLE}人，其通过率仅供参考。",
                    small.len()
                ),
                Lang::En => format!(
                    " {} of them had fewer than {SMALL_SAMPLE} students, so their rates are only \
                     indicative.",
                    self.number(small.len() as u64)
                ),
            };
        }
        let names: Vec<String> = small.iter().map(|pilot| pilot.name(lang)).collect();
        match lang {
            Lang::Zh => format!(
                "{}的报考人数少于{SMALL_SAMPLE}人，通过率仅供参考。",
                join(&names, "、", "和")
            ),
            Lang::En => format!(
                " Fewer than {SMALL_SAMPLE} students sat for {}, so {} only indicative.",
                join(&names, ", ", " and "),
                if names.len() == 1 {
                    "this rate is"
                } else {
                    "these rates are"
                }
            ),
        }
    }
}

/// `a`, `a和b`, `a、b和c`.
fn join(names: &[String], comma: &str, and: &str) -> String {
    match names {
        [] => String::new(),
        [only] => only.clone(),
        [init @ .., last] => format!("{}{and}{last}", init.join(comma)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rates_compare_exactly() {
        let rate = |part, whole| Ratio::new(part, whole).unwrap();
        assert_eq!(rate(45, 90).cmp_value(rate(1, 2)), Ordering::Equal);
        assert_eq!(rate(2, 3).cmp_value(rate(66, 100)), Ordering::Greater);
    }

    #[test]
    fn names_join_as_each_language_lists_them() {
        let names = ["甲".to_string(), "乙".to_string(), "丙".to_string()];
        assert_eq!(join(&names[..1], "、", "和"), "甲");
        assert_eq!(join(&names, "、", "和"), "甲、乙和丙");
    }
}
