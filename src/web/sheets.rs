//! Style sheets that come with the views they style: a view loaded on demand (the slides, the
//! library, a refused file, the preview of a table) puts its sheet in the page the first time it
//! shows, so that the first load's sheet holds only what the first screen needs.

use leptos::prelude::document;

/// The slides' sheet (the dashboard's slide show and the comparison's).
pub const SLIDES: (&str, &str) = ("pb-slides-style", include_str!("../../style/slides.css"));
/// A refused file's errors and the preview of a table with other headings.
pub const FILES: (&str, &str) = ("pb-files-style", include_str!("../../style/files.css"));
/// The library's list and the comparison.
pub const LIBRARY: (&str, &str) = ("pb-library-style", include_str!("../../style/library.css"));

/// A standalone file's banner.
pub const STANDALONE: (&str, &str) = (
    "pb-standalone-style",
    include_str!("../../style/standalone.css"),
);

/// Puts the sheet `(id, css)` in the page's head, once.
pub fn add((id, css): (&str, &str)) {
    let document = document();
    if document.get_element_by_id(id).is_some() {
        return;
    }
    let Ok(style) = document.create_element("style") else {
        return;
    };
    style.set_id(id);
    style.set_text_content(Some(css));
    if let Ok(Some(head)) = document.query_selector("head") {
        let _ = head.append_child(&style);
    }
}
