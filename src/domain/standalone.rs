//! The standalone page (导出独立网页): one `.html` file that holds the app and the work on
//! screen, and opens from `file://` with no network. This module writes what the file holds:
//! its description (`Meta`), the archive of the app's files, the app's JavaScript made to load
//! from that archive, and the page around them. The page's boot script
//! (`static/standalone-boot.js`) reads them back.
//!
//! Browsers refuse three things on `file://`: `fetch` of a file, ES module imports of sibling
//! files and service workers. So the app's files travel inside the page, deflated and in
//! base64; the boot script unpacks them, gives each JavaScript module a `blob:` URL under an
//! import map (`pilot-board/<name>`, which is why the modules' own imports are renamed here)
//! and answers the app's `fetch` of a chunk's wasm from the archive.

use serde::{Deserialize, Serialize};

use super::lang::Lang;

/// What a standalone file says about itself, in `<script id="pb-standalone">` (JSON).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Meta {
    /// Names this file's stored work: every `file://` page of a browser may share one storage.
    pub id: String,
    /// The dataset's title when the file was made.
    pub title: String,
    /// The day it was made (`YYYY-MM-DD`).
    pub made: String,
    /// The app's version that made it.
    pub version: String,
    /// The hosted page it came from (links made in the file point there); may be empty.
    pub from: String,
    /// The archive's names of the app's JavaScript glue and of its main wasm.
    pub glue: String,
    pub wasm: String,
    /// The work, as the browser stores it (`domain::saved`): opened when this browser holds no
    /// work of this file yet.
    pub session: String,
}

impl Meta {
    pub fn read(text: &str) -> Option<Meta> {
        serde_json::from_str(text).ok()
    }

    /// The line that says where the file came from.
    pub fn origin_line(&self, lang: Lang) -> String {
        match lang {
            Lang::Zh => format!(
                "离线报告：{}，由 1+X 试点看板于 {} 导出（版本 {}）",
                self.title, self.made, self.version
            ),
            Lang::En => format!(
                "Offline report: {}, exported by the 1+X Pilot Board on {} (version {})",
                self.title, self.made, self.version
            ),
        }
    }
}

/// Why a standalone file does not open a workbook or a table (Chinese, English): their reader
/// runs in a worker, which a `file://` page cannot start.
pub const TABLES_NEED_THE_BOARD: (&str, &str) = (
    "离线报告不能读取 Excel、WPS 工作簿和 CSV 表格：请在在线版看板中打开它们。离线报告能打开本看板导出的 JSON 数据文件。",
    "An offline report cannot read Excel or WPS workbooks or CSV tables: open them in the board online. It can open JSON data files this board exported.",
);

/// The first line of an archive.
const ARCHIVE_HEADER: &str = "pilot-board-files 1";

/// The prefix of every module's name in the page's import map.
pub const MODULE_PREFIX: &str = "pilot-board/";

/// The app's files as one byte string: a header line, a line `name<TAB>length` per file, an
/// empty line, then the files' bytes one after the other.
pub fn archive(files: &[(String, Vec<u8>)]) -> Vec<u8> {
    let mut head = format!("{ARCHIVE_HEADER}\n");
    for (name, bytes) in files {
        head.push_str(&format!("{name}\t{}\n", bytes.len()));
    }
    head.push('\n');
    let mut out = head.into_bytes();
    for (_, bytes) in files {
        out.extend_from_slice(bytes);
    }
    out
}

/// The files of an archive (the reverse of [`archive`], as the boot script reads it).
pub fn unarchive(bytes: &[u8]) -> Option<Vec<(String, Vec<u8>)>> {
    let end = bytes.windows(2).position(|w| w == b"\n\n")?;
    let head = std::str::from_utf8(&bytes[..end]).ok()?;
    let mut lines = head.lines();
    (lines.next()? == ARCHIVE_HEADER).then_some(())?;
    let mut at = end + 2;
    let mut files = Vec::new();
    for line in lines {
        let (name, length) = line.split_once('\t')?;
        let length: usize = length.parse().ok()?;
        files.push((name.to_string(), bytes.get(at..at + length)?.to_vec()));
        at += length;
    }
    (at == bytes.len()).then_some(files)
}

