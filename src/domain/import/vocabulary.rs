//! The words people head their columns with, as data: for each field of a record, the headings
//! colleges write for it in their own workbooks and in the report's tables. Headings are
//! compared after [`normalise_heading`]: white space removed, full-width forms folded, traditional
//! characters read as simplified, a trailing unit in brackets dropped. To teach the reader a new
//! heading, add it to [`WORDS`].

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use crate::domain::fields::Field;
use crate::domain::numbers::fold_width;

/// What a column is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColumnUse {
    Field(Field),
    /// A column read and left out on purpose: the row number, a rate the app computes itself.
    Ignored,
}

/// Every field's headings, the report's own first. A heading is matched whole (after
/// normalising); the order only matters for [`Field`]s' first heading, which the preview shows.
pub const WORDS: &[(Field, &[&str])] = &[
    (Field::Batch, &["申报计划", "申报批次", "试点批次", "批次"]),
    (
        Field::Certificate,
        &["证书名称", "证书", "证书试点", "试点证书", "证书名"],
    ),
    (Field::Level, &["证书等级", "等级", "级别", "证书级别"]),
    (
        Field::Majors,
        &[
            "涵盖专业",
            "涉及专业",
            "面向专业",
            "试点专业",
            "专业",
            "对应专业",
        ],
    ),
    (
        Field::ApprovedTrainees,
        &["已批准培训人数", "批准培训人数", "批准人数", "已批准人数"],
    ),
    (
        Field::SocialTrainingPersonDays,
        &["面向社会开展培训量", "社会培训量", "面向社会培训量"],
    ),
    (
        Field::Registered,
        &[
            "报考人数",
            "考核人数",
            "参加人数",
            "参考人数",
            "实考人数",
            "考生人数",
            "报名人数",
        ],
    ),
    (
        Field::Certified,
        &["获证人数", "通过人数", "合格人数", "取证人数", "获证数"],
    ),
    (
        Field::ReportedPassRate,
        &["通过率", "合格率", "获证率", "报告通过率"],
    ),
    (Field::Note, &["备注", "说明"]),
];

/// Headings of columns that are read and ignored.
pub const IGNORED: &[&str] = &["序号", "编号", "通过率计算", "计算通过率"];

/// The first cells of a row of totals.
pub const TOTALS: &[&str] = &["合计", "总计", "小计", "汇总", "总数"];

/// Traditional characters of the words above (and of the units and totals people write), and
/// their simplified forms.
const TRADITIONAL: &[(char, char)] = &[
    ('報', '报'),
    ('數', '数'),
    ('證', '证'),
    ('書', '书'),
    ('級', '级'),
    ('別', '别'),
    ('稱', '称'),
    ('蓋', '盖'),
    ('專', '专'),
    ('業', '业'),
    ('試', '试'),
    ('點', '点'),
    ('準', '准'),
    ('練', '练'),
    ('訓', '训'),
    ('獲', '获'),
    ('參', '参'),
    ('實', '实'),
    ('過', '过'),
    ('劃', '划'),
    ('計', '计'),
    ('備', '备'),
    ('註', '注'),
    ('會', '会'),
    ('開', '开'),
    ('員', '员'),
    ('號', '号'),
    ('說', '说'),
    ('編', '编'),
    ('對', '对'),
    ('應', '应'),
    ('總', '总'),
    ('彙', '汇'),
    ('匯', '汇'),
    ('將', '将'),
    ('評', '评'),
];

/// A heading as it is compared: no white space (nor zero-width spaces), full-width forms as
/// half-width, traditional characters as simplified, any case, without a trailing unit in
/// brackets (`报考人数（人）`, `通过率(%)`) or a trailing colon.
pub fn normalise_heading(heading: &str) -> String {
    let folded = folded(heading);
    let mut text = folded.trim_end_matches([':', '：']).to_string();
    // One trailing bracket: a unit or a note.
    for (open, close) in [('(', ')'), ('[', ']'), ('【', '】')] {
        if text.ends_with(close)
            && let Some(start) = text.rfind(open)
            && start > 0
        {
            text.truncate(start);
            break;
        }
    }
    text
}

/// A heading without white space, in half-width, simplified and lower-case forms.
fn folded(heading: &str) -> String {
    fold_width(heading)
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '\u{200b}' | '\u{feff}'))
        .map(|c| simplified(c).unwrap_or(c))
        .collect::<String>()
        .to_lowercase()
}

/// What a heading is for, if the vocabulary knows it: a field's heading or key
/// (`registered`), or an ignored column.
pub fn column_use(heading: &str) -> Option<ColumnUse> {
    let wanted = normalise_heading(heading);
    if wanted.is_empty() {
        return None;
    }
    let known = known_headings();
    // Ignored headings are compared with their brackets' words kept: 通过率(计算) is not 通过率.
    let squashed: String = folded(heading)
        .chars()
        .filter(|c| !matches!(c, '(' | ')' | '[' | ']' | '【' | '】'))
        .collect();
    if known.ignored.contains(&squashed) {
        return Some(ColumnUse::Ignored);
    }
    known
        .fields
        .get(&wanted)
        .map(|&field| ColumnUse::Field(field))
}

