//! What is wrong with a dataset file, said precisely enough to fix it, in Chinese and English.

use super::lang::Lang;

/// One thing wrong with a file. A file can have many; the parser reports them all.
#[derive(Clone, Debug, PartialEq)]
pub struct DatasetError {
    /// Line and column (1-based) where the text itself is broken, when known. Column 0 means
    /// the whole line: a table's row.
    pub line_column: Option<(usize, usize)>,
    /// The record concerned, when the problem is inside `records`.
    pub record: Option<RecordRef>,
    /// The key concerned: a path such as `title`, `summary[2].value`, or, within a record,
    /// `majors[1].code`.
    pub key: Option<String>,
    pub problem: Problem,
}

/// Which record: its position (1-based, as people count) and what can be read of its identity.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RecordRef {
    pub position: usize,
    pub batch: Option<String>,
    pub certificate: Option<String>,
    pub level: Option<String>,
}

/// What kind of value a key must hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expected {
    Object,
    Array,
    Text,
    NonEmptyText,
    Number,
    NumberOrNull,
    PercentOrNull,
    Percent,
    Count,
    CountOrNull,
    Level,
    Date,
    VersionOne,
}

/// A short, safe description of the value found, for messages.
#[derive(Clone, Debug, PartialEq)]
pub enum Found {
    Null,
    Bool(bool),
    Number(String),
    Text(String),
    Array,
    Object,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Problem {
    /// The file holds nothing but white space.
    Empty,
    /// The bytes are not UTF-8 text.
    NotText,
    /// The browser could not read the file at all.
    Unreadable,
    /// Larger than any dataset the app is made for (a 100,000-record file is about 36 MB).
    TooLarge {
        bytes: usize,
        limit: usize,
    },
    /// The JSON text is broken; `detail` is serde_json's own words (without the position).
    Syntax {
        detail: String,
    },
    /// The file is JSON but not a dataset (another `format`, or not an object at all).
    NotADataset {
        found: Found,
    },
    /// A dataset written by a newer version of the app.
    NewerVersion {
        found: u64,
    },
    Missing {
        expected: Expected,
    },
    Wrong {
        found: Found,
        expected: Expected,
    },
    UnknownKey {
        suggestion: Option<&'static str>,
    },
    CertifiedExceedsRegistered {
        certified: u64,
        registered: u64,
    },
    /// The same batch / certificate / level as an earlier record.
    Duplicate {
        first_position: usize,
    },
    /// A CSV or TSV table with a column the format does not know.
    UnknownColumn {
        name: String,
        suggestion: Option<&'static str>,
    },
    /// A CSV or TSV table without a column the format needs (named as the report heads it).
    MissingColumn {
        name: &'static str,
    },
    /// Two columns of a table that mean the same key.
    RepeatedColumn {
        name: String,
    },
    /// A piece of a table's majors cell that is not "【code】name".
    MajorsText {
        piece: String,
    },
    /// Why the import worker did not open a workbook or table, as it said it.
    Import {
        zh: String,
        en: String,
    },
    /// The import worker stopped before it answered: it failed (a reader panic, out of memory,
    /// a script that did not load), or took longer than `timed_out` seconds.
    ImportStopped {
        timed_out: Option<u32>,
    },
}

impl DatasetError {
    pub fn whole_file(problem: Problem) -> Self {
        DatasetError {
            line_column: None,
            record: None,
            key: None,
            problem,
        }
    }

    /// The full sentence shown to the user: where, then what.
    pub fn message(&self, lang: Lang) -> String {
        let place = self.place(lang);
        let what = self.problem.describe(lang);
        if place.is_empty() {
            what
        } else {
            match lang {
                Lang::Zh => format!("{place}：{what}"),
                Lang::En => format!("{place}: {what}"),
            }
        }
    }

    /// What is wrong, without where: for a place that says where in its own words (a sheet's
    /// row and cell).
    pub fn what(&self, lang: Lang) -> String {
        self.problem.describe(lang)
    }