/// The app's own files a script or a page names: each quoted `./name.js`, `./name.wasm` or
/// `./name.css` that is not an object's key, once, in the order named. (Trunk's module script names the glue and the main
/// wasm; the glue names the chunks' loader; the loader names every chunk.)
pub fn local_names(text: &str) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for (at, _) in text.match_indices("./") {
        let quote = match at.checked_sub(1).map(|before| text.as_bytes()[before]) {
            Some(b'"') => '"',
            Some(b'\'') => '\'',
            _ => continue,
        };
        let rest = &text[at + 2..];
        let Some(end) = rest.find(quote) else {
            continue;
        };
        let name = &rest[..end];
        let plain = !name.is_empty()
            && name
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.'));
        let kind = [".js", ".wasm", ".css"]
            .iter()
            .any(|ext| name.ends_with(ext));
        // A key of an object is a name of the wasm's imports (`"./pilot-board_bg.js": …`),
        // not a file.
        let key = rest[end + 1..]
            .bytes()
            .find(|b| !b.is_ascii_whitespace())
            .is_some_and(|b| b == b':');
        if plain && kind && !key && !names.iter().any(|n| n == name) {
            names.push(name.to_string());
        }
    }
    names
}

/// A module of the app made to load from the archive: its imports of sibling modules name them
/// as the import map does, and `import.meta.url` (a `blob:` URL there, which cannot be a base)
/// becomes the page's address, so that a chunk's `new URL("./chunk.wasm", …)` stays a valid
/// address whose last part names the chunk.
pub fn module_text(text: &str) -> String {
    text.replace("from \"./", &format!("from \"{MODULE_PREFIX}"))
        .replace("from './", &format!("from '{MODULE_PREFIX}"))
        .replace("import(\"./", &format!("import(\"{MODULE_PREFIX}"))
        .replace("import.meta.url", "location.href")
}

/// What a standalone page is made of besides its description.
pub struct Parts<'a> {
    /// The app's stylesheet.
    pub style: &'a str,
    /// The boot script.
    pub boot: &'a str,
    /// The archive, deflated, in base64.
    pub bundle: &'a str,
}

/// Why a page could not be written.
#[derive(Clone, Debug, PartialEq)]
pub enum PageProblem {
    /// A part would end its own element early (`</style` or `</script` inside it).
    Unsafe(&'static str),
}

/// The standalone page.
pub fn page(meta: &Meta, parts: &Parts) -> Result<String, PageProblem> {
    let lower = |text: &str| text.to_ascii_lowercase();
    if lower(parts.style).contains("</style") {
        return Err(PageProblem::Unsafe("style"));
    }
    if lower(parts.boot).contains("</script") {
        return Err(PageProblem::Unsafe("boot"));
    }
    if !parts
        .bundle
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'='))
    {
        return Err(PageProblem::Unsafe("bundle"));
    }
    // In JSON, `<` only stands inside strings, where `\u003c` says the same: no `</script>`.
    let meta_json = serde_json::to_string(meta)
        .expect("a Meta is plain data")
        .replace('<', "\\u003c");
    Ok(format!(
        r#"<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="1+X 试点看板 {version}">
<title>{title} · 离线报告</title>
<style id="pb-style">{style}</style>
<script type="application/json" id="pb-standalone">{meta_json}</script>
<script type="text/plain" id="pb-bundle">{bundle}</script>
</head>
<body>
<noscript>本页面需要启用 JavaScript 和 WebAssembly 才能显示数据。</noscript>
<script id="pb-boot">{boot}</script>
</body>
</html>
"#,
        version = escape_html(&meta.version),
        title = escape_html(&meta.title),
        style = parts.style,
        bundle = parts.bundle,
        boot = parts.boot,
    ))
}

