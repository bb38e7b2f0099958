//! The report's section on assessment as a Word document: the title, the filters and the
//! dates; the summary paragraph; the table of the records shown (the report's table 3: plan,
//! certificate, level, registered, certified, pass rate, and a totals row) as a real Word table
//! whose header row repeats on every page and whose column widths are in its grid (WPS reads
//! the grid, not the table's width); and the charts as pictures, each with a numbered caption.
//! Captions are Word's own (`SEQ` fields), so that pasted into a report they renumber with it.
//! Every run names an East Asian font, as WPS and Word need to show Chinese in it.

use std::fmt::Write as _;

use super::package::{EMU_PER_INCH, NS_R, Package, PackageError, Picture, Rels, escape, rel};
use crate::charts::layout::{
    BOTTOM, ROW_HEIGHT, SLIDE_ROW_HEIGHT, TOP, chart_height, rows_fitting_at,
};
use crate::charts::{Chart, ChartSpec};
use crate::domain::caption::Caption;
use crate::domain::figures::{PassRate, Totals};
use crate::domain::lang::format_count;
use crate::domain::view::RateDefinition;
use crate::domain::{Lang, Record};

/// The device pixels a document's chart is drawn across: the text's width of an A4 page at
/// about 300 dots to the inch.
pub const DOCUMENT_PIXELS: f64 = 1_980.0;

/// A4, in twentieths of a point (dxa), and its margins.
const PAGE_WIDTH: i64 = 11_906;
const PAGE_HEIGHT: i64 = 16_838;
const MARGIN_SIDE: i64 = 1_247; // 2.2 cm
const MARGIN_TOP: i64 = 1_440; // 2.54 cm
/// The width text, tables and pictures take.
pub const TEXT_WIDTH: i64 = PAGE_WIDTH - 2 * MARGIN_SIDE;
/// The tallest a picture may be, leaving its caption room on the same page.
pub const PICTURE_MAX_HEIGHT: i64 = PAGE_HEIGHT - 2 * MARGIN_TOP - 1_300;
/// EMUs per dxa.
const EMU_PER_DXA: i64 = EMU_PER_INCH / 1_440;

/// The table's columns, as fractions of the text width in tenths of a percent: the plan and
/// the certificate's name take the room (an 18-character name on one line), the figures a
/// short column each; English needs room for "Intermediate" and its headings.
fn column_shares(lang: Lang) -> [i64; 6] {
    match lang {
        Lang::Zh => [170, 420, 90, 105, 105, 110],
        Lang::En => [145, 295, 150, 140, 140, 130],
    }
}

const BODY_FONT_ZH: &str = "宋体";
const HEADING_FONT_ZH: &str = "黑体";
const LATIN_FONT: &str = "Times New Roman";

/// One chart of the document: its title (the caption after "图1") and its picture.
#[derive(Clone, Debug)]
pub struct Figure {
    pub title: String,
    pub picture: Picture,
}

/// A chart's figure, or one piece of a chart taller than a page: its caption's title, the bars
/// it shows, the size it is laid out at (layout pixels) and the height of its rows.
#[derive(Clone, Debug)]
pub struct FigurePiece<C = ChartSpec> {
    pub title: String,
    pub spec: C,
    pub layout: (f64, f64),
    pub row_height: f64,
}

/// The width a document's chart is laid out at, in layout pixels: at the text's width, its
/// labels come out at about 8–9 pt.
pub const FIGURE_LAYOUT_WIDTH: f64 = 700.0;

/// The figures `spec` makes: one at the dashboard's rows where it fits a page; else one at
/// compact rows; else as many pieces of compact rows as it takes, each titled with its place
/// ("各证书通过率（1/3）"), so that no picture is taller than a page nor squeezed out of shape.
pub fn figure_pieces<C: Chart + Clone>(title: String, spec: &C, lang: Lang) -> Vec<FigurePiece<C>> {
    let tallest = FIGURE_LAYOUT_WIDTH * PICTURE_MAX_HEIGHT as f64 / TEXT_WIDTH as f64;
    let piece = |title: String, spec: C, row_height: f64| {
        let height = TOP + spec.rows().max(1) as f64 * row_height + BOTTOM;
        FigurePiece {
            title,
            spec,
            layout: (FIGURE_LAYOUT_WIDTH, height),
            row_height,
        }
    };
    let rows = spec.rows();
    if chart_height(rows) <= tallest {
        return vec![piece(title, spec.clone(), ROW_HEIGHT)];
    }
    let per_piece = rows_fitting_at(tallest, SLIDE_ROW_HEIGHT);
    let count = rows.div_ceil(per_piece);
    if count == 1 {
        return vec![piece(title, spec.clone(), SLIDE_ROW_HEIGHT)];
    }
    (0..count)
        .map(|n| {
            let title = lang.with_aside(&title, &format!("{}/{count}", n + 1));
            piece(title, spec.page(n * per_piece, per_piece), SLIDE_ROW_HEIGHT)
        })
        .collect()
}

