//! A link that carries the data: the dataset on screen and its view in the address's fragment
//! (`#d=…`, which a browser never sends to a server), compressed. The page compresses and
//! decompresses (the browser's `CompressionStream`, deflate-raw); this module writes and reads
//! what is compressed and the fragment around it.
//!
//! What is compressed is text: a first line naming the form (`pilot-board-link 1`), a second
//! line with the view's query string (the address's own form), then the dataset as its JSON
//! file, which is read by the same validating parser as any file.

use super::lang::Lang;

/// The first line of what a link carries.
const HEADER: &str = "pilot-board-link 1";

/// The fragment's key: `#d=…`.
pub const FRAGMENT_KEY: &str = "d=";

/// The longest link the page hands out, in characters. Browsers keep links far longer (Chrome
/// two million characters, Safari and Firefox more than this); mail clients and chat apps keep
/// long links whole but may cut what is pasted into some forms. 32,000 holds the built-in
/// report (about 3,000) and a college's few hundred records; above it, a file is the better
/// thing to send.
pub const LINK_LIMIT: usize = 32_000;

/// Why a link's data could not be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LinkProblem {
    /// The fragment is not the base64url text a link carries (cut off, or changed by hand).
    NotEncoded,
    /// It decodes, but not to data a link carries (damaged in transit, or from another app).
    NotData,
}

impl LinkProblem {
    pub fn message(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (LinkProblem::NotEncoded, Lang::Zh) => {
                "这个链接里的数据不完整或已损坏（可能被截断了）。请让对方重新复制链接，或者发送 JSON 文件。"
            }
            (LinkProblem::NotEncoded, Lang::En) => {
                "The data in this link is incomplete or damaged (it may have been cut off). Ask for the link again, or for the JSON file."
            }
            (LinkProblem::NotData, Lang::Zh) => {
                "这个链接里的数据无法读取：它已损坏，或者不是本看板生成的。请让对方发送 JSON 文件。"
            }
            (LinkProblem::NotData, Lang::En) => {
                "The data in this link cannot be read: it is damaged, or was not made by this board. Ask for the JSON file instead."
            }
        }
    }
}

/// What a link carries, before compression: the view's query and the dataset's JSON file.
pub fn payload(view_query: &str, dataset_json: &str) -> String {
    let query: String = view_query.chars().filter(|c| *c != '\n').collect();
    format!("{HEADER}\n{query}\n{dataset_json}")
}

/// The view's query and the dataset's JSON text of a link's decompressed text.
pub fn read_payload(text: &str) -> Result<(&str, &str), LinkProblem> {
    let rest = text
        .strip_prefix(HEADER)
        .and_then(|r| r.strip_prefix('\n'))
        .ok_or(LinkProblem::NotData)?;
    rest.split_once('\n').ok_or(LinkProblem::NotData)
}

/// The fragment (without `#`) that carries `compressed`.
pub fn fragment(compressed: &[u8]) -> String {
    format!("{FRAGMENT_KEY}{}", base64url(compressed))
}

/// The compressed bytes an address's fragment carries: `None` when it carries none (no `d=`),
/// else the bytes or why they cannot be read. `fragment` may start with `#`.
pub fn compressed_in(fragment: &str) -> Option<Result<Vec<u8>, LinkProblem>> {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    let text = fragment.strip_prefix(FRAGMENT_KEY)?;
    Some(from_base64url(text).ok_or(LinkProblem::NotEncoded))
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
/// Base64's own alphabet (RFC 4648 §4), which `atob` reads.
const STANDARD: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// Base64url without padding (RFC 4648 §5): the characters a URL carries as they are.
fn base64url(bytes: &[u8]) -> String {
    base64_in(bytes, ALPHABET)
}

/// Base64 without padding (RFC 4648 §4), as `atob` reads it.
pub fn base64(bytes: &[u8]) -> String {
    base64_in(bytes, STANDARD)
}

fn base64_in(bytes: &[u8], alphabet: &[u8; 64]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | (b as u32) << (16 - 8 * i));
        for i in 0..chunk.len() + 1 {
            out.push(alphabet[(n >> (18 - 6 * i) & 63) as usize] as char);
        }
    }
    out
}

/// Reads base64url without padding; `None` on any other character or an impossible length.
fn from_base64url(text: &str) -> Option<Vec<u8>> {
    let digit = |c: u8| ALPHABET.iter().position(|&a| a == c).map(|p| p as u32);
    let text = text.trim_end_matches('=').as_bytes();
    if text.len() % 4 == 1 || text.is_empty() {
        return None;
    }
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    for chunk in text.chunks(4) {
        let mut n = 0u32;
        for (i, &c) in chunk.iter().enumerate() {
            n |= digit(c)? << (18 - 6 * i);
        }
        for i in 0..chunk.len() - 1 {
            out.push((n >> (16 - 8 * i)) as u8);
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64url_round_trips_every_length() {
        for len in 0..40 {
            let bytes: Vec<u8> = (0..len).map(|i| (i * 37 + 11) as u8).collect();
            let text = base64url(&bytes);
            assert!(text.bytes().all(|c| ALPHABET.contains(&c)), "{text}");
            if len > 0 {
                assert_eq!(from_base64url(&text), Some(bytes));
            }
        }
        assert_eq!(base64url(b"Man"), "TWFu");
        assert_eq!(base64url(b"Ma"), "TWE");
        assert_eq!(base64url(&[0xfb, 0xff]), "-_8");
        assert_eq!(base64(&[0xfb, 0xff]), "+/8");
    }

    #[test]
    fn a_fragment_round_trips_and_a_damaged_one_is_refused() {
        let bytes = vec![1, 2, 3, 250, 251, 252, 0];
        let text = fragment(&bytes);
        assert!(text.starts_with("d="));
        assert_eq!(compressed_in(&format!("#{text}")), Some(Ok(bytes)));
        assert_eq!(compressed_in("#view=1"), None);
        assert_eq!(compressed_in(""), None);
        assert_eq!(
            compressed_in("#d=ab*cd"),
            Some(Err(LinkProblem::NotEncoded))
        );
        assert_eq!(
            compressed_in("#d=abcde"),
            Some(Err(LinkProblem::NotEncoded))
        );
        assert_eq!(compressed_in("#d="), Some(Err(LinkProblem::NotEncoded)));
    }

    #[test]
    fn the_payload_carries_the_view_and_the_file() {
        let text = payload("group=batch&level=中级", "{\n  \"version\": 1\n}");
        assert_eq!(
            read_payload(&text),
            Ok(("group=batch&level=中级", "{\n  \"version\": 1\n}"))
        );
        assert_eq!(read_payload("{}"), Err(LinkProblem::NotData));
        assert_eq!(
            read_payload("pilot-board-link 1"),
            Err(LinkProblem::NotData)
        );
        // A view with a line break cannot split the file off early.
        let text = payload("a\nb", "{}");
        assert_eq!(read_payload(&text), Ok(("ab", "{}")));
    }

    #[test]
    fn problems_say_what_to_ask_for_in_both_languages() {
        // (That nothing changed is said by the refusal around them.)
        for problem in [LinkProblem::NotEncoded, LinkProblem::NotData] {
            assert!(problem.message(Lang::Zh).contains("JSON 文件"));
            assert!(problem.message(Lang::En).contains("JSON file"));
        }
        assert!(LinkProblem::NotEncoded.message(Lang::Zh).contains("已损坏"));
    }
}
