//! The presentation deck as a PowerPoint file: an opening slide (the dataset, its filters and
//! date, the key figures), then a slide per page of the deck presentation mode shows, each with the dataset's title above, the slide's title as text (editable, and found
//! by search and the outline), the chart as a picture at twice its size on the slide, the
//! caption line (filters and date) below it, and the slide's summary in the speaker notes.
//!
//! The package is the least PowerPoint opens without a repair prompt, written to the rules it
//! enforces: content-type overrides that match the parts exactly (the package writes them from
//! its parts), one master with one layout that relates back to it, a theme whose fill, line and
//! effect style lists have exactly three entries each, a notes master for the notes, ids in the
//! ranges the format gives them, and whole numbers wherever a size or a spacing is written.

use std::fmt::Write as _;

use super::package::{
    EMU_PER_INCH, NS_R, Package, PackageError, Picture, Rels, content, escape, rel,
};
use crate::charts::layout::{SLIDE_ROW_HEIGHT, STACK_BELOW, rows_fitting_in};
use crate::domain::Lang;

const NS_A: &str = "http://schemas.openxmlformats.org/drawingml/2006/main";
const NS_P: &str = "http://schemas.openxmlformats.org/presentationml/2006/main";
const FONT: &str = "Microsoft YaHei";

/// The slide's shape: 16:9 (the default, and today's projectors) or 4:3.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SlideShape {
    Wide,
    Standard,
}

/// A rectangle on the slide, in EMUs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Frame {
    pub x: i64,
    pub y: i64,
    pub cx: i64,
    pub cy: i64,
}

/// How a slide's chart is drawn: the size of its picture in CSS pixels (at 96 to the inch) and
/// how many times the dashboard's type it is drawn in.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ChartBox {
    pub width: f64,
    pub height: f64,
    pub type_scale: f64,
}

const MARGIN: i64 = EMU_PER_INCH * 4 / 10;
const CSS_PER_INCH: f64 = 96.0;
/// The room's type: twice the dashboard's, as presentation mode draws it at 1024×768.
const ROOM_TYPE_SCALE: f64 = 2.0;
/// A chart is drawn no narrower than this in layout pixels, so that its labels stay beside
/// its bars (a narrower chart stacks them and holds a third of the bars).
const LEAST_LAYOUT_WIDTH: f64 = STACK_BELOW + 40.0;

impl SlideShape {
    /// The shape of a picture size: 4:3 for 1024×768 and its like, else 16:9.
    pub fn of(size: (u32, u32)) -> SlideShape {
        if size.0 * 3 <= size.1 * 4 {
            SlideShape::Standard
        } else {
            SlideShape::Wide
        }
    }

    /// The slide's size in EMUs: 13.333 × 7.5 in, or 10 × 7.5 in.
    pub fn size(self) -> (i64, i64) {
        match self {
            SlideShape::Wide => (12_192_000, 6_858_000),
            SlideShape::Standard => (9_144_000, 6_858_000),
        }
    }

    fn band(self, y_tenths: i64, height_tenths: i64) -> Frame {
        Frame {
            x: MARGIN,
            y: EMU_PER_INCH * y_tenths / 100,
            cx: self.size().0 - 2 * MARGIN,
            cy: EMU_PER_INCH * height_tenths / 100,
        }
    }

    /// The dataset's line at the top.
    pub fn dataset_frame(self) -> Frame {
        self.band(25, 40)
    }

    /// The slide's title.
    pub fn title_frame(self) -> Frame {
        self.band(65, 75)
    }

    /// The chart's picture.
    pub fn picture_frame(self) -> Frame {
        self.band(150, 500)
    }

    /// The caption line at the bottom: filters and date.
    pub fn caption_frame(self) -> Frame {
        self.band(665, 50)
    }

    /// The chart's picture in CSS pixels and the type it is drawn in: the room's, or smaller
    /// where the slide is too narrow to keep the labels beside the bars.
    pub fn chart_box(self) -> ChartBox {
        let frame = self.picture_frame();
        let css = |emu: i64| (emu as f64 / EMU_PER_INCH as f64 * CSS_PER_INCH).floor();
        let (width, height) = (css(frame.cx), css(frame.cy));
        ChartBox {
            width,
            height,
            type_scale: ROOM_TYPE_SCALE.min(width / LEAST_LAYOUT_WIDTH).max(1.0),
        }
    }

