//! A record's fields as the user reads and types them: each field's text form, and reading a
//! typed text back into a value, with a reason in the user's language when it cannot be.

use super::lang::{Lang, format_count};
use super::model::{Level, Major, Record};
use super::numbers::{CountError, read_count, read_percent};

/// One editable field of a record. `key` is the file's key, which is also the name of the
/// field's input in the records table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    Batch,
    Certificate,
    Level,
    Majors,
    ApprovedTrainees,
    SocialTrainingPersonDays,
    Registered,
    Certified,
    ReportedPassRate,
    Note,
}

impl Field {
    pub const ALL: [Field; 10] = [
        Field::Batch,
        Field::Certificate,
        Field::Level,
        Field::Majors,
        Field::ApprovedTrainees,
        Field::SocialTrainingPersonDays,
        Field::Registered,
        Field::Certified,
        Field::ReportedPassRate,
        Field::Note,
    ];

    /// The file's key for the field.
    pub fn key(self) -> &'static str {
        match self {
            Field::Batch => "batch",
            Field::Certificate => "certificate",
            Field::Level => "level",
            Field::Majors => "majors",
            Field::ApprovedTrainees => "approved_trainees",
            Field::SocialTrainingPersonDays => "social_training_person_days",
            Field::Registered => "registered",
            Field::Certified => "certified",
            Field::ReportedPassRate => "reported_pass_rate_percent",
            Field::Note => "note",
        }
    }

    /// The field a file key (and a table box's `name`) stands for.
    pub fn from_key(key: &str) -> Option<Field> {
        Field::ALL.into_iter().find(|field| field.key() == key)
    }

    /// The field's name as the report's tables head it.
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Field::Batch, Lang::Zh) => "申报批次",
            (Field::Certificate, Lang::Zh) => "证书名称",
            (Field::Level, Lang::Zh) => "证书等级",
            (Field::Majors, Lang::Zh) => "涵盖专业",
            (Field::ApprovedTrainees, Lang::Zh) => "已批准培训人数",
            (Field::SocialTrainingPersonDays, Lang::Zh) => "社会培训量（人日）",
            (Field::Registered, Lang::Zh) => "报考人数",
            (Field::Certified, Lang::Zh) => "获证人数",
            (Field::ReportedPassRate, Lang::Zh) => "报告通过率",
            (Field::Note, Lang::Zh) => "备注",
            (Field::Batch, Lang::En) => "Batch",
            (Field::Certificate, Lang::En) => "Certificate",
            (Field::Level, Lang::En) => "Level",
            (Field::Majors, Lang::En) => "Majors",
            (Field::ApprovedTrainees, Lang::En) => "Approved trainees",
            (Field::SocialTrainingPersonDays, Lang::En) => "Social training (person-days)",
            (Field::Registered, Lang::En) => "Registered",
            (Field::Certified, Lang::En) => "Certified",
            (Field::ReportedPassRate, Lang::En) => "Reported pass rate",
            (Field::Note, Lang::En) => "Note",
        }
    }

    /// The field of `record` as text, in the form [`Field::read`] reads back.
    pub fn text(self, record: &Record) -> String {
        let count = |value: Option<u64>| value.map_or_else(String::new, |v| v.to_string());
        match self {
            Field::Batch => record.batch.clone(),
            Field::Certificate => record.certificate.clone(),
            Field::Level => record.level.as_str().to_string(),
            Field::Majors => format_majors(&record.majors),
            Field::ApprovedTrainees => count(record.approved_trainees),
            Field::SocialTrainingPersonDays => count(record.social_training_person_days),
            Field::Registered => record.registered.to_string(),
            Field::Certified => record
                .certified
                .map_or_else(|| "--".to_string(), |v| v.to_string()),
            // As the report prints it (86.00) where that is exact.
            Field::ReportedPassRate => {
                record
                    .reported_pass_rate_percent
                    .map_or_else(String::new, |p| {
                        if ((p * 100.0).round() / 100.0 - p).abs() < 1e-9 {
                            format!("{p:.2}")
                        } else {
                            format_percent(p)
                        }
                    })
            }
            Field::Note => record.note.clone().unwrap_or_default(),
        }
    }

    /// `record` with this field read from `text`; the record's other rules (certified at most
    /// registered, no two records alike) are checked by the editor, which sees all records.
    pub fn read(self, record: &Record, text: &str) -> Result<Record, EditProblem> {
        let mut next = record.clone();
        let trimmed = text.trim();
        match self {
            Field::Batch | Field::Certificate => {
                if trimmed.is_empty() {
                    return Err(EditProblem::Required(self));
                }
                let value = trimmed.to_string();
                if self == Field::Batch {
                    next.batch = value;
                } else {
                    next.certificate = value;
                }
            }
            Field::Level => {
                next.level = Level::from_file(trimmed).ok_or(EditProblem::NotALevel)?;
            }
            Field::Majors => next.majors = parse_majors(trimmed)?,
            Field::ApprovedTrainees => next.approved_trainees = optional_count(trimmed)?,
            Field::SocialTrainingPersonDays => {
                next.social_training_person_days = optional_count(trimmed)?
            }
            Field::Registered => {
                next.registered = if trimmed.is_empty() {
                    return Err(EditProblem::Required(self));
                } else {
                    count(trimmed)?
                }
            }
            Field::Certified => next.certified = optional_count(trimmed)?,
            Field::ReportedPassRate => {
                next.reported_pass_rate_percent = if is_missing(trimmed) {
                    None
                } else {
                    match read_percent(trimmed) {
                        Some(p) if (0.0..=100.0).contains(&p) => Some(p),
                        _ => return Err(EditProblem::NotAPercent),
                    }
                }
            }
            Field::Note => next.note = (!text.is_empty()).then(|| text.to_string()),
        }
        Ok(next)
    }
}