/// What the document says.
pub struct Report<'a> {
    pub lang: Lang,
    /// The dataset's title, the filters and the data's date.
    pub caption: &'a Caption,
    /// The day the file is made, `YYYY-MM-DD`.
    pub made_on: &'a str,
    /// The summary paragraph, as the app writes it.
    pub summary: &'a str,
    /// The records shown, in the order the table lists them.
    pub records: Vec<&'a Record>,
    pub figures: &'a [Figure],
}

/// A table of the document under its numbered caption: its headings, its rows (the last one
/// a totals row where `totals` says so, in bold), and how its columns are set.
#[derive(Clone, Debug, PartialEq)]
pub struct DocTable {
    pub title: String,
    pub headings: Vec<String>,
    pub rows: Vec<Vec<String>>,
    /// Each column's share of the text's width, in thousandths.
    pub shares: Vec<i64>,
    /// Columns from this one on hold figures (right-aligned).
    pub numeric_from: usize,
    /// A column of short words set centred (the level), if any.
    pub centred: Option<usize>,
    pub totals: bool,
    /// A line under the table (what its totals mean), if any.
    pub note: Option<String>,
}

/// Table 3 of the report: the records shown, and their totals.
pub fn records_table(records: &[&Record], lang: Lang) -> DocTable {
    DocTable {
        title: lang
            .pick(
                "学生参加证书考核明细表",
                "Students assessed, by certificate",
            )
            .to_string(),
        headings: table_headings(lang).map(str::to_string).to_vec(),
        rows: table_rows(records, lang)
            .into_iter()
            .map(Vec::from)
            .collect(),
        shares: column_shares(lang).to_vec(),
        numeric_from: 3,
        centred: Some(2),
        totals: true,
        note: Some(records_table_note(records, lang)),
    }
}

/// A document of two years compared: the comparison's sentence, its tables (the key figures,
/// the rows matched) and its charts.
pub struct ComparisonReport<'a> {
    pub lang: Lang,
    /// Both datasets, the filters on both, both dates.
    pub caption: &'a Caption,
    pub made_on: &'a str,
    pub sentence: &'a str,
    pub tables: &'a [DocTable],
    pub figures: &'a [Figure],
}

/// The section a document holds: its heading, its paragraph, then its tables and figures.
struct Section<'a> {
    heading: &'a str,
    text: &'a str,
    tables: &'a [DocTable],
    figures: &'a [Figure],
}

/// The table's headings: the report's table 3, or its English.
pub fn table_headings(lang: Lang) -> [&'static str; 6] {
    match lang {
        Lang::Zh => [
            "申报计划",
            "证书名称",
            "证书等级",
            "报考人数",
            "获证人数",
            "通过率",
        ],
        Lang::En => [
            "Batch",
            "Certificate",
            "Level",
            "Registered",
            "Certified",
            "Pass rate",
        ],
    }
}

/// The table's rows, with the screen's words where there is no figure: 未出成绩 for results
/// not yet published (certified and rate), 无人报考 for a rate without anybody registered;
/// then the totals row, whose rate is over everyone registered, as the report's own totals
/// row has it ([`records_table_note`] gives both rates under the table).
pub fn table_rows(records: &[&Record], lang: Lang) -> Vec<[String; 6]> {
    let pending = || lang.pick("未出成绩", "Pending").to_string();
    let rate_text = |rate: PassRate| match rate {
        PassRate::Nobody => lang.pick("无人报考", "Nobody registered").to_string(),
        rate => rate.text(lang),
    };
    let mut rows: Vec<[String; 6]> = records
        .iter()
        .map(|record| {
            [
                record.batch.clone(),
                record.certificate.clone(),
                record.level.label(lang).to_string(),
                format_count(record.registered, lang),
                record
                    .certified
                    .map_or_else(pending, |n| format_count(n, lang)),
                rate_text(PassRate::new(
                    record.pass_rate(),
                    record.registered,
                    record.is_pending(),
                )),
            ]
        })
        .collect();
    let totals = Totals::of(records.iter().copied());
    rows.push([
        lang.pick("总计", "Total").to_string(),
        String::new(),
        String::new(),
        format_count(totals.registered, lang),
        totals
            .certified_if_published()
            .map_or_else(pending, |n| format_count(n, lang)),
        rate_text(totals.pass_rate(RateDefinition::AllRegistered)),
    ]);
    rows
}

