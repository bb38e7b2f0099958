//! The Word and PowerPoint files as packages: every XML part well formed, the content types
//! naming exactly the parts there are, every relationship's target present and every id a part
//! uses defined in its relationships; and what the files say: the report's sentence, table 3's
//! rows and totals, one slide per page with its title as text, the notes.

#![cfg(not(target_arch = "wasm32"))]

use std::collections::{BTreeMap, BTreeSet};
use std::io::{Cursor, Read};

use pilot_board::domain::builtin::report_2021;
use pilot_board::domain::caption::Caption;
use pilot_board::domain::figures::format_rate;
use pilot_board::domain::index::{DatasetIndex, Selected};
use pilot_board::domain::summary::summarize;
use pilot_board::domain::{Dataset, Filter, Lang, Record};
use pilot_board::office::docx::{Figure, Report, report_document, table_rows};
use pilot_board::office::package::Picture;
use pilot_board::office::pptx::{Opening, SlidePage, SlideShape, deck_presentation};

/// The smallest PNG there is (1×1, white), shaped as a chart picture would be.
fn picture(width: u32, height: u32) -> Picture {
    const PNG: [u8; 69] = [
        0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44,
        0x52, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x02, 0x00, 0x00, 0x00, 0x90,
        0x77, 0x53, 0xDE, 0x00, 0x00, 0x00, 0x0C, 0x49, 0x44, 0x41, 0x54, 0x08, 0xD7, 0x63, 0xF8,
        0xFF, 0xFF, 0x3F, 0x00, 0x05, 0xFE, 0x02, 0xFE, 0xDC, 0xCC, 0x59, 0xE7, 0x00, 0x00, 0x00,
        0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82,
    ];
    Picture {
        png: PNG.to_vec(),
        width,
        height,
    }
}

/// The parts of a package, by name.
fn parts(bytes: &[u8]) -> BTreeMap<String, Vec<u8>> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).expect("a zip");
    (0..archive.len())
        .map(|i| {
            let mut file = archive.by_index(i).unwrap();
            let mut data = Vec::new();
            file.read_to_end(&mut data).unwrap();
            (file.name().unwrap().to_string(), data)
        })
        .collect()
}

fn text(part: &[u8]) -> &str {
    std::str::from_utf8(part).expect("UTF-8")
}

/// The folder a part's relative targets start from, and the part a target names.
fn resolve(source: &str, target: &str) -> String {
    let mut path: Vec<&str> = match source.rsplit_once('/') {
        Some((folder, _)) => folder.split('/').collect(),
        None => Vec::new(),
    };
    for piece in target.split('/') {
        match piece {
            ".." => {
                path.pop();
            }
            "." | "" => {}
            piece => path.push(piece),
        }
    }
    path.join("/")
}

/// Checks what Word and PowerPoint check before they open a package.
fn check_package(bytes: &[u8]) -> BTreeMap<String, Vec<u8>> {
    let parts = parts(bytes);
    for (name, data) in &parts {
        if name.ends_with(".xml") || name.ends_with(".rels") {
            roxmltree::Document::parse(text(data))
                .unwrap_or_else(|e| panic!("{name} is not well formed: {e}"));
        }
    }
    // Content types: an override for every XML part but the package's own, none for a part
    // that is not there, a default for every other extension.
    let types = text(&parts["[Content_Types].xml"]);
    let types = roxmltree::Document::parse(types).unwrap();
    let overrides: BTreeSet<String> = types
        .descendants()
        .filter(|n| n.has_tag_name("Override"))
        .map(|n| {
            n.attribute("PartName")
                .unwrap()
                .trim_start_matches('/')
                .to_string()
        })
        .collect();
    let defaults: BTreeSet<&str> = types
        .descendants()
        .filter(|n| n.has_tag_name("Default"))
        .map(|n| n.attribute("Extension").unwrap())
        .collect();
    let xml_parts: BTreeSet<String> = parts
        .keys()
        .filter(|n| n.ends_with(".xml") && *n != "[Content_Types].xml")
        .cloned()
        .collect();
    assert_eq!(
        overrides, xml_parts,
        "overrides match the XML parts exactly"
    );
    for name in parts.keys() {
        let extension = name.rsplit('.').next().unwrap();
        assert!(
            overrides.contains(name)
                || defaults.contains(extension)
                || name == "[Content_Types].xml",
            "{name} has a content type"
        );
    }
    // Relationships: every target there, every id used defined.
    for (name, data) in parts.iter().filter(|(n, _)| n.ends_with(".rels")) {
        let source = name
            .replace("_rels/", "")
            .trim_end_matches(".rels")
            .to_string();
        let rels = roxmltree::Document::parse(text(data)).unwrap();
        let mut ids = BTreeSet::new();
        for rel in rels
            .descendants()
            .filter(|n| n.has_tag_name("Relationship"))
        {
            let target = resolve(&source, rel.attribute("Target").unwrap());
            assert!(parts.contains_key(&target), "{name}: {target} is there");
            assert!(
                ids.insert(rel.attribute("Id").unwrap().to_string()),
                "{name}: ids unique"
            );
        }
        if let Some(part) = parts.get(&source) {
            let part = roxmltree::Document::parse(text(part)).unwrap();
            let r = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
            for node in part.descendants() {
                for attribute in node.attributes().filter(|a| a.namespace() == Some(r)) {
                    assert!(
                        ids.contains(attribute.value()),
                        "{source}: {} defined",
                        attribute.value()
                    );
                }
            }
        }
    }
    parts
}

