//! Values as people write them in their tables: counts (`50`, `50人`, `５０`), results not yet
//! out (`待公布`, `未出成绩`, `暂无`, `--`, or nothing), rates (`86%`, `86.00%`, or 0.86 in a
//! percent-formatted cell), levels (`中级`, `中`, or in brackets after the certificate's name).

use super::grid::Cell;
use crate::domain::model::Level;
use crate::domain::numbers::{fold_width, read_percent};

/// Words that stand for results not yet published (or no value at all).
const PENDING: &[&str] = &[
    "",
    "--",
    "-",
    "—",
    "——",
    "－－",
    "待公布",
    "未出成绩",
    "未出",
    "暂无",
    "待定",
    "无",
    "/",
];

/// Whether a cell says there is no value yet (results pending, or nothing written).
pub fn is_pending(cell: &Cell) -> bool {
    match cell {
        Cell::Empty => true,
        Cell::Number(_) => false,
        Cell::Text(text) => PENDING.contains(&fold_width(text).trim()),
    }
}

/// A level as people write it: `初级`, `中级`, `高级`, `初` / `中` / `高`, or the English
/// names the app writes.
pub fn read_level(text: &str) -> Option<Level> {
    let text = fold_width(text);
    let text = text.trim();
    Level::from_file(text).or(match text {
        "初" => Some(Level::Elementary),
        "中" => Some(Level::Intermediate),
        "高" => Some(Level::Advanced),
        _ => None,
    })
}

/// A certificate name with its level in brackets at the end (`Web前端开发（中级）`,
/// `Web前端开发(中级)`, `Web前端开发【初级】`): the name and the level.
pub fn split_level(certificate: &str) -> Option<(String, Level)> {
    let text = certificate.trim();
    for (open, close) in [('（', '）'), ('(', ')'), ('【', '】'), ('[', ']')] {
        if let Some(inner) = text.strip_suffix(close)
            && let Some(start) = inner.rfind(open)
            && let Some(level) = read_level(&inner[start + open.len_utf8()..])
        {
            let name = inner[..start].trim();
            if !name.is_empty() {
                return Some((name.to_string(), level));
            }
        }
    }
    None
}

/// Whether the numbers of a rate column are fractions (0.86 for 86%), as a workbook's
/// percent-formatted cells come: no cell of the column writes `%`, and every number in it is at
/// most 1.
pub fn rates_are_fractions<'a>(cells: impl IntoIterator<Item = &'a Cell>) -> bool {
    let mut any = false;
    for cell in cells {
        let value = match cell {
            Cell::Number(n) => *n,
            Cell::Text(text) if text.contains('%') || text.contains('％') => return false,
            Cell::Text(text) => match read_percent(text) {
                Some(n) => n,
                None => continue,
            },
            Cell::Empty => continue,
        };
        if value > 1.0 {
            return false;
        }
        any = true;
    }
    any
}

/// A rate in percent: `86%` and `86.00%` are 86; so is 0.86 where the column's rates are
/// fractions. `None` where the cell holds no number.
pub fn read_rate(cell: &Cell, fractions: bool) -> Option<f64> {
    let value = match cell {
        Cell::Number(n) => *n,
        Cell::Text(text) => read_percent(text)?,
        Cell::Empty => return None,
    };
    let percent = if fractions { value * 100.0 } else { value };
    // Rounded as a percentage to four decimals: 0.9111 × 100 is 91.11, not 91.11000000000001.
    Some((percent * 10_000.0).round() / 10_000.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_not_yet_out() {
        for text in ["待公布", "未出成绩", "暂无", "--", "—", " ", "－－"] {
            assert!(is_pending(&Cell::Text(text.into())), "{text}");
        }
        assert!(is_pending(&Cell::Empty));
        assert!(!is_pending(&Cell::Number(0.0)));
        assert!(!is_pending(&Cell::Text("0".into())));
    }

    #[test]
    fn levels_long_short_and_in_brackets() {
        assert_eq!(read_level("中级"), Some(Level::Intermediate));
        assert_eq!(read_level(" 初 "), Some(Level::Elementary));
        assert_eq!(read_level("高"), Some(Level::Advanced));
        assert_eq!(read_level("特级"), None);
        assert_eq!(
            split_level("Web前端开发（中级）"),
            Some(("Web前端开发".into(), Level::Intermediate))
        );
        assert_eq!(
            split_level("物流管理职业技能等级证书(初级)"),
            Some(("物流管理职业技能等级证书".into(), Level::Elementary))
        );
        assert_eq!(
            split_level("建筑信息模型（BIM）"),
            None,
            "a bracket that is no level"
        );
        assert_eq!(split_level("（中级）"), None, "no name");
    }

    #[test]
    fn rates_in_every_form() {
        assert_eq!(read_rate(&Cell::Text("86%".into()), false), Some(86.0));
        assert_eq!(read_rate(&Cell::Text("86.00%".into()), false), Some(86.0));
        assert_eq!(read_rate(&Cell::Number(0.9111), true), Some(91.11));
        assert_eq!(read_rate(&Cell::Text("待公布".into()), false), None);
        let fractions = [Cell::Number(0.86), Cell::Number(1.0), Cell::Empty];
        assert!(rates_are_fractions(&fractions));
        let percents = [Cell::Number(86.0), Cell::Number(0.5)];
        assert!(!rates_are_fractions(&percents));
        let written = [Cell::Text("0.5%".into())];
        assert!(!rates_are_fractions(&written));
        assert!(!rates_are_fractions(&[Cell::Empty]));
    }
}