    /// How many bars a slide's chart holds.
    pub fn rows(self) -> usize {
        let chart = self.chart_box();
        rows_fitting_in(
            chart.width / chart.type_scale,
            chart.height / chart.type_scale,
            SLIDE_ROW_HEIGHT,
        )
    }
}

/// One slide of the deck.
#[derive(Clone, Debug)]
pub struct SlidePage {
    /// The dataset's title, above the slide's.
    pub dataset: String,
    pub title: String,
    pub picture: Picture,
    /// What the picture shows, for screen readers (its alt text).
    pub description: String,
    /// The filters and the date.
    pub caption: String,
    /// The speaker notes: the summary of the slide's records.
    pub notes: String,
}

/// The deck's first slide: what it is about before any chart.
#[derive(Clone, Debug, Default)]
pub struct Opening {
    /// The dataset's title (or the two compared).
    pub title: String,
    /// The lines under it: the filters, the data's date, the day the file was made.
    pub details: Vec<String>,
    /// The key figures, a label and its value each.
    pub figures: Vec<(String, String)>,
    /// The speaker notes: the summary.
    pub notes: String,
}

/// The deck's file: the opening slide, then a slide per page.
pub fn deck_presentation(
    opening: &Opening,
    slides: &[SlidePage],
    shape: SlideShape,
    title: &str,
    made_on: &str,
    lang: Lang,
) -> Result<Vec<u8>, PackageError> {
    let mut package = Package::new(made_on);
    let lang_tag = lang.pick("zh-CN", "en-GB");
    let (width, height) = shape.size();

    let mut rels = Rels::default();
    rels.add(rel::SLIDE_MASTER, "slideMasters/slideMaster1.xml");
    rels.add(rel::NOTES_MASTER, "notesMasters/notesMaster1.xml");
    rels.add(rel::THEME, "theme/theme1.xml");
    rels.add(
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/presProps",
        "presProps.xml",
    );
    let mut slide_ids = String::new();
    for n in 1..=slides.len() + 1 {
        let id = rels.add(rel::SLIDE, &format!("slides/slide{n}.xml"));
        let _ = write!(slide_ids, r#"<p:sldId id="{}" r:id="{id}"/>"#, 255 + n);
    }
    let kind = match shape {
        SlideShape::Wide => "",
        SlideShape::Standard => r#" type="screen4x3""#,
    };
    let presentation = part(
        "presentation",
        r#" saveSubsetFonts="1""#,
        &format!(
            concat!(
                r#"<p:sldMasterIdLst><p:sldMasterId id="2147483648" r:id="rId1"/></p:sldMasterIdLst>"#,
                r#"<p:notesMasterIdLst><p:notesMasterId r:id="rId2"/></p:notesMasterIdLst>"#,
                "<p:sldIdLst>{slide_ids}</p:sldIdLst>",
                r#"<p:sldSz cx="{width}" cy="{height}"{kind}/><p:notesSz cx="6858000" cy="9144000"/>"#,
            ),
            slide_ids = slide_ids,
            width = width,
            height = height,
            kind = kind,
        ),
    );
    package.xml(
        "ppt/presentation.xml",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml",
        &presentation,
    )?;
    package.rels("ppt/presentation.xml", &rels)?;
    package.xml(
        "ppt/presProps.xml",
        "application/vnd.openxmlformats-officedocument.presentationml.presProps+xml",
        &part("presentationPr", "", ""),
    )?;

    package.xml("ppt/theme/theme1.xml", content::THEME, &theme())?;
    package.xml("ppt/theme/theme2.xml", content::THEME, &theme())?;
    package.xml(
        "ppt/slideMasters/slideMaster1.xml",
        "application/vnd.openxmlformats-officedocument.presentationml.slideMaster+xml",
        &master(shape, lang_tag),
    )?;
    let mut master_rels = Rels::default();
    master_rels.add(rel::SLIDE_LAYOUT, "../slideLayouts/slideLayout1.xml");
    master_rels.add(rel::THEME, "../theme/theme1.xml");
    package.rels("ppt/slideMasters/slideMaster1.xml", &master_rels)?;
    package.xml(
        "ppt/slideLayouts/slideLayout1.xml",
        "application/vnd.openxmlformats-officedocument.presentationml.slideLayout+xml",
        &layout(lang_tag),
    )?;
    let mut layout_rels = Rels::default();
    layout_rels.add(rel::SLIDE_MASTER, "../slideMasters/slideMaster1.xml");
    package.rels("ppt/slideLayouts/slideLayout1.xml", &layout_rels)?;
    package.xml(
        "ppt/notesMasters/notesMaster1.xml",
        "application/vnd.openxmlformats-officedocument.presentationml.notesMaster+xml",
        &notes_master(lang_tag),
    )?;
    let mut notes_master_rels = Rels::default();
    notes_master_rels.add(rel::THEME, "../theme/theme2.xml");
    package.rels("ppt/notesMasters/notesMaster1.xml", &notes_master_rels)?;

    // Slide 1, the opening; then the charts' pages.
    let mut slide_rels = Rels::default();
    slide_rels.add(rel::SLIDE_LAYOUT, "../slideLayouts/slideLayout1.xml");
    slide_rels.add(rel::NOTES_SLIDE, "../notesSlides/notesSlide1.xml");
    add_slide(
        &mut package,
        1,
        &opening_xml(opening, shape, lang_tag),
        &slide_rels,
        &opening.notes,
        lang_tag,
    )?;
    for (i, slide) in slides.iter().enumerate() {
        let n = i + 2;
        package.png(&format!("ppt/media/image{n}.png"), &slide.picture.png)?;
        let mut slide_rels = Rels::default();
        slide_rels.add(rel::SLIDE_LAYOUT, "../slideLayouts/slideLayout1.xml");
        let image = slide_rels.add(rel::IMAGE, &format!("../media/image{n}.png"));
        slide_rels.add(
            rel::NOTES_SLIDE,
            &format!("../notesSlides/notesSlide{n}.xml"),
        );
        add_slide(
            &mut package,
            n,
            &slide_xml(slide, shape, &image, lang_tag),
            &slide_rels,
            &slide.notes,
            lang_tag,
        )?;
    }

    package.relate(rel::OFFICE_DOCUMENT, "ppt/presentation.xml");
    package.properties(title, made_on, super::docx::APP)?;
    package.finish()
}

/// Slide `n` (its XML and relationships) and its notes page.
fn add_slide(
    package: &mut Package,
    n: usize,
    xml: &str,
    rels: &Rels,
    notes: &str,
    lang_tag: &str,
) -> Result<(), PackageError> {
    let name = format!("ppt/slides/slide{n}.xml");
    package.xml(
        &name,
        "application/vnd.openxmlformats-officedocument.presentationml.slide+xml",
        xml,
    )?;
    package.rels(&name, rels)?;
    let notes_name = format!("ppt/notesSlides/notesSlide{n}.xml");
    package.xml(
        &notes_name,
        "application/vnd.openxmlformats-officedocument.presentationml.notesSlide+xml",
        &notes_xml(notes, lang_tag),
    )?;
    let mut notes_rels = Rels::default();
    notes_rels.add(rel::NOTES_MASTER, "../notesMasters/notesMaster1.xml");
    notes_rels.add(rel::SLIDE, &format!("../slides/slide{n}.xml"));
    package.rels(&notes_name, &notes_rels)
}

/// The opening slide: the title in the middle of the slide's upper half, the details under it
/// in grey, then the key figures, each a line of label and value.
fn opening_xml(opening: &Opening, shape: SlideShape, lang_tag: &str) -> String {
    let soft = run_properties(lang_tag, 1600, false, "404040");
    let label = run_properties(lang_tag, 2000, false, "404040");
    let value = run_properties(lang_tag, 2400, true, "000000");
    let mut figures = String::new();
    for (name, figure) in &opening.figures {
        let _ = write!(
            figures,
            concat!(
                r#"<a:p><a:pPr><a:spcBef><a:spcPts val="600"/></a:spcBef></a:pPr>"#,
                "<a:r>{label}<a:t>{name}　</a:t></a:r><a:r>{value}<a:t>{figure}</a:t></a:r></a:p>"
            ),
            label = label,
            value = value,
            name = escape(name),
            figure = escape(figure),
        );
    }
    let details = opening
        .details
        .iter()
        .filter(|line| !line.is_empty())
        .map(|line| format!("<a:p><a:r>{soft}<a:t>{}</a:t></a:r></a:p>", escape(line)))
        .collect::<String>();
    let text_box = |id: u32, name: &str, frame: Frame, anchor: &str, paragraphs: &str| {
        format!(
            concat!(
                r#"<p:sp><p:nvSpPr><p:cNvPr id="{id}" name="{name}"/><p:cNvSpPr txBox="1"/><p:nvPr/></p:nvSpPr>"#,
                r#"<p:spPr>{xfrm}<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/></p:spPr>"#,
                r#"<p:txBody><a:bodyPr wrap="square" lIns="0" tIns="0" rIns="0" bIns="0" anchor="{anchor}"><a:normAutofit/></a:bodyPr>"#,
                "<a:lstStyle/>{paragraphs}</p:txBody></p:sp>"
            ),
            id = id,
            name = name,
            xfrm = xfrm(frame),
            anchor = anchor,
            paragraphs = if paragraphs.is_empty() {
                "<a:p/>"
            } else {
                paragraphs
            },
        )
    };
    part(
        "sld",
        "",
        &format!(
            "<p:cSld><p:spTree>{GROUP}{title}{details}{figures}</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr>",
            title = text_shape(
                2,
                "Title",
                shape.band(120, 130),
                &opening.title,
                true,
                "b",
                &run_properties(lang_tag, 3600, true, "000000"),
            ),
            details = text_box(3, "Details", shape.band(265, 100), "t", &details),
            figures = text_box(4, "Key figures", shape.band(390, 320), "t", &figures),
        ),
    )
}

/// A PresentationML part: the XML declaration, then `root` (with `attributes`) declaring the
/// namespaces every part uses, around `body`.
fn part(root: &str, attributes: &str, body: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><p:{root} xmlns:a="{NS_A}" xmlns:r="{NS_R}" xmlns:p="{NS_P}"{attributes}>{body}</p:{root}>"#
    )
}

