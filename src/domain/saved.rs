//! The work kept in the browser between visits, as one versioned envelope: the dataset as
//! loaded, the edit history and where in it the user stands, and the view. A later version of
//! the app reads `version` first and can migrate; this one refuses what it does not know and
//! says why, so the caller can keep the value aside instead of overwriting it.

use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

use super::edit::{Editor, EditorParts};
use super::lang::Lang;
use super::parse::parse_dataset;

/// What marks the app's envelope among other values.
pub const APP_TAG: &str = "pilot-board";
/// The envelope's layout version. Raise it when the layout changes, and migrate older ones.
pub const SAVED_VERSION: u64 = 1;

/// Work restored from the browser.
#[derive(Clone, Debug)]
pub struct Saved {
    pub editor: Editor,
    /// Where the dataset came from (a file name, a `?data=` address); `None` = built in.
    pub source_name: Option<String>,
    /// The view as the page address writes it.
    pub view_query: String,
    /// Counts saves, across tabs: the higher is the newer.
    pub revision: u64,
    /// When it was saved, as the browser's clock said (milliseconds since 1970).
    pub saved_at: f64,
    /// Which dataset of the library it is (`domain::library`); `None` when written before
    /// the library existed.
    pub library_id: Option<String>,
}

#[derive(Serialize)]
struct EnvelopeOut<'a> {
    app: &'static str,
    version: u64,
    revision: u64,
    saved_at: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    source_name: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    library_id: Option<&'a str>,
    view: &'a str,
    dataset: &'a RawValue,
    edits: &'a EditorParts,
}

#[derive(Deserialize)]
struct EnvelopeIn {
    revision: u64,
    #[serde(default)]
    saved_at: f64,
    #[serde(default)]
    source_name: Option<String>,
    #[serde(default)]
    library_id: Option<String>,
    #[serde(default)]
    view: String,
    dataset: Box<RawValue>,
    edits: EditorParts,
}

/// Why a stored value could not be restored.
#[derive(Clone, Debug, PartialEq)]
pub enum Unreadable {
    /// Not the app's envelope, or damaged.
    Corrupt,
    /// Written by a newer version of the app.
    NewerVersion(u64),
}

impl Unreadable {
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (Unreadable::Corrupt, Lang::Zh) => "浏览器中保存的数据已损坏，无法读取。".into(),
            (Unreadable::Corrupt, Lang::En) => {
                "The work saved in this browser is damaged and cannot be read.".into()
            }
            (Unreadable::NewerVersion(v), Lang::Zh) => {
                format!("浏览器中保存的数据来自较新版本的程序（存储版本 {v}），本版本无法读取。")
            }
            (Unreadable::NewerVersion(v), Lang::En) => format!(
                "The work saved in this browser comes from a newer version of the app (storage version {v}); this version cannot read it."
            ),
        }
    }
}

/// The dataset as loaded, written once per load: saving after each edit reuses it.
#[derive(Clone, Debug)]
pub struct LoadedJson(Box<RawValue>);

impl LoadedJson {
    pub fn of(editor: &Editor) -> Self {
        let text = serde_json::to_string(editor.original()).expect("a dataset always serialises");
        LoadedJson(RawValue::from_string(text).expect("serde_json writes valid JSON"))
    }
}

/// Where a dataset's work came from and which dataset of the library it is.
#[derive(Clone, Copy, Debug, Default)]
pub struct Origin<'a> {
    pub source_name: Option<&'a str>,
    pub library_id: Option<&'a str>,
}

/// The envelope's text.
pub fn write(
    loaded: &LoadedJson,
    editor: &Editor,
    origin: Origin,
    view_query: &str,
    revision: u64,
    saved_at: f64,
) -> String {
    let envelope = EnvelopeOut {
        app: APP_TAG,
        version: SAVED_VERSION,
        revision,
        saved_at,
        source_name: origin.source_name,
        library_id: origin.library_id,
        view: view_query,
        dataset: &loaded.0,
        edits: &editor.parts(),
    };
    serde_json::to_string(&envelope).expect("the envelope always serialises")
}

