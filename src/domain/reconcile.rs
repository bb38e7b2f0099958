//! Reconciliation: the totals computed from the records beside the totals the report printed,
//! with every disagreement explained, and the warnings a careful reader of the data would raise.

use super::figures::{Ratio, Totals, format_number};
use super::lang::count_noun;
use super::lang::{Lang, format_count};
use super::model::{Dataset, Record};

/// A total the report prints.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Figure {
    Pilots,
    CertificateLevels,
    Majors,
    ApprovedTrainees,
    SocialTrainingPersonDays,
    Registered,
    Certified,
    PassRate,
}

impl Figure {
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Figure::Pilots => lang.pick("试点数", "Pilots"),
            Figure::CertificateLevels => lang.pick("证书等级数", "Certificate levels"),
            Figure::Majors => lang.pick("涵盖专业数", "Majors covered"),
            Figure::ApprovedTrainees => lang.pick("已批准培训人数", "Approved trainees"),
            Figure::SocialTrainingPersonDays => {
                lang.pick("面向社会培训量（人日）", "Social training (person-days)")
            }
            Figure::Registered => lang.pick("报考人数", "Registered"),
            Figure::Certified => lang.pick("获证人数", "Certified"),
            Figure::PassRate => lang.pick("通过率", "Pass rate"),
        }
    }
}

/// What the comparison of one total found.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Verdict {
    Agrees,
    NotReported,
    /// The report prints the total, but no record of the data carries the column it adds up
    /// (a table without 已批准培训人数): nothing to compare.
    NotInData,
    Differs,
    /// The printed rate counts the examinees still waiting for results as not certified.
    RateCountsPendingAsFailed {
        pending_records: usize,
        pending_registered: u64,
        published: Option<Ratio>,
    },
}

impl Verdict {
    /// A sign that reads at a glance: ✓, – or ⚠.
    pub fn mark(self) -> &'static str {
        match self {
            Verdict::Agrees => "✓",
            Verdict::NotReported | Verdict::NotInData => "–",
            Verdict::Differs | Verdict::RateCountsPendingAsFailed { .. } => "⚠",
        }
    }

    /// The verdict in a word or two: `一致`, `Differs`.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Verdict::Agrees => lang.pick("一致", "Agrees"),
            Verdict::NotReported => lang.pick("报告未列", "Not in the report"),
            Verdict::NotInData => lang.pick("数据无此列", "Not in the data"),
            Verdict::Differs => lang.pick("不一致", "Differs"),
            Verdict::RateCountsPendingAsFailed { .. } => {
                lang.pick("口径不同", "Counted differently")
            }
        }
    }
}

/// One line of the reconciliation: a total as computed and as printed.
#[derive(Clone, Debug, PartialEq)]
pub struct TotalCheck {
    pub figure: Figure,
    /// Counts as whole numbers; the pass rate in percent.
    pub computed: Option<f64>,
    pub reported: Option<f64>,
    pub verdict: Verdict,
}

impl TotalCheck {
    pub fn is_flagged(&self) -> bool {
        !matches!(
            self.verdict,
            Verdict::Agrees | Verdict::NotReported | Verdict::NotInData
        )
    }

    /// The total as computed: `3482`, `3,482` in English, `65.97%`, `--`, or, where no record
    /// carries the column, that it is absent.
    pub fn computed_text(&self, lang: Lang) -> String {
        match self.verdict {
            Verdict::NotInData => lang.pick("数据中没有这一列", "no such column").into(),
            _ => self.format(self.computed, lang),
        }
    }

    /// The total as printed, written as [`TotalCheck::computed_text`] writes it.
    pub fn reported_text(&self, lang: Lang) -> String {
        self.format(self.reported, lang)
    }

    fn format(&self, value: Option<f64>, lang: Lang) -> String {
        match (value, self.figure) {
            (None, _) => "--".into(),
            (Some(percent), Figure::PassRate) => format!("{percent:.2}%"),
            (Some(count), _) => whole(count, lang),
        }
    }

