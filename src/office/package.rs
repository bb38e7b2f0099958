//! An Office Open XML package (the zip a .docx or .pptx is): its parts, the content types that
//! name them, and the relationships between them. Word and PowerPoint refuse a package whose
//! `[Content_Types].xml` does not name each part exactly, so the package writes it itself, from
//! the parts it was given: an override per XML part and a default per media extension.

use std::fmt::Write as _;
use std::io::{Cursor, Write};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipWriter};

/// The namespace of relationships, which every part that links to another declares as `r`.
pub const NS_R: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/// The relationship types the packages use.
pub mod rel {
    pub const OFFICE_DOCUMENT: &str =
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument";
    pub const CORE: &str =
        "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties";
    pub const EXTENDED: &str =
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties";
    pub const IMAGE: &str =
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image";
    pub const STYLES: &str =
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles";
    pub const SETTINGS: &str =
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings";
    pub const THEME: &str =
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme";
    pub const SLIDE: &str =
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/slide";
    pub const SLIDE_MASTER: &str =
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/slideMaster";
    pub const SLIDE_LAYOUT: &str =
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/slideLayout";
    pub const NOTES_MASTER: &str =
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/notesMaster";
    pub const NOTES_SLIDE: &str =
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/notesSlide";
}

/// The content types of the parts the packages hold.
pub mod content {
    pub const RELS: &str = "application/vnd.openxmlformats-package.relationships+xml";
    pub const CORE: &str = "application/vnd.openxmlformats-package.core-properties+xml";
    pub const EXTENDED: &str =
        "application/vnd.openxmlformats-officedocument.extended-properties+xml";
    pub const PNG: &str = "image/png";
    pub const THEME: &str = "application/vnd.openxmlformats-officedocument.theme+xml";
}

/// A chart as a picture: PNG bytes and their size in pixels (which sets its shape on the page).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Picture {
    pub png: Vec<u8>,
    pub width: u32,
    pub height: u32,
}

impl Picture {
    /// The height, in the units of `width`, that keeps the picture's shape at that width.
    pub fn height_at(&self, width: i64) -> i64 {
        width * i64::from(self.height) / i64::from(self.width.max(1))
    }
}

/// EMUs (the unit of DrawingML) per inch.
pub const EMU_PER_INCH: i64 = 914_400;

/// A package being written: parts go into the zip as they come; the content types and the
/// package's own relationships are written by [`Package::finish`].
pub struct Package {
    zip: ZipWriter<Cursor<Vec<u8>>>,
    options: SimpleFileOptions,
    /// `(part name, content type)` of every XML part, for the overrides.
    overrides: Vec<(String, &'static str)>,
    /// The media extensions the package holds, for the defaults.
    media: Vec<(&'static str, &'static str)>,
    /// The package's relationships (`_rels/.rels`).
    root: Rels,
}

/// Why a package could not be written (the zip refused a part: out of memory, in practice).
#[derive(Debug)]
pub struct PackageError(String);

impl std::fmt::Display for PackageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "package: {}", self.0)
    }
}

impl std::error::Error for PackageError {}

impl From<zip::result::ZipError> for PackageError {
    fn from(error: zip::result::ZipError) -> Self {
        PackageError(error.to_string())
    }
}

impl From<std::io::Error> for PackageError {
    fn from(error: std::io::Error) -> Self {
        PackageError(error.to_string())
    }
}

impl Package {
    /// A new package, its parts dated `date` (`YYYY-MM-DD`; an unreadable date is 1980-01-01,
    /// the zip format's first day).
    pub fn new(date: &str) -> Package {
        let mut numbers = date.split('-').map(|n| n.parse::<u16>().unwrap_or(0));
        let (year, month, day) = (
            numbers.next().unwrap_or(0),
            numbers.next().unwrap_or(0),
            numbers.next().unwrap_or(0),
        );
        let stamp =
            DateTime::from_date_and_time(year, month as u8, day as u8, 0, 0, 0).unwrap_or_default();
        Package {
            zip: ZipWriter::new(Cursor::new(Vec::new())),
            options: SimpleFileOptions::default()
                .compression_method(CompressionMethod::Deflated)
                .last_modified_time(stamp),
            overrides: Vec::new(),
            media: Vec::new(),
            root: Rels::default(),
        }
    }

    /// Adds an XML part (`name` without the leading `/`) of `content_type`.
    pub fn xml(
        &mut self,
        name: &str,
        content_type: &'static str,
        xml: &str,
    ) -> Result<(), PackageError> {
        self.zip.start_file(name, self.options)?;
        self.zip.write_all(xml.as_bytes())?;
        self.overrides.push((format!("/{name}"), content_type));
        Ok(())
    }

    /// Adds a part's relationships (`rels` of `part`, e.g. `word/document.xml`).
    pub fn rels(&mut self, part: &str, rels: &Rels) -> Result<(), PackageError> {
        let name = match part.rsplit_once('/') {
            Some((folder, file)) => format!("{folder}/_rels/{file}.rels"),
            None => format!("_rels/{part}.rels"),
        };
        self.zip.start_file(name, self.options)?;
        self.zip.write_all(rels.to_xml().as_bytes())?;
        Ok(())
    }