/// Only the revision of a stored envelope, without reading the rest (to tell whether another
/// tab saved since).
pub fn revision_of(text: &str) -> Option<u64> {
    #[derive(Deserialize)]
    struct Head {
        app: String,
        revision: u64,
    }
    serde_json::from_str::<Head>(text)
        .ok()
        .filter(|h| h.app == APP_TAG)
        .map(|h| h.revision)
}

/// Reads a stored envelope back into work.
pub fn read(text: &str) -> Result<Saved, Unreadable> {
    #[derive(Deserialize)]
    struct Head {
        app: String,
        version: u64,
    }
    let head: Head = serde_json::from_str(text).map_err(|_| Unreadable::Corrupt)?;
    if head.app != APP_TAG {
        return Err(Unreadable::Corrupt);
    }
    if head.version > SAVED_VERSION {
        return Err(Unreadable::NewerVersion(head.version));
    }
    if head.version != SAVED_VERSION {
        return Err(Unreadable::Corrupt);
    }
    let envelope: EnvelopeIn = serde_json::from_str(text).map_err(|_| Unreadable::Corrupt)?;
    let original = parse_dataset(envelope.dataset.get()).map_err(|_| Unreadable::Corrupt)?;
    let editor = Editor::restore(original, envelope.edits).map_err(|_| Unreadable::Corrupt)?;
    Ok(Saved {
        editor,
        source_name: envelope.source_name,
        view_query: envelope.view,
        revision: envelope.revision,
        saved_at: envelope.saved_at,
        library_id: envelope.library_id,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::builtin::report_2021;
    use crate::domain::fields::Field;

    fn edited() -> Editor {
        let mut editor = Editor::new(report_2021());
        editor.set(3, Field::Registered, "70").unwrap();
        editor.add();
        editor.set(0, Field::Note, "核对过").unwrap();
        editor.undo();
        editor
    }

    #[test]
    fn an_envelope_reads_back_as_the_same_work() {
        let editor = edited();
        let text = write(
            &LoadedJson::of(&editor),
            &editor,
            Origin {
                source_name: Some("a.json"),
                library_id: Some("d1"),
            },
            "level=初级",
            7,
            1.5e12,
        );
        assert!(text.starts_with(r#"{"app":"pilot-board","version":1,"revision":7,"#));
        let saved = read(&text).unwrap();
        assert_eq!(saved.editor.dataset(), editor.dataset());
        assert_eq!(saved.editor.parts(), editor.parts());
        assert_eq!(saved.source_name.as_deref(), Some("a.json"));
        assert_eq!(saved.library_id.as_deref(), Some("d1"));
        assert_eq!(saved.view_query, "level=初级");
        assert_eq!(saved.revision, 7);
        assert_eq!(revision_of(&text), Some(7));
    }

    #[test]
    fn damaged_foreign_and_newer_values_are_refused() {
        let editor = edited();
        let good = write(
            &LoadedJson::of(&editor),
            &editor,
            Origin::default(),
            "",
            1,
            0.0,
        );
        assert_eq!(read(&good).unwrap().library_id, None);
        assert_eq!(
            read(&good[..good.len() / 2]).err(),
            Some(Unreadable::Corrupt)
        );
        assert_eq!(read("").err(), Some(Unreadable::Corrupt));
        assert_eq!(read("[1,2]").err(), Some(Unreadable::Corrupt));
        assert_eq!(
            read(&good.replacen("pilot-board", "other-app", 1)).err(),
            Some(Unreadable::Corrupt)
        );
        assert_eq!(
            read(&good.replacen("\"version\":1", "\"version\":2", 1)).err(),
            Some(Unreadable::NewerVersion(2))
        );
        assert_eq!(
            read(&good.replacen("\"version\":1", "\"version\":0", 1)).err(),
            Some(Unreadable::Corrupt)
        );
        // A history that does not fit its dataset.
        let mut value: serde_json::Value = serde_json::from_str(&good).unwrap();
        value["dataset"]["records"][3]["registered"] = 1.into();
        assert_eq!(read(&value.to_string()).err(), Some(Unreadable::Corrupt));
    }
}