    fn place(&self, lang: Lang) -> String {
        let mut parts = Vec::new();
        match self.line_column {
            // Column 0: the whole line (a row of a CSV table).
            Some((line, 0)) => parts.push(match lang {
                Lang::Zh => format!("第 {line} 行"),
                Lang::En => format!("line {line}"),
            }),
            Some((line, column)) => parts.push(match lang {
                Lang::Zh => format!("第 {line} 行第 {column} 列"),
                Lang::En => format!("line {line}, column {column}"),
            }),
            None => {}
        }
        if let Some(record) = &self.record {
            let identity: Vec<&str> = [&record.batch, &record.certificate, &record.level]
                .into_iter()
                .flatten()
                .map(|text| text.as_str())
                .collect();
            let who = if identity.is_empty() {
                String::new()
            } else {
                let joined = shorten(&identity.join(" / "), 80);
                match lang {
                    Lang::Zh => format!("（{joined}）"),
                    Lang::En => format!(" ({joined})"),
                }
            };
            parts.push(match lang {
                Lang::Zh => format!("第 {} 条记录{who}", record.position),
                Lang::En => format!("record {}{who}", record.position),
            });
        }
        if let Some(key) = &self.key {
            parts.push(match lang {
                Lang::Zh => format!("键“{key}”"),
                Lang::En => format!("key \"{key}\""),
            });
        }
        let joined = parts.join(match lang {
            Lang::Zh => "，",
            Lang::En => ", ",
        });
        match lang {
            Lang::En => capitalise(&joined),
            Lang::Zh => joined,
        }
    }
}

impl Problem {
    pub fn describe(&self, lang: Lang) -> String {
        match (self, lang) {
            (Problem::Import { zh, .. }, Lang::Zh) => zh.clone(),
            (Problem::Import { en, .. }, Lang::En) => en.clone(),
            (Problem::ImportStopped { timed_out }, lang) => {
                let what = match (timed_out, lang) {
                    (Some(seconds), Lang::Zh) => format!("读取超过 {seconds} 秒仍未完成，已停止"),
                    (Some(seconds), Lang::En) => {
                        format!("reading took more than {seconds} seconds and was stopped")
                    }
                    (None, Lang::Zh) => "读取时出错，读取程序已停止（文件可能已损坏或过大）".into(),
                    (None, Lang::En) => {
                        "reading failed and the reader was stopped (the file may be damaged or too large)".into()
                    }
                };
                match lang {
                    Lang::Zh => format!(
                        "{what}，当前数据没有任何改动。请在 Excel 或 WPS 中另存为 .xlsx 后再打开。"
                    ),
                    Lang::En => format!(
                        "{what}; nothing on screen changed. Save it as .xlsx in Excel or WPS and open that."
                    ),
                }
            }
            (Problem::Empty, Lang::Zh) => "文件是空的，没有任何内容。".into(),
            (Problem::Empty, Lang::En) => "the file is empty.".into(),
            (Problem::NotText, Lang::Zh) => {
                "文件不是 UTF-8 编码的文本（可能是二进制文件，或用了其他编码）。".into()
            }
            (Problem::NotText, Lang::En) => {
                "the file is not UTF-8 text (a binary file, or another encoding).".into()
            }
            (Problem::Unreadable, Lang::Zh) => {
                "无法读取这个文件（可能已被移动、删除，或没有读取权限）。".into()
            }
            (Problem::Unreadable, Lang::En) => {
                "the file could not be read (moved, deleted, or not readable).".into()
            }
            (Problem::TooLarge { bytes, limit }, Lang::Zh) => format!(
                "文件太大（{:.1} MB），本程序最多读取 {} MB 的数据文件。",
                *bytes as f64 / 1_048_576.0,
                limit / 1_048_576
            ),
            (Problem::TooLarge { bytes, limit }, Lang::En) => format!(
                "the file is too large ({:.1} MB); the app reads dataset files of up to {} MB.",
                *bytes as f64 / 1_048_576.0,
                limit / 1_048_576
            ),
            (Problem::Syntax { detail }, Lang::Zh) => syntax_in_chinese(detail),
            (Problem::Syntax { detail, .. }, Lang::En) => format!("JSON syntax error: {detail}."),
            (Problem::NotADataset { found }, Lang::Zh) => format!(
                "这不是“1+X”试点数据集文件：format 应为“{}”，实际是{}。",
                super::model::FORMAT_TAG,
                found.describe(lang)
            ),
            (Problem::NotADataset { found }, Lang::En) => format!(
                "this is not a 1+X pilot dataset: \"format\" should be \"{}\", found {}.",
                super::model::FORMAT_TAG,
                found.describe(lang)
            ),
            (Problem::NewerVersion { found }, Lang::Zh) => format!(
                "这是较新版本程序保存的文件（格式版本 {found}），本程序只能读取版本 1。请使用新版程序打开，或请对方导出为版本 1。"
            ),
            (Problem::NewerVersion { found }, Lang::En) => format!(
                "the file was written by a newer version of the app (format version {found}); this app reads version 1 only."
            ),
            (Problem::Missing { expected }, Lang::Zh) => {
                format!("缺少这个必填项，应为{}。", expected.describe(lang))
            }
            (Problem::Missing { expected }, Lang::En) => {
                format!(
                    "this required key is missing; expected {}.",
                    expected.describe(lang)
                )
            }
            (Problem::Wrong { found, expected }, Lang::Zh) => format!(
                "应为{}，实际是{}。",
                expected.describe(lang),
                found.describe(lang)
            ),
            (Problem::Wrong { found, expected }, Lang::En) => format!(
                "expected {}, found {}.",
                expected.describe(lang),
                found.describe(lang)
            ),
            (Problem::UnknownKey { suggestion }, Lang::Zh) => match suggestion {
                Some(known) => format!("格式中没有这个键。是不是“{known}”？"),
                None => "格式中没有这个键。".into(),
            },
            (Problem::UnknownKey { suggestion }, Lang::En) => match suggestion {
                Some(known) => format!("the format has no such key. Did you mean \"{known}\"?"),
                None => "the format has no such key.".into(),
            },
            (
                Problem::CertifiedExceedsRegistered {
                    certified,
                    registered,
                },
                Lang::Zh,
            ) => format!("获证人数（{certified}）不能大于报考人数（{registered}）。"),
            (
                Problem::CertifiedExceedsRegistered {
                    certified,
                    registered,
                },
                Lang::En,
            ) => format!("certified ({certified}) must not exceed registered ({registered})."),
            (Problem::Duplicate { first_position }, Lang::Zh) => format!(
                "与第 {first_position} 条记录的申报批次、证书名称和等级相同；每个组合只能出现一次。"
            ),
            (Problem::Duplicate { first_position }, Lang::En) => format!(
                "same batch, certificate and level as record {first_position}; each may appear only once."
            ),
            (Problem::UnknownColumn { name, suggestion }, Lang::Zh) => match suggestion {
                Some(known) => format!(
                    "表头“{}”不是本格式的列。是不是“{known}”？",
                    shorten(name, 40)
                ),
                None => format!(
                    "表头“{}”不是本格式的列（可用：申报计划、证书名称、证书等级、涵盖专业、已批准培训人数、面向社会开展培训量(人日)、报考人数、获证人数、通过率、备注）。",
                    shorten(name, 40)
                ),
            },
            (Problem::UnknownColumn { name, suggestion }, Lang::En) => match suggestion {
                Some(known) => format!(
                    "the column \"{}\" is not one of the format's. Did you mean \"{known}\"?",
                    shorten(name, 40)
                ),
                None => format!(
                    "the column \"{}\" is not one of the format's.",
                    shorten(name, 40)
                ),
            },
            (Problem::MissingColumn { name }, Lang::Zh) => format!("表格缺少“{name}”列。"),
            (Problem::MissingColumn { name }, Lang::En) => {
                format!("the table has no \"{name}\" column.")
            }
            (Problem::RepeatedColumn { name }, Lang::Zh) => {
                format!("“{}”列出现了两次。", shorten(name, 40))
            }
            (Problem::RepeatedColumn { name }, Lang::En) => {
                format!("the column \"{}\" appears twice.", shorten(name, 40))
            }
            (Problem::MajorsText { piece }, Lang::Zh) => format!(
                "“{}”不是“【代码】名称”：请写作“【560118】工业设计”（或只写名称，如“工业设计、数控技术”），多个专业用空格或分号隔开。",
                shorten(piece, 40)
            ),
            (Problem::MajorsText { piece }, Lang::En) => format!(
                "\"{}\" is not \"【code】name\": write \"【560118】工业设计\" (or names alone, as \"工业设计、数控技术\"), several separated by spaces or semicolons.",
                shorten(piece, 40)
            ),
        }
    }
}

impl Expected {
    pub fn describe(self, lang: Lang) -> &'static str {
        match self {
            Expected::Object => lang.pick("一个对象 {…}", "an object {…}"),
            Expected::Array => lang.pick("一个数组 […]", "an array […]"),
            Expected::Text => lang.pick("文本", "text"),
            Expected::NonEmptyText => lang.pick("非空文本", "non-empty text"),
            Expected::Number => lang.pick("数字", "a number"),
            Expected::NumberOrNull => lang.pick("数字或 null", "a number or null"),
            Expected::Percent => lang.pick("0 到 100 之间的数字", "a number from 0 to 100"),
            Expected::PercentOrNull => lang.pick(
                "0 到 100 之间的数字或 null",
                "a number from 0 to 100, or null",
            ),
            Expected::Count => lang.pick("不小于 0 的整数", "a whole number ≥ 0"),
            Expected::CountOrNull => lang.pick(
                "不小于 0 的整数或 null（null 表示未知或未出成绩）",
                "a whole number ≥ 0, or null (not known / not published)",
            ),
            Expected::VersionOne => lang.pick("格式版本号 1 或 2", "format version 1 or 2"),
            Expected::Level => lang.pick(
                "“初级”“中级”或“高级”之一",
                "one of \"初级\", \"中级\", \"高级\"",
            ),
            Expected::Date => lang.pick(
                "形如 YYYY-MM-DD 的日期（如 2021-12-31）",
                "a date as YYYY-MM-DD, such as 2021-12-31",
            ),
        }
    }
}

