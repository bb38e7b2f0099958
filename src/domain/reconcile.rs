//! Reconciliation: the totals computed from the records beside the totals the report printed,
//! with every disagreement explained, and the warnings a careful reader of the data would raise.

use super::figures::{Ratio, Totals};
use super::lang::Lang;
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
    Differs,
    /// The printed rate counts the examinees still waiting for results as not certified.
    RateCountsPendingAsFailed {
        pending_records: usize,
        pending_registered: u64,
        published: Option<Ratio>,
    },
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
        !matches!(self.verdict, Verdict::Agrees | Verdict::NotReported)
    }

    pub fn computed_text(&self) -> String {
        self.format(self.computed)
    }

    pub fn reported_text(&self) -> String {
        self.format(self.reported)
    }

    fn format(&self, value: Option<f64>) -> String {
        match (value, self.figure) {
            (None, _) => "--".into(),
            (Some(percent), Figure::PassRate) => format!("{percent:.2}%"),
            (Some(count), _) => format!("{count:.0}"),
        }
    }

    /// A sentence that explains a flagged line; `None` when there is nothing to explain.
    pub fn explanation(&self, lang: Lang) -> Option<String> {
        let (computed, reported) = (self.computed_text(), self.reported_text());
        match self.verdict {
            Verdict::Agrees | Verdict::NotReported => None,
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
                    Lang::En => format!(
                        "The printed {reported} divides by everyone registered: the {pending_registered} examinees of {pending_records} pilots still waiting for results count as not certified. Over published results only, the pass rate is {published}."
                    ),
                })
            }
            Verdict::Differs => {
                let difference = match (self.computed, self.reported) {
                    (Some(c), Some(r)) if self.figure == Figure::PassRate => {
                        format!("{:.2}", (c - r).abs())
                    }
                    (Some(c), Some(r)) => format!("{:.0}", (c - r).abs()),
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
    pub fn message(&self, record: &Record, lang: Lang) -> String {
        let who = format!(
            "{} · {} · {}",
            record.batch,
            record.certificate,
            match lang {
                Lang::Zh => record.level.as_str(),
                Lang::En => record.level.english(),
            }
        );
        match (self.kind, lang) {
            (
                WarningKind::RegisteredExceedsApproved {
                    registered,
                    approved,
                },
                Lang::Zh,
            ) => {
                format!("{who}：报考 {registered} 人，多于已批准培训的 {approved} 人。")
            }
            (
                WarningKind::RegisteredExceedsApproved {
                    registered,
                    approved,
                },
                Lang::En,
            ) => {
                format!(
                    "{who}: {registered} registered, more than the {approved} approved trainees."
                )
            }
            (WarningKind::ResultsPending { registered }, Lang::Zh) => {
                format!("{who}：{registered} 人报考，尚未公布成绩。")
            }
            (WarningKind::ResultsPending { registered }, Lang::En) => {
                format!("{who}: {registered} registered, results not yet published.")
            }
            (WarningKind::NobodyRegistered, Lang::Zh) => format!("{who}：无人报考。"),
            (WarningKind::NobodyRegistered, Lang::En) => format!("{who}: nobody registered."),
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Reconciliation {
    /// One line per printed total, in the report's order; empty when nothing was printed.
    pub totals: Vec<TotalCheck>,
    /// In record order; a record may have more than one.
    pub warnings: Vec<Warning>,
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
            vec![
                count(Figure::Pilots, totals.pilots as u64, printed.pilots),
                count(
                    Figure::CertificateLevels,
                    totals.records as u64,
                    printed.certificate_levels,
                ),
                count(Figure::Majors, totals.majors as u64, printed.majors),
                count(
                    Figure::ApprovedTrainees,
                    totals.approved_trainees,
                    printed.approved_trainees,
                ),
                count(
                    Figure::SocialTrainingPersonDays,
                    totals.social_training_person_days,
                    printed.social_training_person_days,
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