/// The text of a WordprocessingML or DrawingML part: its `t` elements, paragraphs on lines.
fn words(part: &[u8]) -> String {
    let doc = roxmltree::Document::parse(text(part)).unwrap();
    let mut out = String::new();
    for node in doc.descendants() {
        if node.has_tag_name("p") && !out.is_empty() {
            out.push('\n');
        }
        if node.has_tag_name("t") {
            out.push_str(node.text().unwrap_or(""));
        }
    }
    out
}

fn summary_of(dataset: &Dataset, lang: Lang) -> String {
    let index = DatasetIndex::new(dataset);
    let selected = Selected::new(dataset, &index, index.matching(&Filter::default()));
    summarize(selected.selection(dataset, &index), lang).text
}

fn document(dataset: &Dataset, lang: Lang) -> Vec<u8> {
    let index = DatasetIndex::new(dataset);
    let caption = Caption::new(dataset, &index, &Filter::default(), lang);
    let summary = summary_of(dataset, lang);
    let figures = vec![
        Figure {
            title: "各证书通过率".into(),
            picture: picture(1980, 2500),
        },
        Figure {
            title: "报考人数与获证人数".into(),
            picture: picture(1980, 900),
        },
    ];
    report_document(&Report {
        lang,
        caption: &caption,
        made_on: "2026-12-02",
        summary: &summary,
        records: dataset.records.iter().collect(),
        figures: &figures,
    })
    .expect("the document is written")
}