fn escape_html(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta() -> Meta {
        Meta {
            id: "s1".into(),
            title: "2022 年 <试点> & 报告".into(),
            made: "2026-12-07".into(),
            version: "0.1.0".into(),
            from: "https://example.edu/board/".into(),
            glue: "pilot-board-1a.js".into(),
            wasm: "pilot-board-2b_bg.wasm".into(),
            session: r#"{"title":"</script><script>alert(1)</script>"}"#.into(),
        }
    }

    #[test]
    fn an_archive_round_trips_and_a_cut_one_is_refused() {
        let files = vec![
            ("a.js".to_string(), b"export const a = 1;\n\n".to_vec()),
            ("b.wasm".to_string(), vec![0, 97, 115, 109, 10, 10]),
            ("empty.css".to_string(), vec![]),
        ];
        let bytes = archive(&files);
        assert!(bytes.starts_with(b"pilot-board-files 1\na.js\t21\n"));
        assert_eq!(unarchive(&bytes), Some(files));
        assert_eq!(unarchive(&bytes[..bytes.len() - 1]), None);
        assert_eq!(unarchive(b"other\n\n"), None);
    }

    #[test]
    fn the_names_a_script_gives_its_files() {
        let module = "import init, * as bindings from './pilot-board-9c.js';\n\
            const wasm = await init({ module_or_path: './pilot-board-71_bg.wasm' });";
        assert_eq!(
            local_names(module),
            ["pilot-board-9c.js", "pilot-board-71_bg.wasm"]
        );
        let loader = r#"import { initSync } from "./pilot-board-9c.js";
            fetch(new URL("./chunk_8-72.wasm", import.meta.url));
            fetch(new URL("./split_office-2b.wasm", import.meta.url));
            fetch(new URL("./chunk_8-72.wasm", import.meta.url));
            new URL('pilot-board_bg.wasm', import.meta.url); "./a/../b.js"; "./"; './x.png'
            return { "./pilot-board_bg.js": import0, "./__wasm_split.js" : import1 };"#;
        assert_eq!(
            local_names(loader),
            [
                "pilot-board-9c.js",
                "chunk_8-72.wasm",
                "split_office-2b.wasm"
            ]
        );
    }

    #[test]
    fn a_module_imports_its_siblings_through_the_import_map() {
        let glue = "import * as import1 from \"./__wasm_split-8f.js\"\n\
            module_or_path = new URL('pilot-board_bg.wasm', import.meta.url);";
        assert_eq!(
            module_text(glue),
            "import * as import1 from \"pilot-board/__wasm_split-8f.js\"\n\
            module_or_path = new URL('pilot-board_bg.wasm', location.href);"
        );
        assert_eq!(
            module_text("import { initSync } from './g.js'; import(\"./h.js\")"),
            "import { initSync } from 'pilot-board/g.js'; import(\"pilot-board/h.js\")"
        );
    }

    #[test]
    fn the_page_holds_its_parts_and_no_text_of_the_data_can_end_a_script() {
        let parts = Parts {
            style: "body{color:red}",
            boot: "console.log(1)",
            bundle: "AAEC+/8",
        };
        let html = page(&meta(), &parts).unwrap();
        assert!(html.contains("<title>2022 年 &lt;试点&gt; &amp; 报告 · 离线报告</title>"));
        assert!(html.contains("<style id=\"pb-style\">body{color:red}</style>"));
        assert!(html.contains("<script type=\"text/plain\" id=\"pb-bundle\">AAEC+/8</script>"));
        // The only `</script` are those of the page's own three scripts.
        assert_eq!(html.matches("</script").count(), 3);
        let start = html.find("id=\"pb-standalone\">").unwrap() + 19;
        let end = start + html[start..].find("</script>").unwrap();
        assert_eq!(Meta::read(&html[start..end]), Some(meta()));
    }

    #[test]
    fn a_part_that_would_end_its_element_is_refused() {
        let parts = |style, boot, bundle| Parts {
            style,
            boot,
            bundle,
        };
        assert_eq!(
            page(&meta(), &parts("a</STYLE>", "", "")),
            Err(PageProblem::Unsafe("style"))
        );
        assert_eq!(
            page(&meta(), &parts("", "'</script>'", "")),
            Err(PageProblem::Unsafe("boot"))
        );
        assert_eq!(
            page(&meta(), &parts("", "", "AA<")),
            Err(PageProblem::Unsafe("bundle"))
        );
    }

    #[test]
    fn the_origin_line_says_what_where_and_when() {
        let line = meta().origin_line(Lang::Zh);
        assert!(
            line.starts_with("离线报告：2022 年 <试点> & 报告，由 1+X 试点看板于 2026-12-07 导出")
        );
        assert!(meta().origin_line(Lang::En).contains("on 2026-12-07"));
    }
}