/// Why a typed value was not taken.
#[derive(Clone, Debug, PartialEq)]
pub enum EditProblem {
    Required(Field),
    NotACount,
    TooLarge,
    NotAPercent,
    NotALevel,
    /// A piece of the majors text that is not "code name".
    NotAMajor(String),
    CertifiedExceedsRegistered {
        certified: u64,
        registered: u64,
    },
    /// Another record has the same batch, certificate and level.
    Duplicate {
        batch: String,
        certificate: String,
        level: Level,
    },
}

impl EditProblem {
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (EditProblem::Required(field), Lang::Zh) => format!("{}不能为空", field.label(lang)),
            (EditProblem::Required(field), Lang::En) => {
                format!("{} cannot be empty", field.label(lang))
            }
            (EditProblem::NotACount, Lang::Zh) => "请填写不小于 0 的整数".into(),
            (EditProblem::NotACount, Lang::En) => "Enter a whole number, 0 or more".into(),
            (EditProblem::TooLarge, Lang::Zh) => "数字太大".into(),
            (EditProblem::TooLarge, Lang::En) => "The number is too large".into(),
            (EditProblem::NotAPercent, Lang::Zh) => "请填写 0 到 100 之间的数，或留空".into(),
            (EditProblem::NotAPercent, Lang::En) => {
                "Enter a number from 0 to 100, or leave it empty".into()
            }
            (EditProblem::NotALevel, Lang::Zh) => "等级只能是 初级、中级 或 高级".into(),
            (EditProblem::NotALevel, Lang::En) => {
                "The level must be 初级, 中级 or 高级 (elementary, intermediate, advanced)".into()
            }
            (EditProblem::NotAMajor(piece), Lang::Zh) => {
                format!(
                    "“{piece}”不是“代码 名称”：请写作“【560118】工业设计”，多个专业用空格或分号隔开"
                )
            }
            (EditProblem::NotAMajor(piece), Lang::En) => format!(
                "\"{piece}\" is not \"code name\": write \"【560118】工业设计\", several separated by spaces or semicolons"
            ),
            (
                EditProblem::CertifiedExceedsRegistered {
                    certified,
                    registered,
                },
                Lang::Zh,
            ) => format!("获证人数 {certified} 多于报考人数 {registered}"),
            (
                EditProblem::CertifiedExceedsRegistered {
                    certified,
                    registered,
                },
                Lang::En,
            ) => format!(
                "{} certified is more than {} registered",
                format_count(*certified, lang),
                format_count(*registered, lang)
            ),
            (
                EditProblem::Duplicate {
                    batch,
                    certificate,
                    level,
                },
                Lang::Zh,
            ) => format!(
                "已有一条记录是 {batch} · {certificate} · {}",
                level.as_str()
            ),
            (
                EditProblem::Duplicate {
                    batch,
                    certificate,
                    level,
                },
                Lang::En,
            ) => format!(
                "There is already a record for {batch} · {certificate} · {}",
                level.english()
            ),
        }
    }
}

