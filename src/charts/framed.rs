//! A chart as it leaves the dashboard (an exported PNG or SVG): the chart's title and a
//! caption saying which dataset, which records and as of when, above the chart itself, on a
//! page the size of a slide.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::Chart;
use super::layout::{BOTTOM, BarLayout, MAX_ROW_HEIGHT, TOP, chart_height, fit_text, rows_fitting};
use super::style::ChartStyle;
use crate::domain::caption::Caption;

/// Device pixels per layout pixel in exported pictures: the PNG is drawn at this scale, and
/// the SVG is sized to match it.
pub const EXPORT_SCALE: f64 = 2.0;

/// The band above the chart, in layout pixels.
pub const CAPTION_HEIGHT: f64 = 84.0;
const MARGIN: f64 = 16.0;
const TITLE_FONT: f64 = 18.0;
const LINE_FONT: f64 = 12.5;

/// A picture is never enlarged past this factor, nor so far that its layout gets narrower than
/// [`MIN_FILL_WIDTH`] (the chart would squeeze its labels).
const MAX_FILL: f64 = 1.8;
const MIN_FILL_WIDTH: f64 = 640.0;

/// How much larger than [`EXPORT_SCALE`] a picture of few rows is drawn so that it fills its
/// slide instead of leaving it half empty (type and bars grow together); 1 where the rows fill
/// it already.
pub fn fill_factor(spec: &impl Chart, slide: (u32, u32)) -> f64 {
    let width = slide.0 as f64 / EXPORT_SCALE;
    let height = slide.1 as f64 / EXPORT_SCALE;
    let needed = CAPTION_HEIGHT + TOP + spec.rows().max(1) as f64 * MAX_ROW_HEIGHT + BOTTOM;
    (height / needed)
        .min(width / MIN_FILL_WIDTH)
        .clamp(1.0, MAX_FILL)
}

/// How many rows a picture at `slide` holds without growing taller than the slide: a longer
/// chart is exported as that many rows a page.
pub fn rows_per_page(slide: (u32, u32)) -> usize {
    rows_fitting(slide.1 as f64 / EXPORT_SCALE - CAPTION_HEIGHT)
}

/// The picture's size in layout pixels for a slide of `slide` device pixels drawn at `scale`
/// device pixels per layout pixel: the slide's shape, or taller where the chart's rows need it.
pub fn framed_size(spec: &impl Chart, slide: (u32, u32), scale: f64) -> (f64, f64) {
    let width = (slide.0 as f64 / scale).floor();
    let height = (slide.1 as f64 / scale).floor();
    (
        width,
        height.max(CAPTION_HEIGHT + chart_height(spec.rows())),
    )
}

/// Draws `title`, the caption and the chart over the whole area.
pub fn draw_framed<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    spec: &impl Chart,
    title: &str,
    caption: &Caption,
    style: &ChartStyle,
) -> Result<BarLayout, DrawingAreaErrorKind<DB::ErrorType>> {
    let pen = style.pen();
    let colours = style.palette;
    area.fill(&colours.paper)?;
    let (width_px, _) = area.dim_in_pixel();
    let room = width_px as f64 / pen.scale - 2.0 * MARGIN;
    let mut y = MARGIN;
    let lines = [
        (title.to_string(), TITLE_FONT, colours.ink),
        (caption.dataset.clone(), LINE_FONT, colours.ink_soft),
        (caption.details(), LINE_FONT, colours.ink_soft),
    ];
    for (text, size, colour) in lines {
        area.draw(&Text::new(
            fit_text(&text, room, size),
            pen.point(MARGIN, y),
            pen.text(size)
                .color(&colour)
                .pos(Pos::new(HPos::Left, VPos::Top)),
        ))?;
        y += size * 1.6;
    }
    let (_, chart) = area.split_vertically(pen.px(CAPTION_HEIGHT));
    spec.draw(&chart, style)
}

/// The framed chart as an SVG document, `slide` sized at [`EXPORT_SCALE`] device pixels per
/// layout pixel (so it matches the PNG), text kept as text in the CJK font stack. An error is
/// what plotters refused to draw (the document would be incomplete).
pub fn framed_svg(
    spec: &impl Chart,
    title: &str,
    caption: &Caption,
    slide: (u32, u32),
) -> Result<String, String> {
    let fill = fill_factor(spec, slide);
    let (width, height) = framed_size(spec, slide, EXPORT_SCALE * fill);
    let mut svg = String::new();
    {
        let size = ((width * fill) as u32, (height * fill) as u32);
        let backend = SVGBackend::with_string(&mut svg, size);
        let area = backend.into_drawing_area();
        let style = ChartStyle {
            scale: fill,
            ..ChartStyle::default()
        };
        draw_framed(&area, spec, title, caption, &style)
            .and_then(|_| area.present())
            .map_err(|error| format!("SVG drawing failed: {error:?}"))?;
    }
    Ok(svg)
}
