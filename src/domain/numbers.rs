//! Numbers as people type and paste them: full-width digits from Chinese input methods
//! (`６０`), thousands separators (`1,200`), a unit after a count (`60人`), a percent sign in
//! either width. The edit boxes and the table reader both read through here.

/// Folds full-width ASCII forms (`０`–`９`, `，`, `．`, `％`, `－`, the ideographic space) to
/// their half-width ones; anything else is kept.
pub fn fold_width(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\u{3000}' => ' ',
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            c => c,
        })
        .collect()
}

/// What a count may end with: the unit the report's tables write after a number of people.
const COUNT_UNITS: [&str; 5] = ["人次", "人日", "人", "名", "个"];

/// Why a text is not a count.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CountError {
    /// Not a whole number of 0 or more.
    NotACount,
    /// A whole number, but larger than any count can be.
    TooLarge,
}

/// A whole number of 0 or more as people write it: `60`, `６０`, `1,200`, `1，200`, `60人`,
/// ` 60 人 `. A separator must group three digits, so `1,2` is not 12.
pub fn read_count(text: &str) -> Result<u64, CountError> {
    let folded = fold_width(text);
    let mut number = folded.trim();
    if let Some(stem) = COUNT_UNITS
        .iter()
        .find_map(|unit| number.strip_suffix(unit))
    {
        number = stem.trim_end();
    }
    let digits = without_separators(number).ok_or(CountError::NotACount)?;
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(CountError::NotACount);
    }
    digits.parse().map_err(|_| CountError::TooLarge)
}

/// A percentage as people write it: `86`, `86%`, `86.00 %`, `８６％`. The number is returned
/// as written (`86.5` for `86.5%`); whether it is in range is the caller's rule.
pub fn read_percent(text: &str) -> Option<f64> {
    let folded = fold_width(text);
    let number = folded.trim().trim_end_matches('%').trim_end();
    let digits = without_separators(number)?;
    let value: f64 = digits.parse().ok()?;
    value.is_finite().then_some(value)
}

/// `1,234,567` → `1234567`; a text without separators as it is; `None` where commas are there
/// but do not group the whole part in threes (`1,2`, `12,34`).
fn without_separators(number: &str) -> Option<String> {
    if !number.contains(',') {
        return Some(number.to_string());
    }
    let (whole, fraction) = number.split_once('.').unwrap_or((number, ""));
    let mut groups = whole.split(',');
    let first = groups.next().unwrap_or("");
    let grouped = (1..=3).contains(&first.len())
        && groups.all(|group| group.len() == 3)
        && whole.bytes().all(|b| b.is_ascii_digit() || b == b',');
    if !grouped {
        return None;
    }
    let mut out = whole.replace(',', "");
    if number.contains('.') {
        out.push('.');
        out.push_str(fraction);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_as_typed_and_pasted() {
        for (text, value) in [
            ("60", 60),
            ("６０", 60),
            (" 60 ", 60),
            ("1,200", 1200),
            ("1，200", 1200),
            ("１，２００", 1200),
            ("60人", 60),
            ("60 人", 60),
            ("６０人", 60),
            ("120人日", 120),
            ("3名", 3),
            ("1,234,567", 1_234_567),
            ("0", 0),
        ] {
            assert_eq!(read_count(text), Ok(value), "{text}");
        }
    }

    #[test]
    fn what_is_not_a_count() {
        for text in [
            "", "人", "-1", "1.5", "abc", "1e3", "1,2", "12,34", ",123", "1,,200", "六十", "60元",
        ] {
            assert_eq!(read_count(text), Err(CountError::NotACount), "{text}");
        }
        assert_eq!(
            read_count("99999999999999999999999"),
            Err(CountError::TooLarge)
        );
    }

    #[test]
    fn percentages_in_either_width() {
        assert_eq!(read_percent("86"), Some(86.0));
        assert_eq!(read_percent("86%"), Some(86.0));
        assert_eq!(read_percent("86.00 %"), Some(86.0));
        assert_eq!(read_percent("８６．５％"), Some(86.5));
        assert_eq!(read_percent("abc"), None);
        assert_eq!(read_percent("NaN"), None);
        assert_eq!(read_percent("inf"), None);
    }
}