/// Empty, or the report's `--` (also typed as `-` or a dash): no value.
pub(crate) fn is_missing(text: &str) -> bool {
    matches!(text, "" | "--" | "-" | "—" | "——" | "－－")
}

fn count(text: &str) -> Result<u64, EditProblem> {
    read_count(text).map_err(|error| match error {
        CountError::NotACount => EditProblem::NotACount,
        CountError::TooLarge => EditProblem::TooLarge,
    })
}

fn optional_count(text: &str) -> Result<Option<u64>, EditProblem> {
    if is_missing(text) {
        Ok(None)
    } else {
        count(text).map(Some)
    }
}

/// 86 → "86", 65.97 → "65.97".
pub(crate) fn format_percent(value: f64) -> String {
    let text = format!("{value:.4}");
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// Majors as the report writes them: `【560118】工业设计 【560102】机械制造与自动化`. Majors
/// known only by name are listed after, separated by 、 (`工业设计、数控技术`).
pub fn format_majors(majors: &[Major]) -> String {
    let coded = majors
        .iter()
        .filter(|m| !m.code.is_empty())
        .map(|m| format!("【{}】{}", m.code, m.name))
        .collect::<Vec<_>>()
        .join(" ");
    let named = majors
        .iter()
        .filter(|m| m.code.is_empty())
        .map(|m| m.name.as_str())
        .collect::<Vec<_>>()
        .join("、");
    match (coded.is_empty(), named.is_empty()) {
        (_, true) => coded,
        (true, false) => named,
        (false, false) => format!("{coded}；{named}"),
    }
}

/// A major known by name alone (none for an empty piece).
fn named_major(piece: &str) -> Option<Major> {
    let name = piece.trim();
    (!name.is_empty()).then(|| Major {
        code: String::new(),
        name: name.to_string(),
    })
}

/// Where a list of majors written by name alone is cut.
const MAJOR_SEPARATORS: [char; 9] = [';', '；', ',', '，', '、', '\n', '/', '／', '|'];

/// Reads majors written as the report writes them (`【560118】工业设计 【560102】…`), as
/// `560118 工业设计；560102 机械制造与自动化`, or by name alone (`工业设计、数控技术`), separated by
/// semicolons, commas, 、, slashes or new lines. A name without a code is a major without one.
pub fn parse_majors(text: &str) -> Result<Vec<Major>, EditProblem> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(Vec::new());
    }
    let mut majors = Vec::new();
    if text.contains('【') || text.contains('[') {
        // Each major starts at a bracket; the name runs to the next one.
        let normalised = text.replace('[', "【").replace(']', "】");
        let mut pieces = normalised.split('【');
        let before = pieces.next().unwrap_or_default().trim();
        if !before.is_empty() {
            return Err(EditProblem::NotAMajor(before.to_string()));
        }
        for piece in pieces {
            let Some((code, name)) = piece.split_once('】') else {
                return Err(EditProblem::NotAMajor(format!("【{piece}")));
            };
            let code = code.trim();
            if code.is_empty() {
                return Err(EditProblem::NotAMajor(format!("【{piece}")));
            }
            // The name runs to the next bracket, or to a separator: what follows one is
            // majors known by name alone.
            let (name, rest) = name.split_once(MAJOR_SEPARATORS).unwrap_or((name, ""));
            majors.push(Major {
                code: code.to_string(),
                name: name.trim().to_string(),
            });
            majors.extend(rest.split(MAJOR_SEPARATORS).filter_map(named_major));
        }
    } else {
        for piece in text.split(MAJOR_SEPARATORS) {
            let piece = piece.trim();
            if piece.is_empty() {
                continue;
            }
            match piece.split_once(char::is_whitespace) {
                Some((code, name)) if code.chars().any(|c| c.is_ascii_digit()) => {
                    majors.push(Major {
                        code: code.to_string(),
                        name: name.trim().to_string(),
                    })
                }
                _ if piece.chars().all(|c| c.is_ascii_digit()) => majors.push(Major {
                    code: piece.to_string(),
                    name: String::new(),
                }),
                _ => majors.extend(named_major(piece)),
            }
        }
    }
    Ok(majors)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Record {
        Record {
            batch: "2021年第一批".into(),
            certificate: "物流管理".into(),
            level: Level::Intermediate,
            majors: vec![Major {
                code: "530802".into(),
                name: "物流管理".into(),
            }],
            approved_trainees: Some(50),
            social_training_person_days: None,
            registered: 50,
            certified: Some(43),
            reported_pass_rate_percent: Some(86.0),
            note: None,
        }
    }

    #[test]
    fn every_field_reads_back_its_own_text() {
        let record = sample();
        for field in Field::ALL {
            assert_eq!(
                field.read(&record, &field.text(&record)),
                Ok(record.clone()),
                "{field:?}"
            );
        }
    }

    #[test]
    fn counts_must_be_whole_and_not_negative() {
        let record = sample();
        for text in ["-1", "1.5", "abc", "1e3", "1,2", "60元"] {
            assert_eq!(
                Field::Registered.read(&record, text),
                Err(EditProblem::NotACount),
                "{text}"
            );
        }
        assert_eq!(
            Field::Registered.read(&record, "99999999999999999999999"),
            Err(EditProblem::TooLarge)
        );
        assert_eq!(
            Field::Registered.read(&record, ""),
            Err(EditProblem::Required(Field::Registered))
        );
        assert_eq!(
            Field::Certified.read(&record, "--").unwrap().certified,
            None
        );
        assert_eq!(
            Field::Certified.read(&record, " 7 ").unwrap().certified,
            Some(7)
        );
        // As Chinese input methods and spreadsheets write them.
        for (text, value) in [("６０", 60), ("1,200", 1200), ("60人", 60), ("１２", 12)] {
            assert_eq!(
                Field::Registered.read(&record, text).unwrap().registered,
                value,
                "{text}"
            );
        }
        assert_eq!(
            Field::ApprovedTrainees
                .read(&record, "")
                .unwrap()
                .approved_trainees,
            None
        );
    }

    #[test]
    fn levels_and_percentages() {
        let record = sample();
        assert_eq!(
            Field::Level.read(&record, "高级").unwrap().level,
            Level::Advanced
        );
        assert_eq!(
            Field::Level.read(&record, "特级"),
            Err(EditProblem::NotALevel)
        );
        assert_eq!(
            Field::ReportedPassRate
                .read(&record, "65.97%")
                .unwrap()
                .reported_pass_rate_percent,
            Some(65.97)
        );
        assert_eq!(
            Field::ReportedPassRate.read(&record, "101"),
            Err(EditProblem::NotAPercent)
        );
    }

    #[test]
    fn problems_in_both_languages() {
        let over = EditProblem::CertifiedExceedsRegistered {
            certified: 1200,
            registered: 1100,
        };
        assert_eq!(over.message(Lang::Zh), "获证人数 1200 多于报考人数 1100");
        assert_eq!(
            over.message(Lang::En),
            "1,200 certified is more than 1,100 registered"
        );
        let required = EditProblem::Required(Field::Certificate);
        assert_eq!(required.message(Lang::Zh), "证书名称不能为空");
        assert_eq!(required.message(Lang::En), "Certificate cannot be empty");
    }

    #[test]
    fn majors_in_the_reports_form_and_in_plain_lists() {
        let both = vec![
            Major {
                code: "560118".into(),
                name: "工业设计".into(),
            },
            Major {
                code: "560102".into(),
                name: "机械制造与自动化".into(),
            },
        ];
        assert_eq!(
            parse_majors("【560118】工业设计 【560102】机械制造与自动化"),
            Ok(both.clone())
        );
        assert_eq!(
            parse_majors("560118 工业设计；560102 机械制造与自动化"),
            Ok(both.clone())
        );
        assert_eq!(parse_majors(&format_majors(&both)), Ok(both.clone()));
        assert_eq!(parse_majors(""), Ok(vec![]));
        // By name alone, in any of the separators people use, and mixed with coded ones.
        let named = |name: &str| Major {
            code: String::new(),
            name: name.to_string(),
        };
        assert_eq!(
            parse_majors("工业设计、数控技术 / 机电一体化\n会计"),
            Ok(vec![
                named("工业设计"),
                named("数控技术"),
                named("机电一体化"),
                named("会计")
            ])
        );
        let mixed = vec![both[0].clone(), named("数控技术"), named("会计")];
        assert_eq!(format_majors(&mixed), "【560118】工业设计；数控技术、会计");
        assert_eq!(parse_majors(&format_majors(&mixed)), Ok(mixed));
        assert!(matches!(
            parse_majors("说明【560118】工业设计"),
            Err(EditProblem::NotAMajor(_))
        ));
    }
}