/// The root of every slide's, layout's and master's shape tree.
const GROUP: &str = concat!(
    r#"<p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr>"#,
    r#"<p:grpSpPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/><a:chOff x="0" y="0"/><a:chExt cx="0" cy="0"/></a:xfrm></p:grpSpPr>"#
);

const COLOUR_MAP: &str = r#"<p:clrMap bg1="lt1" tx1="dk1" bg2="lt2" tx2="dk2" accent1="accent1" accent2="accent2" accent3="accent3" accent4="accent4" accent5="accent5" accent6="accent6" hlink="hlink" folHlink="folHlink"/>"#;

const WHITE_GROUND: &str = r#"<p:bg><p:bgPr><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill><a:effectLst/></p:bgPr></p:bg>"#;

fn xfrm(frame: Frame) -> String {
    format!(
        r#"<a:xfrm><a:off x="{}" y="{}"/><a:ext cx="{}" cy="{}"/></a:xfrm>"#,
        frame.x, frame.y, frame.cx, frame.cy
    )
}

/// A run's properties: size in hundredths of a point, colour, the CJK font for every script.
fn run_properties(lang_tag: &str, size: u32, bold: bool, colour: &str) -> String {
    format!(
        concat!(
            r#"<a:rPr lang="{lang}" altLang="en-US" sz="{size}" b="{bold}" dirty="0">"#,
            r#"<a:solidFill><a:srgbClr val="{colour}"/></a:solidFill>"#,
            r#"<a:latin typeface="{font}"/><a:ea typeface="{font}"/><a:cs typeface="{font}"/></a:rPr>"#
        ),
        lang = lang_tag,
        size = size,
        bold = u8::from(bold),
        colour = colour,
        font = FONT,
    )
}

