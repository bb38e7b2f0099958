//! The comparison's Word document and PowerPoint deck as the `library` chunk hands them over
//! (their pictures drawn there), written in the `office` chunk, so that neither chunk carries
//! the other's code.

use crate::domain::Lang;
use crate::domain::caption::Caption;
use crate::domain::table::file_name;
use crate::office::docx::{ComparisonReport, DocTable, Figure, comparison_document};
use crate::office::pptx::{Opening, SlidePage, SlideShape, deck_presentation};
use crate::web::download::download;

/// The comparison's Word document as the `library` chunk hands it over, its pictures drawn.
pub struct ComparisonDoc {
    pub lang: Lang,
    /// What the file is named after.
    pub file: String,
    pub caption: Caption,
    pub made_on: String,
    pub sentence: String,
    pub tables: Vec<DocTable>,
    pub figures: Vec<Figure>,
}

crate::on_demand! { office:
    /// Writes the comparison's Word document and hands it to the user.
    pub fn write_comparison_doc(doc: ComparisonDoc) -> Result<(), String> {
        hand_over_comparison_doc(doc)
    }
}

fn hand_over_comparison_doc(doc: ComparisonDoc) -> Result<(), String> {
    let bytes = comparison_document(&ComparisonReport {
        lang: doc.lang,
        caption: &doc.caption,
        made_on: &doc.made_on,
        sentence: &doc.sentence,
        tables: &doc.tables,
        figures: &doc.figures,
    })
    .map_err(|error| error.to_string())?;
    download(
        &file_name(&doc.file, &doc.made_on, "docx"),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        &bytes,
    );
    Ok(())
}

/// Where a deck's chart goes on a slide: how many rows a slide holds, the size the chart is
/// laid out at (layout pixels) and its type scale.
#[derive(Clone, Copy, Debug)]
pub struct DeckGeometry {
    pub rows: usize,
    pub layout: (f64, f64),
    pub type_scale: f64,
}

crate::on_demand! { office:
    /// The chart's place on a slide of `size` device pixels, as the dashboard's deck has it.
    pub fn deck_geometry(size: (u32, u32)) -> DeckGeometry {
        let shape = SlideShape::of(size);
        let chart = shape.chart_box();
        DeckGeometry {
            rows: shape.rows(),
            layout: (chart.width / chart.type_scale, chart.height / chart.type_scale),
            type_scale: chart.type_scale,
        }
    }
}

/// The comparison's PowerPoint deck as the `library` chunk hands it over, its slides drawn.
pub struct ComparisonDeck {
    pub lang: Lang,
    /// The slides' size in device pixels (its shape: 16:9 or 4:3).
    pub size: (u32, u32),
    pub title: String,
    pub made_on: String,
    pub opening: Opening,
    pub pages: Vec<SlidePage>,
}

crate::on_demand! { office:
    /// Writes the comparison's deck and hands it to the user.
    pub fn write_comparison_deck(deck: ComparisonDeck) -> Result<(), String> {
        hand_over_comparison_deck(deck)
    }
}

fn hand_over_comparison_deck(deck: ComparisonDeck) -> Result<(), String> {
    let shape = SlideShape::of(deck.size);
    let bytes = deck_presentation(
        &deck.opening,
        &deck.pages,
        shape,
        &deck.title,
        &deck.made_on,
        deck.lang,
    )
    .map_err(|error| error.to_string())?;
    download(
        &file_name(&deck.title, &deck.made_on, "pptx"),
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        &bytes,
    );
    Ok(())
}