/// The simplified form of a traditional character the vocabulary knows.
fn simplified(c: char) -> Option<char> {
    // Every cell of a sheet is folded: a lookup, not a scan of the table.
    static MAP: OnceLock<HashMap<char, char>> = OnceLock::new();
    if c.is_ascii() {
        return None;
    }
    MAP.get_or_init(|| TRADITIONAL.iter().copied().collect())
        .get(&c)
        .copied()
}

/// The vocabulary normalised once (every cell of a sheet is looked up in it, to find repeated
/// headers): heading → field (the first field naming it wins, as in [`WORDS`]' order), and
/// the ignored headings.
struct Known {
    fields: HashMap<String, Field>,
    ignored: HashSet<String>,
}

fn known_headings() -> &'static Known {
    static KNOWN: OnceLock<Known> = OnceLock::new();
    KNOWN.get_or_init(|| {
        let mut fields = HashMap::new();
        for (field, words) in WORDS {
            for word in std::iter::once(&field.key()).chain(words.iter()) {
                fields.entry(normalise_heading(word)).or_insert(*field);
            }
        }
        Known {
            fields,
            ignored: IGNORED.iter().map(|word| normalise_heading(word)).collect(),
        }
    })
}

/// Whether a cell opens a row of totals (`合计`, `总 计`, `總計`).
pub fn is_totals(cell: &str) -> bool {
    let text = normalise_heading(cell);
    TOTALS.iter().any(|word| *word == text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(heading: &str) -> Option<Field> {
        match column_use(heading) {
            Some(ColumnUse::Field(field)) => Some(field),
            _ => None,
        }
    }

    #[test]
    fn the_issues_words_name_their_fields() {
        for word in [
            "报考人数",
            "考核人数",
            "参加人数",
            "参考人数",
            "实考人数",
            "考生人数",
        ] {
            assert_eq!(field(word), Some(Field::Registered), "{word}");
        }
        for word in ["获证人数", "通过人数", "合格人数", "取证人数"] {
            assert_eq!(field(word), Some(Field::Certified), "{word}");
        }
        for word in ["通过率", "合格率", "获证率"] {
            assert_eq!(field(word), Some(Field::ReportedPassRate), "{word}");
        }
        for word in ["申报计划", "批次", "试点批次"] {
            assert_eq!(field(word), Some(Field::Batch), "{word}");
        }
        for word in ["证书名称", "证书", "证书试点"] {
            assert_eq!(field(word), Some(Field::Certificate), "{word}");
        }
        for word in ["证书等级", "等级", "级别"] {
            assert_eq!(field(word), Some(Field::Level), "{word}");
        }
        for word in ["涵盖专业", "涉及专业", "面向专业", "专业"] {
            assert_eq!(field(word), Some(Field::Majors), "{word}");
        }
        for word in ["已批准培训人数", "批准人数"] {
            assert_eq!(field(word), Some(Field::ApprovedTrainees), "{word}");
        }
    }

    #[test]
    fn headings_are_compared_as_people_write_them() {
        assert_eq!(field(" 报 考 人 数 "), Some(Field::Registered));
        assert_eq!(field("報考人數"), Some(Field::Registered), "traditional");
        assert_eq!(field("證書名稱"), Some(Field::Certificate));
        assert_eq!(field("獲證人數"), Some(Field::Certified));
        assert_eq!(field("报考人数（人）"), Some(Field::Registered), "a unit");
        assert_eq!(field("通过率(%)"), Some(Field::ReportedPassRate));
        assert_eq!(
            field("面向社会开展培训量(人日)"),
            Some(Field::SocialTrainingPersonDays)
        );
        assert_eq!(
            field("ｒｅｇｉｓｔｅｒｅｄ"),
            Some(Field::Registered),
            "full-width key"
        );
        assert_eq!(field("Registered"), Some(Field::Registered));
        assert_eq!(field("报考\u{200b}人数"), Some(Field::Registered));
        assert_eq!(column_use("序号"), Some(ColumnUse::Ignored));
        assert_eq!(column_use("序 號"), Some(ColumnUse::Ignored));
        assert_eq!(column_use("通过率(计算)"), Some(ColumnUse::Ignored));
        assert_eq!(column_use("学院领导"), None);
        assert_eq!(column_use(""), None);
    }

    #[test]
    fn totals_rows_in_any_spelling() {
        for cell in ["合计", "总 计", "總計", "小计", "汇总", "彙總"] {
            assert!(is_totals(cell), "{cell}");
        }
        assert!(!is_totals("2021年第一批"));
    }

    #[test]
    fn every_word_belongs_to_one_field() {
        let mut seen = std::collections::HashMap::new();
        for (field, words) in WORDS {
            for word in *words {
                let key = normalise_heading(word);
                if let Some(other) = seen.insert(key.clone(), *field) {
                    panic!("{word} names both {other:?} and {field:?}");
                }
                assert_eq!(column_use(word), Some(ColumnUse::Field(*field)), "{word}");
            }
        }
    }
}