/// A shape of text: a text box, or the title placeholder (`title`).
fn text_shape(
    id: u32,
    name: &str,
    frame: Frame,
    text: &str,
    title: bool,
    anchor: &str,
    properties: &str,
) -> String {
    let (kind, placeholder) = if title {
        (
            r#"<p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr>"#,
            r#"<p:nvPr><p:ph type="title"/></p:nvPr>"#,
        )
    } else {
        (r#"<p:cNvSpPr txBox="1"/>"#, "<p:nvPr/>")
    };
    format!(
        concat!(
            r#"<p:sp><p:nvSpPr><p:cNvPr id="{id}" name="{name}"/>{kind}{placeholder}</p:nvSpPr>"#,
            r#"<p:spPr>{xfrm}<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/></p:spPr>"#,
            r#"<p:txBody><a:bodyPr wrap="square" lIns="0" tIns="0" rIns="0" bIns="0" anchor="{anchor}"><a:normAutofit/></a:bodyPr>"#,
            "<a:lstStyle/><a:p><a:r>{properties}<a:t>{text}</a:t></a:r></a:p></p:txBody></p:sp>"
        ),
        id = id,
        name = name,
        kind = kind,
        placeholder = placeholder,
        xfrm = xfrm(frame),
        anchor = anchor,
        properties = properties,
        text = escape(text),
    )
}

fn slide_xml(slide: &SlidePage, shape: SlideShape, image: &str, lang_tag: &str) -> String {
    let box_frame = shape.picture_frame();
    // The picture keeps its shape, centred in its frame.
    let mut picture = box_frame;
    let height = slide.picture.height_at(box_frame.cx);
    if height <= box_frame.cy {
        picture.cy = height;
        picture.y += (box_frame.cy - height) / 2;
    } else {
        picture.cx =
            box_frame.cy * i64::from(slide.picture.width) / i64::from(slide.picture.height.max(1));
        picture.x += (box_frame.cx - picture.cx) / 2;
    }
    let soft = run_properties(lang_tag, 1400, false, "404040");
    part(
        "sld",
        r#""#,
        &format!(
            concat!(
                r#"<p:cSld><p:spTree>{group}"#,
                "{dataset}{title}",
                r#"<p:pic><p:nvPicPr><p:cNvPr id="4" name="Chart" descr="{description}"/>"#,
                r#"<p:cNvPicPr><a:picLocks noChangeAspect="1"/></p:cNvPicPr><p:nvPr/></p:nvPicPr>"#,
                r#"<p:blipFill><a:blip r:embed="{image}"/><a:stretch><a:fillRect/></a:stretch></p:blipFill>"#,
                r#"<p:spPr>{xfrm}<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr></p:pic>"#,
                "{caption}",
                "</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr>"
            ),
            group = GROUP,
            dataset = text_shape(
                2,
                "Dataset",
                shape.dataset_frame(),
                &slide.dataset,
                false,
                "b",
                &soft
            ),
            title = text_shape(
                3,
                "Title",
                shape.title_frame(),
                &slide.title,
                true,
                "ctr",
                &run_properties(lang_tag, 2800, true, "000000"),
            ),
            description = escape(&slide.description),
            image = image,
            xfrm = xfrm(picture),
            caption = text_shape(
                5,
                "Caption",
                shape.caption_frame(),
                &slide.caption,
                false,
                "t",
                &soft
            ),
        ),
    )
}

fn notes_xml(notes: &str, lang_tag: &str) -> String {
    let paragraphs: String = notes
        .lines()
        .filter(|line| !line.trim().is_empty())
        .map(|line| {
            format!(
                r#"<a:p><a:r><a:rPr lang="{lang_tag}" dirty="0"/><a:t>{}</a:t></a:r></a:p>"#,
                escape(line)
            )
        })
        .collect();
    let paragraphs = if paragraphs.is_empty() {
        "<a:p><a:endParaRPr/></a:p>".to_string()
    } else {
        paragraphs
    };
    part(
        "notes",
        r#""#,
        &format!(
            concat!(
                r#"<p:cSld><p:spTree>{group}"#,
                r#"<p:sp><p:nvSpPr><p:cNvPr id="2" name="Slide Image"/><p:cNvSpPr><a:spLocks noGrp="1" noRot="1" noChangeAspect="1"/></p:cNvSpPr>"#,
                r#"<p:nvPr><p:ph type="sldImg"/></p:nvPr></p:nvSpPr><p:spPr/></p:sp>"#,
                r#"<p:sp><p:nvSpPr><p:cNvPr id="3" name="Notes"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr>"#,
                r#"<p:nvPr><p:ph type="body" idx="1"/></p:nvPr></p:nvSpPr><p:spPr/>"#,
                "<p:txBody><a:bodyPr/><a:lstStyle/>{paragraphs}</p:txBody></p:sp>",
                "</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr>"
            ),
            group = GROUP,
            paragraphs = paragraphs,
        ),
    )
}

/// The master: a white ground, the title placeholder where the slides put their titles, and
/// the title's type.
fn master(shape: SlideShape, lang_tag: &str) -> String {
    let title = text_shape(
        2,
        "Title Placeholder",
        shape.title_frame(),
        "",
        true,
        "ctr",
        &run_properties(lang_tag, 2800, true, "000000"),
    );
    part(
        "sldMaster",
        r#""#,
        &format!(
            concat!(
                r#"<p:cSld>{ground}<p:spTree>{group}{title}</p:spTree></p:cSld>"#,
                "{colours}",
                r#"<p:sldLayoutIdLst><p:sldLayoutId id="2147483649" r:id="rId1"/></p:sldLayoutIdLst>"#,
                "<p:txStyles>",
                r#"<p:titleStyle><a:lvl1pPr algn="l"><a:spcBef><a:spcPts val="0"/></a:spcBef><a:defRPr sz="2800" b="1">"#,
                r#"<a:solidFill><a:srgbClr val="000000"/></a:solidFill><a:latin typeface="{font}"/><a:ea typeface="{font}"/><a:cs typeface="{font}"/></a:defRPr></a:lvl1pPr></p:titleStyle>"#,
                r#"<p:bodyStyle><a:lvl1pPr><a:spcBef><a:spcPts val="600"/></a:spcBef><a:defRPr sz="1800"><a:latin typeface="{font}"/><a:ea typeface="{font}"/></a:defRPr></a:lvl1pPr></p:bodyStyle>"#,
                r#"<p:otherStyle><a:lvl1pPr><a:defRPr sz="1800"><a:latin typeface="{font}"/><a:ea typeface="{font}"/></a:defRPr></a:lvl1pPr></p:otherStyle>"#,
                "</p:txStyles>"
            ),
            ground = WHITE_GROUND,
            group = GROUP,
            title = title,
            colours = COLOUR_MAP,
            font = FONT,
        ),
    )
}

/// The one layout: a title, the rest the slide's own.
fn layout(lang_tag: &str) -> String {
    part(
        "sldLayout",
        r#" type="titleOnly" preserve="1""#,
        &format!(
            concat!(
                r#"<p:cSld name="Title Only"><p:spTree>{group}"#,
                r#"<p:sp><p:nvSpPr><p:cNvPr id="2" name="Title"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr><p:ph type="title"/></p:nvPr></p:nvSpPr>"#,
                r#"<p:spPr/><p:txBody><a:bodyPr/><a:lstStyle/><a:p><a:endParaRPr lang="{lang}"/></a:p></p:txBody></p:sp>"#,
                "</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr>"
            ),
            group = GROUP,
            lang = lang_tag,
        ),
    )
}

/// The notes pages' master: the slide's image above, the notes below, on a portrait page.
fn notes_master(lang_tag: &str) -> String {
    part(
        "notesMaster",
        r#""#,
        &format!(
            concat!(
                r#"<p:cSld>{ground}<p:spTree>{group}"#,
                r#"<p:sp><p:nvSpPr><p:cNvPr id="2" name="Slide Image"/><p:cNvSpPr><a:spLocks noGrp="1" noRot="1" noChangeAspect="1"/></p:cNvSpPr>"#,
                r#"<p:nvPr><p:ph type="sldImg" idx="2"/></p:nvPr></p:nvSpPr>"#,
                r#"<p:spPr><a:xfrm><a:off x="685800" y="1143000"/><a:ext cx="5486400" cy="3086100"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/></p:spPr></p:sp>"#,
                r#"<p:sp><p:nvSpPr><p:cNvPr id="3" name="Notes"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr>"#,
                r#"<p:nvPr><p:ph type="body" sz="quarter" idx="3"/></p:nvPr></p:nvSpPr>"#,
                r#"<p:spPr><a:xfrm><a:off x="685800" y="4400550"/><a:ext cx="5486400" cy="3600450"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr>"#,
                r#"<p:txBody><a:bodyPr/><a:lstStyle/><a:p><a:endParaRPr lang="{lang}"/></a:p></p:txBody></p:sp>"#,
                "</p:spTree></p:cSld>{colours}",
                r#"<p:notesStyle><a:lvl1pPr marL="0" algn="l"><a:defRPr sz="1200"><a:solidFill><a:srgbClr val="000000"/></a:solidFill>"#,
                r#"<a:latin typeface="{font}"/><a:ea typeface="{font}"/><a:cs typeface="{font}"/></a:defRPr></a:lvl1pPr></p:notesStyle>"#,
            ),
            ground = WHITE_GROUND,
            group = GROUP,
            lang = lang_tag,
            colours = COLOUR_MAP,
            font = FONT,
        ),
    )
}

/// The theme: the charts' colours, the CJK font, and exactly three styles in each of the
/// fill, line, effect and background lists (PowerPoint refuses a theme with fewer).
fn theme() -> String {
    let colour =
        |name: &str, rgb: &str| format!(r#"<a:{name}><a:srgbClr val="{rgb}"/></a:{name}>"#);
    let colours: String = [
        ("dk1", "000000"),
        ("lt1", "FFFFFF"),
        ("dk2", "1C2430"),
        ("lt2", "E7E6E6"),
        ("accent1", "0072B2"),
        ("accent2", "E69F00"),
        ("accent3", "009E73"),
        ("accent4", "D55E00"),
        ("accent5", "56B4E9"),
        ("accent6", "CC79A7"),
        ("hlink", "0563C1"),
        ("folHlink", "954F72"),
    ]
    .iter()
    .map(|(name, rgb)| colour(name, rgb))
    .collect();
    let fonts =
        format!(r#"<a:latin typeface="{FONT}"/><a:ea typeface="{FONT}"/><a:cs typeface=""/>"#);
    let fill = r#"<a:solidFill><a:schemeClr val="phClr"/></a:solidFill>"#;
    let lines: String = [6350, 12700, 19050]
        .iter()
        .map(|w| format!(r#"<a:ln w="{w}" cap="flat" cmpd="sng" algn="ctr">{fill}<a:prstDash val="solid"/></a:ln>"#))
        .collect();
    format!(
        concat!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
            r#"<a:theme xmlns:a="{a}" name="Pilot Board"><a:themeElements>"#,
            r#"<a:clrScheme name="Pilot Board">{colours}</a:clrScheme>"#,
            r#"<a:fontScheme name="Pilot Board"><a:majorFont>{fonts}</a:majorFont><a:minorFont>{fonts}</a:minorFont></a:fontScheme>"#,
            r#"<a:fmtScheme name="Pilot Board"><a:fillStyleLst>{fill}{fill}{fill}</a:fillStyleLst>"#,
            "<a:lnStyleLst>{lines}</a:lnStyleLst>",
            "<a:effectStyleLst><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle></a:effectStyleLst>",
            "<a:bgFillStyleLst>{fill}{fill}{fill}</a:bgFillStyleLst></a:fmtScheme>",
            "</a:themeElements></a:theme>"
        ),
        a = NS_A,
        colours = colours,
        fonts = fonts,
        fill = fill,
        lines = lines,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_shapes_hold_several_bars_with_labels_beside_them() {
        for shape in [SlideShape::Wide, SlideShape::Standard] {
            let chart = shape.chart_box();
            assert!(chart.width / chart.type_scale >= STACK_BELOW, "{shape:?}");
            assert!(shape.rows() >= 6, "{shape:?}: {}", shape.rows());
        }
        assert_eq!(SlideShape::of((1024, 768)), SlideShape::Standard);
        assert_eq!(SlideShape::of((1920, 1080)), SlideShape::Wide);
    }

    #[test]
    fn the_bands_stay_on_the_slide_and_apart() {
        for shape in [SlideShape::Wide, SlideShape::Standard] {
            let frames = [
                shape.dataset_frame(),
                shape.title_frame(),
                shape.picture_frame(),
                shape.caption_frame(),
            ];
            for pair in frames.windows(2) {
                assert!(pair[0].y + pair[0].cy <= pair[1].y);
            }
            let last = frames[3];
            assert!(last.y + last.cy <= shape.size().1);
        }
    }
}