impl Found {
    pub fn of(value: &serde_json::Value) -> Found {
        use serde_json::Value;
        match value {
            Value::Null => Found::Null,
            Value::Bool(b) => Found::Bool(*b),
            Value::Number(n) => Found::Number(shorten(&n.to_string(), 40)),
            Value::String(s) => Found::Text(shorten(s, 40)),
            Value::Array(_) => Found::Array,
            Value::Object(_) => Found::Object,
        }
    }

    pub fn describe(&self, lang: Lang) -> String {
        match (self, lang) {
            // Chinese text sets Latin words and digits apart with a space.
            (Found::Null, Lang::Zh) => " null".into(),
            (Found::Bool(b), Lang::Zh) => format!(" {b}"),
            (Found::Number(n), Lang::Zh) => format!(" {n}"),
            (Found::Null, Lang::En) => "null".into(),
            (Found::Bool(b), Lang::En) => b.to_string(),
            (Found::Number(n), Lang::En) => n.clone(),
            (Found::Text(t), Lang::Zh) => format!("文本“{t}”"),
            (Found::Text(t), Lang::En) => format!("the text \"{t}\""),
            (Found::Array, lang) => lang.pick("一个数组", "an array").into(),
            (Found::Object, lang) => lang.pick("一个对象", "an object").into(),
        }
    }
}