#[test]
fn the_word_file_holds_the_sentence_table_3_and_the_figures() {
    let dataset = report_2021();
    let parts = check_package(&document(&dataset, Lang::Zh));
    let body = words(&parts["word/document.xml"]);
    for needle in [
        "截至2021年12月31日",
        "3482",
        "2297",
        "65.97%",
        "72.16%",
        "表1",
        "图1",
        "图2",
    ] {
        assert!(body.contains(needle), "{needle} in\n{body}");
    }
    assert!(body.contains(&dataset.title));
    // Every record's row, in order, and the totals.
    let rows = table_rows(&dataset.records.iter().collect::<Vec<_>>(), Lang::Zh);
    assert_eq!(rows.len(), 38 + 1);
    assert_eq!(rows[38][0], "总计");
    assert_eq!(&rows[38][3..], ["3482", "2297", "65.97%"]);
    let mut rest = body.as_str();
    for (record, row) in dataset.records.iter().zip(&rows) {
        let line = row
            .iter()
            .filter(|c| !c.is_empty())
            .cloned()
            .collect::<Vec<_>>()
            .join("\n");
        let at = rest
            .find(&line)
            .unwrap_or_else(|| panic!("the row of {}:\n{line}", record.certificate));
        rest = &rest[at + line.len()..];
        if record.pass_rate().is_some() {
            assert_eq!(row[5], format_rate(record.pass_rate()));
        }
    }
    // The screen's words, not a `--` of two meanings: a pending result, and a rate without
    // anybody registered.
    let pending = rows.iter().find(|r| r[1].contains("智能网联汽车")).unwrap();
    assert_eq!(&pending[3..], ["99", "未出成绩", "未出成绩"]);
    let nobody = rows
        .iter()
        .find(|r| r[1] == "智能制造单元集成应用")
        .unwrap();
    assert_eq!(&nobody[3..], ["0", "0", "无人报考"]);
    assert!(rows.iter().all(|r| !r.contains(&"--".to_string())));
    // English heads the first column as the batch it is.
    assert_eq!(
        pilot_board::office::docx::table_headings(Lang::En)[0],
        "Batch"
    );
    // Under the table, both overall rates, each with its definition.
    let note = "注：总计行的通过率为全部报考口径 65.97%（获证 2297 人 ÷ 报考 3482 人，未出成绩计为未获证）；按已公布成绩口径为 72.16%（获证 2297 人 ÷ 已公布成绩的报考 3183 人），与图表所示一致。";
    assert!(body.contains(note), "{body}");

    let xml = text(&parts["word/document.xml"]);
    assert_eq!(
        xml.matches("<w:tblHeader/>").count(),
        1,
        "the header row repeats"
    );
    assert_eq!(xml.matches("<w:gridCol ").count(), 6, "widths in the grid");
    assert_eq!(xml.matches(r#" SEQ 图 \* ARABIC "#).count(), 2);
    // Every run of text says which East Asian font it is in (the others hold the pictures).
    let runs = xml.matches("<w:r>").count();
    assert_eq!(runs - 2, xml.matches("<w:r><w:rPr><w:rFonts ").count());
    assert_eq!(
        runs - 2,
        xml.matches(r#"w:eastAsia="宋体""#).count() + xml.matches(r#"w:eastAsia="黑体""#).count()
    );
    assert_eq!(
        parts
            .keys()
            .filter(|n| n.starts_with("word/media/"))
            .count(),
        2
    );
}

#[test]
fn a_tall_picture_keeps_its_shape_and_the_page_width() {
    let dataset = report_2021();
    let parts = check_package(&document(&dataset, Lang::Zh));
    let xml = roxmltree::Document::parse(text(&parts["word/document.xml"])).unwrap();
    let extents: Vec<(i64, i64)> = xml
        .descendants()
        .filter(|n| n.has_tag_name("extent"))
        .map(|n| {
            let get = |a| n.attribute(a).unwrap().parse::<i64>().unwrap();
            (get("cx"), get("cy"))
        })
        .collect();
    assert_eq!(extents.len(), 2);
    let (cx, cy) = extents[0];
    assert!(
        (cy * 1980 - cx * 2500).abs() < 2500,
        "the shape of 1980 × 2500"
    );
    // The text width of A4 less its margins.
    assert!((5_900_000..6_100_000).contains(&cx), "{cx}");
}

#[test]
fn the_english_word_file_speaks_english() {
    let dataset = report_2021();
    let parts = check_package(&document(&dataset, Lang::En));
    let body = words(&parts["word/document.xml"]);
    for needle in [
        "As of 31 Dec 2021",
        "3,482",
        "2,297",
        "65.97%",
        "72.16%",
        "Table 1",
        "Pass rate",
        "Total",
    ] {
        assert!(body.contains(needle), "{needle} in\n{body}");
    }
}

/// A record whose certificate's name holds what XML cannot, and markup.
fn hostile() -> Dataset {
    let mut dataset = report_2021();
    dataset.title = "<b>标题</b> & \u{1}“引号”".into();
    let record: &mut Record = &mut dataset.records[0];
    record.certificate = "证书</w:t><w:t>\u{0}\u{FFFF}]]>".into();
    dataset
}

#[test]
fn text_from_the_data_stays_text() {
    let dataset = hostile();
    let parts = check_package(&document(&dataset, Lang::Zh));
    let body = words(&parts["word/document.xml"]);
    assert!(body.contains("<b>标题</b> & “引号”"));
    assert!(body.contains("证书</w:t><w:t>]]>"));
    let deck = deck(&dataset, SlideShape::Wide, 3);
    let parts = check_package(&deck);
    assert!(words(&parts["ppt/slides/slide1.xml"]).contains("<b>标题</b> & “引号”"));
}

fn deck(dataset: &Dataset, shape: SlideShape, count: usize) -> Vec<u8> {
    let summary = summary_of(dataset, Lang::Zh);
    let slides: Vec<SlidePage> = (0..count)
        .map(|n| SlidePage {
            dataset: dataset.title.clone(),
            title: format!("各证书通过率（{}/{count}）", n + 1),
            picture: picture(2406, 960),
            description: "各证书通过率".into(),
            caption: "全部记录 · 数据截至 2021年12月31日".into(),
            notes: summary.clone(),
        })
        .collect();
    let index = pilot_board::domain::index::DatasetIndex::new(dataset);
    let all: Vec<u32> = (0..dataset.records.len() as u32).collect();
    let opening = Opening {
        title: dataset.title.clone(),
        details: vec!["全部记录".into(), "数据截至 2021年12月31日".into()],
        figures: pilot_board::domain::figures::key_figures(&index.totals(dataset, &all), Lang::Zh),
        notes: summary.clone(),
    };
    deck_presentation(
        &opening,
        &slides,
        shape,
        &dataset.title,
        "2026-12-02",
        Lang::Zh,
    )
    .expect("the deck is written")
}

#[test]
fn the_deck_has_a_slide_per_page_with_its_title_and_notes() {
    let dataset = report_2021();
    let parts = check_package(&deck(&dataset, SlideShape::Wide, 5));
    let slides: Vec<&String> = parts
        .keys()
        .filter(|n| n.starts_with("ppt/slides/slide"))
        .collect();
    assert_eq!(slides.len(), 6, "the opening and the five pages");
    let presentation = text(&parts["ppt/presentation.xml"]);
    assert_eq!(presentation.matches("<p:sldId ").count(), 6);
    assert!(presentation.contains(r#"<p:sldSz cx="12192000" cy="6858000"/>"#));
    // The opening: the dataset, the filters and date, the key figures; the summary in notes.
    let opening = words(&parts["ppt/slides/slide1.xml"]);
    for needle in [
        dataset.title.as_str(),
        "全部记录",
        "数据截至 2021年12月31日",
        "报考人数",
        "3482",
        "2297",
        "38（36 个试点）",
        "通过率（已公布成绩）",
        "72.16%",
        "65.97%",
    ] {
        assert!(opening.contains(needle), "{needle} in {opening}");
    }
    assert!(text(&parts["ppt/slides/slide1.xml"]).contains(r#"<p:ph type="title"/>"#));
    assert!(
        !parts.contains_key("ppt/slides/_rels/slide1.xml.rels")
            || !text(&parts["ppt/slides/_rels/slide1.xml.rels"]).contains("image")
    );
    let notes = words(&parts["ppt/notesSlides/notesSlide1.xml"]);
    assert!(notes.contains("截至2021年12月31日"), "{notes}");
    for n in 1..=5 {
        let slide = &parts[&format!("ppt/slides/slide{}.xml", n + 1)];
        let said = words(slide);
        assert!(said.contains(&format!("各证书通过率（{n}/5）")), "{said}");
        // The title is the slide's title placeholder, so outline and search find it.
        assert!(text(slide).contains(r#"<p:ph type="title"/>"#));
        let notes = words(&parts[&format!("ppt/notesSlides/notesSlide{}.xml", n + 1)]);
        assert!(notes.contains("截至2021年12月31日"), "{notes}");
    }
    // The rules PowerPoint enforces beyond the schema.
    let layout_rels = text(&parts["ppt/slideLayouts/_rels/slideLayout1.xml.rels"]);
    assert!(layout_rels.contains("../slideMasters/slideMaster1.xml"));
    let theme = roxmltree::Document::parse(text(&parts["ppt/theme/theme1.xml"])).unwrap();
    for list in [
        "fillStyleLst",
        "lnStyleLst",
        "effectStyleLst",
        "bgFillStyleLst",
    ] {
        let node = theme.descendants().find(|n| n.has_tag_name(list)).unwrap();
        assert_eq!(
            node.children().filter(|c| c.is_element()).count(),
            3,
            "{list}"
        );
    }
    for (name, data) in &parts {
        if name.ends_with(".xml") {
            let doc = roxmltree::Document::parse(text(data)).unwrap();
            for node in doc.descendants() {
                for attribute in node.attributes() {
                    let value = attribute.value();
                    if value.starts_with(|c: char| c.is_ascii_digit())
                        && value.chars().all(|c| c.is_ascii_digit() || c == '.')
                    {
                        assert!(
                            value.parse::<i64>().is_ok(),
                            "{name}: {}={} is a whole number",
                            attribute.name(),
                            attribute.value()
                        );
                    }
                }
            }
        }
    }
}

#[test]
fn a_four_by_three_deck_is_four_by_three() {
    let dataset = report_2021();
    let parts = check_package(&deck(&dataset, SlideShape::Standard, 1));
    let presentation = text(&parts["ppt/presentation.xml"]);
    assert!(presentation.contains(r#"<p:sldSz cx="9144000" cy="6858000" type="screen4x3"/>"#));
    // The picture sits inside the slide.
    let slide = roxmltree::Document::parse(text(&parts["ppt/slides/slide1.xml"])).unwrap();
    for ext in slide
        .descendants()
        .filter(|n| n.has_tag_name("ext") && n.attribute("cx").is_some())
    {
        let cx: i64 = ext.attribute("cx").unwrap().parse().unwrap();
        assert!(cx <= 9_144_000, "{cx}");
    }
}

#[test]
fn a_chart_becomes_as_many_figures_as_pages_it_needs() {
    use pilot_board::charts::ChartSpec;
    use pilot_board::domain::chart_data::{Window, registered_certified};
    use pilot_board::domain::view::RateDefinition;
    use pilot_board::office::docx::figure_pieces;

    let counts = |dataset: &Dataset| {
        let index = DatasetIndex::new(dataset);
        let all = Selected::new(dataset, &index, index.matching(&Filter::default()));
        ChartSpec::Counts(registered_certified(
            all.selection(dataset, &index),
            RateDefinition::Published,
            Window {
                first: 0,
                size: 100,
            },
            Lang::Zh,
        ))
    };
    // The report's 38 rows fit one page at compact rows: one figure, no page number.
    let pieces = figure_pieces(
        "报考人数与获证人数".into(),
        &counts(&report_2021()),
        Lang::Zh,
    );
    assert_eq!(pieces.len(), 1);
    assert_eq!(pieces[0].title, "报考人数与获证人数");
    // 100 rows take pieces, numbered, none taller than the page allows, all the bars kept.
    let big = pilot_board::synthetic::synthetic_dataset(100, 1);
    let pieces = figure_pieces("报考人数与获证人数".into(), &counts(&big), Lang::Zh);
    assert!(pieces.len() > 1);
    assert_eq!(
        pieces[0].title,
        format!("报考人数与获证人数（1/{}）", pieces.len())
    );
    assert_eq!(pieces.iter().map(|p| p.spec.rows()).sum::<usize>(), 100);
    let tallest = pieces
        .iter()
        .map(|p| p.layout.1 / p.layout.0)
        .fold(0.0, f64::max);
    use pilot_board::office::docx::{PICTURE_MAX_HEIGHT, TEXT_WIDTH};
    assert!(
        tallest <= PICTURE_MAX_HEIGHT as f64 / TEXT_WIDTH as f64,
        "{tallest}"
    );
}

#[test]
fn the_comparisons_word_file_holds_its_sentence_its_tables_and_its_figures() {
    use pilot_board::office::docx::{ComparisonReport, DocTable, comparison_document};
    let caption = Caption {
        dataset: "2021年报告 → 2022年报告".into(),
        filters: "全部记录".into(),
        as_of: "数据截至 2021年12月31日 与 2022年12月31日".into(),
    };
    let table = |title: &str, rows: Vec<Vec<&str>>| DocTable {
        title: title.into(),
        headings: vec![
            "".into(),
            "A · 2021年".into(),
            "B · 2022年".into(),
            "变化".into(),
        ],
        rows: rows
            .into_iter()
            .map(|r| r.into_iter().map(String::from).collect())
            .collect(),
        shares: vec![400, 200, 200, 200],
        numeric_from: 1,
        centred: None,
        totals: false,
        note: None,
    };
    let tables = [
        table(
            "两年关键数据",
            vec![vec!["报考人数", "3482", "2965", "−517（−14.8%）"]],
        ),
        table(
            "各证书等级两年对比",
            vec![vec!["建筑信息模型（BIM） · 中级", "166", "133", "−5.20"]],
        ),
    ];
    let figures = [Figure {
        title: "各证书等级通过率".into(),
        picture: picture(1980, 1200),
    }];
    let sentence = "与2021年相比，报考人数减少517人（−14.8%）。";
    let bytes = comparison_document(&ComparisonReport {
        lang: Lang::Zh,
        caption: &caption,
        made_on: "2026-12-03",
        sentence,
        tables: &tables,
        figures: &figures,
    })
    .expect("the document is written");
    let parts = check_package(&bytes);
    let body = words(&parts["word/document.xml"]);
    for needle in [
        "2021年报告 → 2022年报告",
        "两年比较",
        sentence,
        "表1",
        "两年关键数据",
        "表2",
        "各证书等级两年对比",
        "−517（−14.8%）",
        "建筑信息模型（BIM） · 中级",
        "图1",
        "各证书等级通过率",
    ] {
        assert!(body.contains(needle), "{needle} in\n{body}");
    }
    assert!(!body.contains("考核工作"), "the comparison's own heading");
    assert!(parts.contains_key("word/media/figure1.png"));
}