/// The line under table 3: which rate its totals row gives, and the other one, each with its
/// definition, so that a reader who meets 72.16% in a chart and 65.97% in the table knows why.
pub fn records_table_note(records: &[&Record], lang: Lang) -> String {
    let totals = Totals::of(records.iter().copied());
    let rate = |definition: RateDefinition| totals.pass_rate(definition).text(lang);
    let (all, published) = (
        rate(RateDefinition::AllRegistered),
        rate(RateDefinition::Published),
    );
    let (certified, registered, published_registered) = (
        format_count(totals.certified, lang),
        format_count(totals.registered, lang),
        format_count(totals.registered_published, lang),
    );
    match lang {
        Lang::Zh => format!(
            "注：总计行的通过率为全部报考口径 {all}（获证 {certified} 人 ÷ 报考 {registered} 人，未出成绩计为未获证）；按已公布成绩口径为 {published}（获证 {certified} 人 ÷ 已公布成绩的报考 {published_registered} 人），与图表所示一致。"
        ),
        Lang::En => format!(
            "Note: the total row's pass rate is over all registered, {all} ({certified} certified of {registered} registered; results pending count as not certified). Over published results it is {published} ({certified} certified of {published_registered} registered with results), as the charts show."
        ),
    }
}

/// The document's bytes.
pub fn report_document(report: &Report) -> Result<Vec<u8>, PackageError> {
    let tables = [records_table(&report.records, report.lang)];
    let section = Section {
        heading: report.lang.pick("考核工作", "Assessment"),
        text: report.summary,
        tables: &tables,
        figures: report.figures,
    };
    document(report.lang, report.caption, report.made_on, &section)
}

/// The comparison's document's bytes.
pub fn comparison_document(report: &ComparisonReport) -> Result<Vec<u8>, PackageError> {
    let section = Section {
        heading: report.lang.pick("两年比较", "Year over year"),
        text: report.sentence,
        tables: report.tables,
        figures: report.figures,
    };
    document(report.lang, report.caption, report.made_on, &section)
}

/// A document of one section under the caption's title.
fn document(
    lang: Lang,
    caption: &Caption,
    made_on: &str,
    section: &Section,
) -> Result<Vec<u8>, PackageError> {
    let mut package = Package::new(made_on);
    let mut rels = Rels::default();
    rels.add(rel::STYLES, "styles.xml");
    rels.add(rel::SETTINGS, "settings.xml");
    let mut body = String::new();
    let mut writer = Body {
        out: &mut body,
        lang,
    };
    writer.document(caption, made_on, section, &mut rels, &mut package)?;
    let document = format!(
        concat!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
            r#"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" "#,
            r#"xmlns:r="{ns_r}" "#,
            r#"xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" "#,
            r#"xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" "#,
            r#"xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture">"#,
            "<w:body>{body}{section}</w:body></w:document>"
        ),
        ns_r = NS_R,
        body = body,
        section = SECTION,
    );
    package.xml(
        "word/document.xml",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
        &document,
    )?;
    package.rels("word/document.xml", &rels)?;
    package.xml(
        "word/styles.xml",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml",
        &styles(lang),
    )?;
    package.xml(
        "word/settings.xml",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml",
        SETTINGS,
    )?;
    package.relate(rel::OFFICE_DOCUMENT, "word/document.xml");
    package.properties(&caption.dataset, made_on, APP)?;
    package.finish()
}

/// The application the files name as their maker.
pub const APP: &str = "“1+X”证书试点看板";

/// The page: A4 portrait, the margins above.
const SECTION: &str = concat!(
    r#"<w:sectPr><w:pgSz w:w="11906" w:h="16838"/>"#,
    r#"<w:pgMar w:top="1440" w:right="1247" w:bottom="1440" w:left="1247" w:header="851" w:footer="992" w:gutter="0"/>"#,
    r#"<w:docGrid w:linePitch="312"/></w:sectPr>"#
);