/// serde_json's syntax messages, said in Chinese; an unknown one is quoted as it is.
fn syntax_in_chinese(detail: &str) -> String {
    const KNOWN: &[(&str, &str)] = &[
        (
            "EOF while parsing",
            "文件意外结束，内容不完整（可能被截断）",
        ),
        ("recursion limit exceeded", "嵌套层数过深，这不是数据集文件"),
        ("number out of range", "数字超出可表示的范围"),
        ("trailing characters", "JSON 内容结束后还有多余的字符"),
        ("trailing comma", "最后一项后面多了一个逗号"),
        ("expected value", "此处应为一个值（文本要加英文双引号）"),
        ("expected `,` or `}`", "此处应为逗号或 }（可能漏了逗号）"),
        ("expected `,` or `]`", "此处应为逗号或 ]（可能漏了逗号）"),
        ("expected `:`", "此处应为英文冒号 :"),
        ("key must be a string", "对象的键必须是带英文双引号的文本"),
        (
            "control character",
            "文本中有未转义的控制字符（例如直接换行）",
        ),
        ("invalid escape", "无效的转义序列"),
        ("invalid number", "无效的数字"),
        ("invalid unicode code point", "无效的 Unicode 字符"),
        ("lone leading surrogate", "无效的 Unicode 字符"),
        ("expected ident", "无法识别的词（应为 true、false 或 null）"),
    ];
    match KNOWN
        .iter()
        .find(|(english, _)| detail.starts_with(english))
    {
        Some((_, chinese)) => format!("JSON 语法错误：{chinese}。"),
        None => format!("JSON 语法错误（{detail}）。"),
    }
}

/// Cuts text to at most `max` characters, marking the cut with an ellipsis.
pub fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_string()
    } else {
        let mut cut: String = text.chars().take(max.saturating_sub(1)).collect();
        cut.push('…');
        cut
    }
}

pub(crate) fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_record_error_names_record_key_found_and_expected_in_both_languages() {
        let error = DatasetError {
            line_column: None,
            record: Some(RecordRef {
                position: 3,
                batch: Some("2021年第一批".into()),
                certificate: Some("数字创意建模职业技能等级证书".into()),
                level: Some("高级".into()),
            }),
            key: Some("registered".into()),
            problem: Problem::Wrong {
                found: Found::Number("-5".into()),
                expected: Expected::Count,
            },
        };
        assert_eq!(
            error.message(Lang::Zh),
            "第 3 条记录（2021年第一批 / 数字创意建模职业技能等级证书 / 高级），键“registered”：应为不小于 0 的整数，实际是 -5。"
        );
        assert_eq!(
            error.message(Lang::En),
            "Record 3 (2021年第一批 / 数字创意建模职业技能等级证书 / 高级), key \"registered\": expected a whole number ≥ 0, found -5."
        );
    }

    #[test]
    fn long_text_found_in_a_file_is_shortened() {
        let long = "长".repeat(100);
        let found = Found::of(&serde_json::Value::String(long));
        assert_eq!(found, Found::Text(format!("{}…", "长".repeat(39))));
    }
}