    /// Adds a PNG picture as `name`. PNG is compressed already: it is stored as it is.
    pub fn png(&mut self, name: &str, png: &[u8]) -> Result<(), PackageError> {
        let stored = self.options.compression_method(CompressionMethod::Stored);
        self.zip.start_file(name, stored)?;
        self.zip.write_all(png)?;
        if !self.media.iter().any(|(ext, _)| *ext == "png") {
            self.media.push(("png", content::PNG));
        }
        Ok(())
    }

    /// Links the package to a part: the main document, or its properties.
    pub fn relate(&mut self, kind: &'static str, target: &str) {
        self.root.add(kind, target);
    }

    /// Adds the document's properties (title, and who made it: the app) and links them.
    pub fn properties(&mut self, title: &str, date: &str, app: &str) -> Result<(), PackageError> {
        let core = format!(
            concat!(
                r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
                r#"<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" "#,
                r#"xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" "#,
                r#"xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">"#,
                "<dc:title>{title}</dc:title><dc:creator>{app}</dc:creator>",
                r#"<dcterms:created xsi:type="dcterms:W3CDTF">{date}T00:00:00Z</dcterms:created>"#,
                r#"<dcterms:modified xsi:type="dcterms:W3CDTF">{date}T00:00:00Z</dcterms:modified>"#,
                "</cp:coreProperties>"
            ),
            title = escape(title),
            app = escape(app),
            date = escape(w3c_date(date)),
        );
        self.xml("docProps/core.xml", content::CORE, &core)?;
        let extended = format!(
            concat!(
                r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
                r#"<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">"#,
                "<Application>{app}</Application></Properties>"
            ),
            app = escape(app)
        );
        self.xml("docProps/app.xml", content::EXTENDED, &extended)?;
        self.relate(rel::CORE, "docProps/core.xml");
        self.relate(rel::EXTENDED, "docProps/app.xml");
        Ok(())
    }

    /// Writes the content types and the package's relationships, and gives the file's bytes.
    pub fn finish(mut self) -> Result<Vec<u8>, PackageError> {
        let mut types = String::from(concat!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
            r#"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#,
        ));
        let _ = write!(
            types,
            r#"<Default Extension="rels" ContentType="{}"/><Default Extension="xml" ContentType="application/xml"/>"#,
            content::RELS
        );
        for (extension, content_type) in &self.media {
            let _ = write!(
                types,
                r#"<Default Extension="{extension}" ContentType="{content_type}"/>"#
            );
        }
        for (name, content_type) in &self.overrides {
            let _ = write!(
                types,
                r#"<Override PartName="{}" ContentType="{content_type}"/>"#,
                escape(name)
            );
        }
        types.push_str("</Types>");
        self.zip.start_file("[Content_Types].xml", self.options)?;
        self.zip.write_all(types.as_bytes())?;
        let root = std::mem::take(&mut self.root);
        self.zip.start_file("_rels/.rels", self.options)?;
        self.zip.write_all(root.to_xml().as_bytes())?;
        Ok(self.zip.finish()?.into_inner())
    }
}

/// A part's relationships: `rId1`, `rId2`, … in the order they are added.
#[derive(Clone, Debug, Default)]
pub struct Rels {
    entries: Vec<(&'static str, String)>,
}

impl Rels {
    /// Adds a relationship of `kind` to `target` (relative to the part's folder) and gives its
    /// id.
    pub fn add(&mut self, kind: &'static str, target: &str) -> String {
        self.entries.push((kind, target.to_string()));
        format!("rId{}", self.entries.len())
    }

    pub fn to_xml(&self) -> String {
        let mut xml = String::from(concat!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
            r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
        ));
        for (n, (kind, target)) in self.entries.iter().enumerate() {
            let _ = write!(
                xml,
                r#"<Relationship Id="rId{}" Type="{kind}" Target="{}"/>"#,
                n + 1,
                escape(target)
            );
        }
        xml.push_str("</Relationships>");
        xml
    }
}

/// `text` as XML character data or an attribute value: the five special characters escaped,
/// and the characters XML 1.0 cannot hold at all (controls other than tab and line breaks,
/// unpaired surrogates cannot occur in a `str`, U+FFFE and U+FFFF) left out, so that a stray
/// control character from a pasted spreadsheet cannot make the file unreadable.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

/// `YYYY-MM-DD` when `date` is one, else the zip format's first day.
fn w3c_date(date: &str) -> &str {
    let well_formed = date.len() == 10
        && date.bytes().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                b == b'-'
            } else {
                b.is_ascii_digit()
            }
        });
    if well_formed { date } else { "1980-01-01" }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_leaves_out_what_xml_cannot_hold() {
        assert_eq!(
            escape("a<b & \"c\"\u{1}\u{FFFF}\t"),
            "a&lt;b &amp; &quot;c&quot;\t"
        );
        assert_eq!(escape("通过率"), "通过率");
    }

    #[test]
    fn relationships_are_numbered_in_order() {
        let mut rels = Rels::default();
        assert_eq!(rels.add(rel::IMAGE, "media/a.png"), "rId1");
        assert_eq!(rels.add(rel::STYLES, "styles.xml"), "rId2");
        assert!(rels.to_xml().contains(r#"Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml""#));
    }

    #[test]
    fn a_date_that_is_not_one_becomes_the_first_day() {
        assert_eq!(w3c_date("2026-12-02"), "2026-12-02");
        assert_eq!(w3c_date("tomorrow"), "1980-01-01");
    }
}