const SETTINGS: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    r#"<w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">"#,
    r#"<w:defaultTabStop w:val="420"/><w:characterSpacingControl w:val="compressPunctuation"/>"#,
    r#"<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>"#,
    "</w:settings>"
);

/// The styles: body text in 宋体 / Times New Roman at 12 pt (小四), headings and the table's
/// header in 黑体, captions at 10.5 pt (五号).
fn styles(lang: Lang) -> String {
    let lang_tag = lang.pick("zh-CN", "en-GB");
    format!(
        concat!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
            r#"<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">"#,
            "<w:docDefaults><w:rPrDefault><w:rPr>{fonts}",
            r#"<w:sz w:val="24"/><w:szCs w:val="24"/><w:lang w:val="{lang_tag}" w:eastAsia="zh-CN" w:bidi="ar-SA"/>"#,
            "</w:rPr></w:rPrDefault>",
            r#"<w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="360" w:lineRule="auto"/></w:pPr></w:pPrDefault>"#,
            "</w:docDefaults>",
            r#"<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>"#,
            r#"<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>"#,
            r#"<w:pPr><w:keepNext/><w:spacing w:before="240" w:after="120"/><w:jc w:val="center"/></w:pPr>"#,
            r#"<w:rPr>{heading_fonts}<w:b/><w:sz w:val="36"/><w:szCs w:val="36"/></w:rPr></w:style>"#,
            r#"<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>"#,
            r#"<w:pPr><w:keepNext/><w:spacing w:before="240" w:after="120"/><w:outlineLvl w:val="0"/></w:pPr>"#,
            r#"<w:rPr>{heading_fonts}<w:b/><w:sz w:val="28"/><w:szCs w:val="28"/></w:rPr></w:style>"#,
            r#"<w:style w:type="paragraph" w:styleId="Caption"><w:name w:val="caption"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>"#,
            r#"<w:pPr><w:spacing w:before="60" w:after="180" w:line="240" w:lineRule="auto"/><w:jc w:val="center"/></w:pPr>"#,
            r#"<w:rPr>{heading_fonts}<w:sz w:val="21"/><w:szCs w:val="21"/></w:rPr></w:style>"#,
            r#"<w:style w:type="paragraph" w:styleId="TableText"><w:name w:val="Table Text"/><w:basedOn w:val="Normal"/><w:qFormat/>"#,
            r#"<w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>"#,
            r#"<w:rPr><w:sz w:val="21"/><w:szCs w:val="21"/></w:rPr></w:style>"#,
            "</w:styles>"
        ),
        fonts = fonts(BODY_FONT_ZH),
        heading_fonts = fonts(HEADING_FONT_ZH),
        lang_tag = lang_tag,
    )
}

/// `<w:rFonts>` with `east_asian` for Chinese and Times New Roman for the rest.
fn fonts(east_asian: &str) -> String {
    format!(
        r#"<w:rFonts w:ascii="{LATIN_FONT}" w:eastAsia="{east_asian}" w:hAnsi="{LATIN_FONT}" w:cs="{LATIN_FONT}" w:hint="eastAsia"/>"#
    )
}

/// How a run looks beyond its paragraph's style.
#[derive(Clone, Copy, Default)]
struct Look {
    heading_font: bool,
    bold: bool,
    /// Half-points; the style's when `None`.
    size: Option<u32>,
    grey: bool,
}

/// The document's body, written in order.
struct Body<'a> {
    out: &'a mut String,
    lang: Lang,
}