    /// A sentence that explains a flagged line; `None` when there is nothing to explain.
    pub fn explanation(&self, lang: Lang) -> Option<String> {
        let (computed, reported) = (self.computed_text(lang), self.reported_text(lang));
        match self.verdict {
            Verdict::Agrees | Verdict::NotReported | Verdict::NotInData => None,
            Verdict::RateCountsPendingAsFailed {
                pending_records,
                pending_registered,
                published,
            } => {
                let published = super::figures::format_rate(published);
                Some(match lang {
                    Lang::Zh => format!(
                        "报告的 {reported} 是按全部报考人数计算的：{pending_records} 个试点的 {pending_registered} 名考生尚未出成绩，被算作未获证。只计已公布成绩的试点，通过率为 {published}。"
                    ),
                    Lang::En => {
                        let examinees = count_noun(pending_registered, "examinee", "examinees");
                        let pilots = count_noun(pending_records as u64, "pilot", "pilots");
                        format!(
                            "The printed {reported} divides by everyone registered: the {examinees} of {pilots} still waiting for results count as not certified. Over published results only, the pass rate is {published}."
                        )
                    }
                })
            }
            Verdict::Differs => {
                let difference = match (self.computed, self.reported) {
                    (Some(c), Some(r)) if self.figure == Figure::PassRate => {
                        format!("{:.2}", (c - r).abs())
                    }
                    (Some(c), Some(r)) => whole((c - r).abs(), lang),
                    _ => "--".into(),
                };
                let name = self.figure.label(lang);
                let how = match (self.figure, lang) {
                    (Figure::Majors, Lang::Zh) => {
                        "专业按代码去重计数；报告的总数可能把某个专业算了两次，或有专业没有列进明细表。"
                    }
                    (Figure::Majors, Lang::En) => {
                        " Majors are counted once per code; the printed total may count one twice, or name one that the tables do not list."
                    }
                    (Figure::Pilots, Lang::Zh) => "试点按“申报批次 + 证书名称”去重计数。",
                    (Figure::Pilots, Lang::En) => {
                        " A pilot is one certificate in one batch, whatever its levels."
                    }
                    (_, Lang::Zh) => "请核对明细数据与报告的合计行。",
                    (_, Lang::En) => " Check the records against the report's total row.",
                };
                Some(match lang {
                    Lang::Zh => format!(
                        "{name}：按记录计算为 {computed}，报告印的是 {reported}，相差 {difference}。{how}"
                    ),
                    Lang::En => format!(
                        "{name}: the records give {computed}, the report prints {reported}, a difference of {difference}.{how}"
                    ),
                })
            }
        }
    }
}

/// A count kept as a float, written whole: `3482`, or `3,482` in English.
fn whole(count: f64, lang: Lang) -> String {
    format_number(count.round(), lang)
}

/// Something in one record that a reader should look at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WarningKind {
    RegisteredExceedsApproved { registered: u64, approved: u64 },
    ResultsPending { registered: u64 },
    NobodyRegistered,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Warning {
    /// Index into the dataset's records.
    pub index: usize,
    pub kind: WarningKind,
}

impl Warning {
    /// The warning with the record it is about: "Web前端开发 · 中级（…）：无人报考。"
    pub fn message(&self, record: &Record, lang: Lang) -> String {
        let who = record.full_name(lang);
        match lang {
            Lang::Zh => format!("{who}：{}", self.finding(lang)),
            Lang::En => format!("{who}: {}", self.finding(lang)),
        }
    }