impl Body<'_> {
    fn document(
        &mut self,
        caption: &Caption,
        made_on: &str,
        section: &Section,
        rels: &mut Rels,
        package: &mut Package,
    ) -> Result<(), PackageError> {
        let lang = self.lang;
        self.paragraph(Some("Title"), None, &[(&caption.dataset, Look::default())]);
        let details = caption.file_lines(made_on, lang).join(" · ");
        let grey = Look {
            grey: true,
            size: Some(21),
            ..Look::default()
        };
        self.paragraph(None, Some(r#"<w:jc w:val="center"/>"#), &[(&details, grey)]);
        self.paragraph(
            Some("Heading1"),
            None,
            &[(section.heading, Look::default())],
        );
        let indent = match lang {
            Lang::Zh => r#"<w:ind w:firstLineChars="200" w:firstLine="480"/><w:jc w:val="both"/>"#,
            Lang::En => r#"<w:jc w:val="both"/>"#,
        };
        self.paragraph(None, Some(indent), &[(section.text, Look::default())]);

        for (n, table) in section.tables.iter().enumerate() {
            self.numbered_caption(lang.pick("表", "Table"), n + 1, &table.title, true);
            self.table(table);
        }
        for (n, figure) in section.figures.iter().enumerate() {
            let name = format!("media/figure{}.png", n + 1);
            package.png(&format!("word/{name}"), &figure.picture.png)?;
            let id = rels.add(rel::IMAGE, &name);
            self.picture(&id, n + 1, &figure.picture, &figure.title);
            self.numbered_caption(lang.pick("图", "Figure"), n + 1, &figure.title, false);
        }
        Ok(())
    }

    /// A paragraph of runs, with a style and further properties (`<w:jc>`, `<w:ind>`…, in
    /// the order the schema has them).
    fn paragraph(&mut self, style: Option<&str>, properties: Option<&str>, runs: &[(&str, Look)]) {
        self.out.push_str("<w:p>");
        if style.is_some() || properties.is_some() {
            self.out.push_str("<w:pPr>");
            if let Some(style) = style {
                let _ = write!(self.out, r#"<w:pStyle w:val="{style}"/>"#);
            }
            self.out.push_str(properties.unwrap_or(""));
            self.out.push_str("</w:pPr>");
        }
        let heading = matches!(style, Some("Title" | "Heading1"));
        for (text, look) in runs {
            let look = Look {
                heading_font: look.heading_font || heading,
                ..*look
            };
            self.run(text, look);
        }
        self.out.push_str("</w:p>");
    }

    fn run(&mut self, text: &str, look: Look) {
        self.out.push_str("<w:r>");
        self.run_properties(look);
        let _ = write!(
            self.out,
            r#"<w:t xml:space="preserve">{}</w:t></w:r>"#,
            escape(text)
        );
    }

    fn run_properties(&mut self, look: Look) {
        self.out.push_str("<w:rPr>");
        self.out.push_str(&fonts(if look.heading_font {
            HEADING_FONT_ZH
        } else {
            BODY_FONT_ZH
        }));
        if look.bold {
            self.out.push_str("<w:b/><w:bCs/>");
        }
        if look.grey {
            self.out.push_str(r#"<w:color w:val="595959"/>"#);
        }
        if let Some(size) = look.size {
            let _ = write!(
                self.out,
                r#"<w:sz w:val="{size}"/><w:szCs w:val="{size}"/>"#
            );
        }
        self.out.push_str("</w:rPr>");
    }

    /// "表1 …" / "图1 …": the number is a `SEQ` field (its value written, for readers that do
    /// not update fields). A table's caption stays with the table below it.
    fn numbered_caption(&mut self, label: &str, number: usize, title: &str, keep_next: bool) {
        let look = Look {
            heading_font: true,
            ..Look::default()
        };
        self.out
            .push_str(r#"<w:p><w:pPr><w:pStyle w:val="Caption"/>"#);
        if keep_next {
            self.out.push_str("<w:keepNext/>");
        }
        self.out.push_str("</w:pPr>");
        let gap = match self.lang {
            Lang::Zh => "",
            Lang::En => " ",
        };
        self.run(&format!("{label}{gap}"), look);
        let _ = write!(
            self.out,
            r#"<w:fldSimple w:instr=" SEQ {label} \* ARABIC ">"#
        );
        self.run(&number.to_string(), look);
        self.out.push_str("</w:fldSimple>");
        self.run(&format!(" {title}"), look);
        self.out.push_str("</w:p>");
    }

    /// A table: header row repeated on each page, rows that do not break across pages, widths
    /// in the grid and on every cell.
    fn table(&mut self, table: &DocTable) {
        let widths: Vec<i64> = table
            .shares
            .iter()
            .map(|share| TEXT_WIDTH * share / 1_000)
            .collect();
        let total: i64 = widths.iter().sum();
        let border = r#"w:val="single" w:sz="4" w:space="0" w:color="808080""#;
        let _ = write!(
            self.out,
            concat!(
                r#"<w:tbl><w:tblPr><w:tblW w:w="{total}" w:type="dxa"/><w:jc w:val="center"/>"#,
                "<w:tblBorders><w:top {b}/><w:left {b}/><w:bottom {b}/><w:right {b}/>",
                "<w:insideH {b}/><w:insideV {b}/></w:tblBorders>",
                r#"<w:tblLayout w:type="fixed"/>"#,
                r#"<w:tblCellMar><w:left w:w="72" w:type="dxa"/><w:right w:w="72" w:type="dxa"/></w:tblCellMar>"#,
                r#"<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="1" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/>"#,
                "</w:tblPr><w:tblGrid>"
            ),
            total = total,
            b = border,
        );
        for width in &widths {
            let _ = write!(self.out, r#"<w:gridCol w:w="{width}"/>"#);
        }
        self.out.push_str("</w:tblGrid>");
        self.row(table, &table.headings, &widths, RowKind::Header);
        let last = table.rows.len().saturating_sub(1);
        for (n, row) in table.rows.iter().enumerate() {
            let kind = if table.totals && n == last {
                RowKind::Totals
            } else {
                RowKind::Record
            };
            self.row(table, row, &widths, kind);
        }
        self.out.push_str("</w:tbl>");
        // Word needs a paragraph between a table and what follows: the note, where there is
        // one, else an empty one.
        match &table.note {
            Some(note) => {
                let look = Look {
                    grey: true,
                    size: Some(21),
                    ..Look::default()
                };
                self.paragraph(
                    None,
                    Some(r#"<w:spacing w:before="60" w:after="180" w:line="300" w:lineRule="auto"/>"#),
                    &[(note, look)],
                );
            }
            None => self.out.push_str("<w:p/>"),
        }
    }

    fn row(&mut self, table: &DocTable, cells: &[String], widths: &[i64], kind: RowKind) {
        self.out.push_str("<w:tr><w:trPr><w:cantSplit/>");
        if kind == RowKind::Header {
            self.out.push_str("<w:tblHeader/>");
        }
        self.out.push_str("</w:trPr>");
        for (col, (text, width)) in cells.iter().zip(widths).enumerate() {
            let numeric = col >= table.numeric_from;
            let _ = write!(
                self.out,
                r#"<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>"#
            );
            if kind == RowKind::Header {
                self.out
                    .push_str(r#"<w:shd w:val="clear" w:color="auto" w:fill="DDE7F3"/>"#);
            }
            self.out.push_str(r#"<w:vAlign w:val="center"/></w:tcPr>"#);
            let align = if kind == RowKind::Header || Some(col) == table.centred {
                "center"
            } else if numeric {
                "right"
            } else {
                "left"
            };
            let _ = write!(
                self.out,
                r#"<w:p><w:pPr><w:pStyle w:val="TableText"/><w:jc w:val="{align}"/></w:pPr>"#
            );
            if !text.is_empty() {
                let look = Look {
                    heading_font: kind == RowKind::Header,
                    bold: kind != RowKind::Record,
                    ..Look::default()
                };
                self.run(text, look);
            }
            self.out.push_str("</w:p></w:tc>");
        }
        self.out.push_str("</w:tr>");
    }

    /// A picture the text's width, as tall as its shape makes it, centred in its own paragraph
    /// that stays with its caption.
    fn picture(&mut self, id: &str, number: usize, picture: &Picture, title: &str) {
        let cx = TEXT_WIDTH * EMU_PER_DXA;
        let cy = picture.height_at(cx);
        let name = escape(title);
        let _ = write!(
            self.out,
            concat!(
                r#"<w:p><w:pPr><w:keepNext/><w:spacing w:before="240" w:after="0" w:line="240" w:lineRule="auto"/><w:jc w:val="center"/></w:pPr>"#,
                "<w:r><w:drawing>",
                r#"<wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="{cx}" cy="{cy}"/>"#,
                r#"<wp:effectExtent l="0" t="0" r="0" b="0"/>"#,
                r#"<wp:docPr id="{number}" name="Figure {number}" descr="{name}"/>"#,
                r#"<wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/></wp:cNvGraphicFramePr>"#,
                r#"<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">"#,
                r#"<pic:pic><pic:nvPicPr><pic:cNvPr id="{number}" name="figure{number}.png"/><pic:cNvPicPr/></pic:nvPicPr>"#,
                r#"<pic:blipFill><a:blip r:embed="{id}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>"#,
                r#"<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm>"#,
                r#"<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic>"#,
                "</a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>"
            ),
            cx = cx,
            cy = cy,
            number = number,
            name = name,
            id = id,
        );
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum RowKind {
    Header,
    Record,
    Totals,
}