    /// The warning alone, for a place that names the record beside it (the workbook's 核对).
    pub fn finding(&self, lang: Lang) -> String {
        let count = |n: u64| format_count(n, lang);
        match (self.kind, lang) {
            (
                WarningKind::RegisteredExceedsApproved {
                    registered,
                    approved,
                },
                Lang::Zh,
            ) => {
                format!("报考 {registered} 人，多于已批准培训的 {approved} 人。")
            }
            (
                WarningKind::RegisteredExceedsApproved {
                    registered,
                    approved,
                },
                Lang::En,
            ) => {
                format!(
                    "{} registered, more than the {} approved trainees.",
                    count(registered),
                    count(approved)
                )
            }
            (WarningKind::ResultsPending { registered }, Lang::Zh) => {
                format!("{registered} 人报考，尚未公布成绩。")
            }
            (WarningKind::ResultsPending { registered }, Lang::En) => {
                format!(
                    "{} registered, results not yet published.",
                    count(registered)
                )
            }
            (WarningKind::NobodyRegistered, Lang::Zh) => "无人报考。".into(),
            (WarningKind::NobodyRegistered, Lang::En) => "nobody registered.".into(),
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Reconciliation {
    /// One line per printed total, in the report's order; empty when nothing was printed.
    pub totals: Vec<TotalCheck>,
    /// In record order; a record may have more than one.
    pub warnings: Vec<Warning>,
    /// Majors written under more than one code (an old and a new code), each counted once.
    pub merged_majors: Vec<super::majors::MajorValue>,
}

impl Reconciliation {
    pub fn flagged(&self) -> impl Iterator<Item = &TotalCheck> {
        self.totals.iter().filter(|line| line.is_flagged())
    }
}

/// A printed rate has two decimals: it agrees when it is the computed one, so rounded.
fn same_rate(rate: Option<Ratio>, printed: f64) -> bool {
    rate.is_some_and(|rate| (rate.hundredths_of_percent() as f64 - printed * 100.0).abs() < 0.5)
}

pub fn reconcile(dataset: &Dataset) -> Reconciliation {
    let totals = Totals::of(&dataset.records);
    let lines = dataset
        .reported_totals
        .as_ref()
        .map(|printed| {
            let count = |figure: Figure, computed: u64, reported: Option<u64>| TotalCheck {
                figure,
                computed: Some(computed as f64),
                reported: reported.map(|r| r as f64),
                verdict: match reported {
                    None => Verdict::NotReported,
                    Some(r) if r == computed => Verdict::Agrees,
                    Some(_) => Verdict::Differs,
                },
            };
            // A total of a column that no record carries is no 0: the column is absent.
            let column = |check: TotalCheck, value: fn(&Record) -> Option<u64>| {
                if dataset.records.iter().all(|r| value(r).is_none()) {
                    TotalCheck {
                        computed: None,
                        verdict: if check.reported.is_some() {
                            Verdict::NotInData
                        } else {
                            Verdict::NotReported
                        },
                        ..check
                    }
                } else {
                    check
                }
            };
            vec![
                count(Figure::Pilots, totals.pilots as u64, printed.pilots),
                count(
                    Figure::CertificateLevels,
                    totals.records as u64,
                    printed.certificate_levels,
                ),
                count(Figure::Majors, totals.majors as u64, printed.majors),
                column(
                    count(
                        Figure::ApprovedTrainees,
                        totals.approved_trainees,
                        printed.approved_trainees,
                    ),
                    |r| r.approved_trainees,
                ),
                column(
                    count(
                        Figure::SocialTrainingPersonDays,
                        totals.social_training_person_days,
                        printed.social_training_person_days,
                    ),
                    |r| r.social_training_person_days,
                ),
                count(Figure::Registered, totals.registered, printed.registered),
                count(Figure::Certified, totals.certified, printed.certified),
                pass_rate_check(&totals, printed.pass_rate_percent),
            ]
        })
        .unwrap_or_default();
    Reconciliation {
        totals: lines,
        warnings: warnings(&dataset.records),
        merged_majors: super::majors::distinct(dataset.records.iter().flat_map(|r| &r.majors))
            .into_iter()
            .filter(|major| !major.other_codes.is_empty())
            .collect(),
    }
}

fn pass_rate_check(totals: &Totals, printed: Option<f64>) -> TotalCheck {
    let all = totals.pass_rate_all_registered();
    let published = totals.pass_rate_published();
    let (computed, verdict) = match printed {
        None => (all, Verdict::NotReported),
        Some(p) if same_rate(all, p) && totals.pending_registered > 0 => (
            all,
            Verdict::RateCountsPendingAsFailed {
                pending_records: totals.pending_records,
                pending_registered: totals.pending_registered,
                published,
            },
        ),
        Some(p) if same_rate(all, p) => (all, Verdict::Agrees),
        Some(p) if same_rate(published, p) => (published, Verdict::Agrees),
        Some(_) => (all, Verdict::Differs),
    };
    TotalCheck {
        figure: Figure::PassRate,
        computed: computed.map(|rate| rate.hundredths_of_percent() as f64 / 100.0),
        reported: printed,
        verdict,
    }
}

fn warnings(records: &[Record]) -> Vec<Warning> {
    let mut warnings = Vec::new();
    for (index, record) in records.iter().enumerate() {
        let mut warn = |kind| warnings.push(Warning { index, kind });
        if let Some(approved) = record.approved_trainees
            && record.registered > approved
        {
            warn(WarningKind::RegisteredExceedsApproved {
                registered: record.registered,
                approved,
            });
        }
        if record.registered == 0 {
            warn(WarningKind::NobodyRegistered);
        } else if record.is_pending() {
            warn(WarningKind::ResultsPending {
                registered: record.registered,
            });
        }
    }
    warnings
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::{Level, ReportedTotals};

    fn record(registered: u64, certified: Option<u64>, approved: Option<u64>) -> Record {
        Record {
            batch: "2021年第一批".into(),
            certificate: "物流管理职业技能等级证书".into(),
            level: Level::Intermediate,
            majors: vec![],
            approved_trainees: approved,
            social_training_person_days: None,
            registered,
            certified,
            reported_pass_rate_percent: None,
            note: None,
        }
    }

    fn dataset() -> Dataset {
        Dataset {
            title: "t".into(),
            records: vec![
                record(2400, Some(1800), Some(2000)),
                record(1082, None, None),
            ],
            reported_totals: Some(ReportedTotals {
                registered: Some(3482),
                certified: Some(1700),
                pass_rate_percent: Some(51.69),
                ..ReportedTotals::default()
            }),
            ..Dataset::default()
        }
    }

    #[test]
    fn verdicts_in_both_languages() {
        assert_eq!(Verdict::Agrees.mark(), "✓");
        assert_eq!(Verdict::Agrees.label(Lang::Zh), "一致");
        assert_eq!(Verdict::Differs.label(Lang::En), "Differs");
        assert_eq!(Verdict::NotReported.label(Lang::Zh), "报告未列");
        assert_eq!(Verdict::NotReported.mark(), "–");
    }

    #[test]
    fn a_total_of_a_column_no_record_carries_says_the_column_is_absent() {
        let mut data = dataset();
        for record in &mut data.records {
            record.approved_trainees = None;
        }
        data.reported_totals.as_mut().unwrap().approved_trainees = Some(4307);
        data.reported_totals
            .as_mut()
            .unwrap()
            .social_training_person_days = Some(728);
        let reconciliation = reconcile(&data);
        let line = |figure: Figure| {
            reconciliation
                .totals
                .iter()
                .find(|line| line.figure == figure)
                .unwrap()
                .clone()
        };
        for figure in [Figure::ApprovedTrainees, Figure::SocialTrainingPersonDays] {
            let absent = line(figure);
            assert_eq!(absent.verdict, Verdict::NotInData);
            assert_eq!(absent.computed_text(Lang::Zh), "数据中没有这一列");
            assert_ne!(absent.computed_text(Lang::Zh), "0");
            assert!(!absent.is_flagged());
            assert_eq!(absent.explanation(Lang::Zh), None);
        }
        // One record with the column: a real 0 is a figure again.
        data.records[0].approved_trainees = Some(0);
        let reconciliation = reconcile(&data);
        let approved = reconciliation
            .totals
            .iter()
            .find(|line| line.figure == Figure::ApprovedTrainees)
            .unwrap();
        assert_eq!(approved.verdict, Verdict::Differs);
        assert_eq!(approved.computed_text(Lang::Zh), "0");
        // The workbook's 核对 names a record beside its finding, not in it.
        assert_eq!(
            reconciliation.warnings[0].finding(Lang::Zh),
            "报考 2400 人，多于已批准培训的 0 人。"
        );
    }

    #[test]
    fn counts_are_grouped_in_english_only() {
        let reconciliation = reconcile(&dataset());
        let registered = reconciliation
            .totals
            .iter()
            .find(|line| line.figure == Figure::Registered)
            .unwrap();
        assert_eq!(registered.computed_text(Lang::Zh), "3482");
        assert_eq!(registered.computed_text(Lang::En), "3,482");
        let certified = reconciliation
            .totals
            .iter()
            .find(|line| line.figure == Figure::Certified)
            .unwrap();
        assert_eq!(
            certified.explanation(Lang::Zh).unwrap(),
            "获证人数：按记录计算为 1800，报告印的是 1700，相差 100。请核对明细数据与报告的合计行。"
        );
        assert_eq!(
            certified.explanation(Lang::En).unwrap(),
            "Certified: the records give 1,800, the report prints 1,700, a difference of 100. Check the records against the report's total row."
        );
        let rate = reconciliation
            .totals
            .iter()
            .find(|line| line.figure == Figure::PassRate)
            .unwrap();
        assert_eq!(rate.computed_text(Lang::En), "51.69%");
        assert!(
            rate.explanation(Lang::En)
                .unwrap()
                .contains("the 1,082 examinees of 1 pilot still waiting"),
            "{:?}",
            rate.explanation(Lang::En)
        );
    }

    #[test]
    fn warnings_in_both_languages() {
        let data = dataset();
        let warnings = reconcile(&data).warnings;
        let over = &warnings[0];
        assert_eq!(
            over.message(&data.records[over.index], Lang::Zh),
            "2021年第一批 · 物流管理职业技能等级证书 · 中级：报考 2400 人，多于已批准培训的 2000 人。"
        );
        assert_eq!(
            over.message(&data.records[over.index], Lang::En),
            "2021年第一批 · 物流管理职业技能等级证书 · Intermediate: 2,400 registered, more than the 2,000 approved trainees."
        );
        let pending = &warnings[1];
        assert_eq!(
            pending.message(&data.records[pending.index], Lang::En),
            "2021年第一批 · 物流管理职业技能等级证书 · Intermediate: 1,082 registered, results not yet published."
        );
    }
}
