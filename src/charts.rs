//! The charts. Each is one function generic over the plotters `DrawingBackend`, so the same
//! code draws on a `<canvas>` in the browser and to an SVG string in native tests (and, later,
//! for export). What to draw is prepared in `domain::chart_data`; where to draw it is worked out
//! in `layout`, which is plain arithmetic and tested on its own.

pub mod compare;
pub mod counts_bars;
pub mod framed;
pub mod layout;
pub mod rate_bars;
pub mod style;

pub use counts_bars::draw_counts_chart;
pub use rate_bars::draw_rate_chart;
pub use style::ChartStyle;

use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, DrawingAreaErrorKind, DrawingBackend, PathElement, Text};
use plotters::style::Color;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use crate::domain::Lang;
use crate::domain::chart_data::{BarTarget, ChartTable, CountsChart, RateChart, describe_bar};
use layout::{BarLayout, LABEL_FONT, LabelSide, Pen, TOP, VALUE_FONT};

/// Vertical grid lines at the ticks, over every row, with their labels under the rows.
fn draw_value_axis<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    style: &ChartStyle,
    layout: &BarLayout,
    ticks: &[(f64, String)],
    axis_max: f64,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let (pen, colours) = (style.pen(), style.palette);
    let axis_y = layout.rows_bottom();
    for (value, label) in ticks {
        let x = layout.x_of(*value, axis_max);
        area.draw(&PathElement::new(
            vec![pen.point(x, TOP - 4.0), pen.point(x, axis_y)],
            colours.grid.stroke_width(pen.stroke(1.0)),
        ))?;
        area.draw(&Text::new(
            label.clone(),
            pen.point(x, axis_y + 6.0),
            pen.text(VALUE_FONT)
                .color(&colours.ink_soft)
                .pos(Pos::new(HPos::Center, VPos::Top)),
        ))?;
    }
    Ok(())
}

/// The line under a chart (which bars of how many, what the light bars mean): under the plot,
/// or from the left edge where it needs the room, in up to two lines.
fn draw_note<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    style: &ChartStyle,
    layout: &BarLayout,
    note: &str,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let pen = style.pen();
    let right = layout.width - 4.0;
    let x = if layout::text_width(note, VALUE_FONT) <= right - layout.plot_left {
        layout.plot_left
    } else {
        8.0
    };
    // Two lines, or as many as the area has room for below the rows (a slide whose last page
    // names the bars without a rate).
    let (_, height_px) = area.dim_in_pixel();
    let line = VALUE_FONT + 6.0;
    let room = height_px as f64 / pen.scale - (layout.rows_bottom() + 26.0);
    let max_lines = ((room / line).floor() as usize).clamp(2, 6);
    let lines = layout::wrap_text(note, right - x, VALUE_FONT, max_lines);
    for (i, line) in lines.into_iter().enumerate() {
        area.draw(&Text::new(
            line,
            pen.point(
                x,
                layout.rows_bottom() + 26.0 + i as f64 * (VALUE_FONT + 6.0),
            ),
            pen.text(VALUE_FONT)
                .color(&style.palette.ink_soft)
                .pos(Pos::new(HPos::Left, VPos::Top)),
        ))?;
    }
    Ok(())
}

/// A row's label, cut to the room it has (keeping a batch that tells two rows apart): right of
/// the label column beside the bar, or above the bar on a white ground (so the grid and the
/// reference line run under it) where the chart is narrow.
fn draw_row_label<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    style: &ChartStyle,
    layout: &BarLayout,
    row: usize,
    text: &str,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let pen = style.pen();
    let (x, y, side) = layout.label_anchor(row);
    let label = layout::fit_label(text, layout.label_room(), LABEL_FONT);
    let pos = match side {
        LabelSide::Beside => Pos::new(HPos::Right, VPos::Center),
        LabelSide::Above => {
            let width = layout::text_width(&label, LABEL_FONT);
            area.draw(&plotters::prelude::Rectangle::new(
                [
                    pen.point(x - 2.0, y - 1.0),
                    pen.point(x + width + 2.0, y + LABEL_FONT + 3.0),
                ],
                style.palette.paper.filled(),
            ))?;
            Pos::new(HPos::Left, VPos::Top)
        }
    };
    area.draw(&Text::new(
        label,
        pen.point(x, y),
        pen.text(LABEL_FONT).color(&style.palette.ink).pos(pos),
    ))?;
    Ok(())
}

/// Fills a rectangle (in device pixels) and, where `hatched`, draws 45° lines across it and
/// outlines it, so that a series is told apart by pattern as well as by colour.
fn draw_bar<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    pen: Pen,
    corners: [(i32, i32); 2],
    fill: plotters::style::RGBColor,
    hatch: Option<plotters::style::RGBColor>,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    area.draw(&plotters::prelude::Rectangle::new(corners, fill.filled()))?;
    let Some(hatch) = hatch else {
        return Ok(());
    };
    let stroke = hatch.stroke_width(pen.stroke(1.0));
    let path = layout::hatch_path(corners, pen.px(6.0).max(3));
    if path.len() > 1 {
        area.draw(&PathElement::new(path, stroke))?;
    }
    area.draw(&plotters::prelude::Rectangle::new(corners, stroke))
}

/// What a canvas, an exported picture or a slide hosts: a chart of rows, drawn on any
/// backend. The dashboard's charts are [`ChartSpec`]s, the comparison's
/// [`compare::CompareChart`]s.
pub trait Chart {
    fn rows(&self) -> usize;

    /// The rows `first..first + size` alone: one slide, picture or figure of a long chart.
    fn page(&self, first: usize, size: usize) -> Self
    where
        Self: Sized;

    fn draw<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
        style: &ChartStyle,
    ) -> Result<BarLayout, DrawingAreaErrorKind<DB::ErrorType>>;
}

impl Chart for ChartSpec {
    fn rows(&self) -> usize {
        ChartSpec::rows(self)
    }

    fn page(&self, first: usize, size: usize) -> ChartSpec {
        ChartSpec::page(self, first, size)
    }

    fn draw<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
        style: &ChartStyle,
    ) -> Result<BarLayout, DrawingAreaErrorKind<DB::ErrorType>> {
        ChartSpec::draw(self, area, style)
    }
}

/// Any of the dashboard's charts, so one canvas component can host each of them.
#[derive(Clone, Debug, PartialEq)]
pub enum ChartSpec {
    Rate(RateChart),
    Counts(CountsChart),
}

impl ChartSpec {
    pub fn rows(&self) -> usize {
        match self {
            ChartSpec::Rate(chart) => chart.bars.len(),
            ChartSpec::Counts(chart) => chart.rows.len(),
        }
    }

    pub fn draw<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
        style: &ChartStyle,
    ) -> Result<BarLayout, DrawingAreaErrorKind<DB::ErrorType>> {
        match self {
            ChartSpec::Rate(chart) => draw_rate_chart(area, chart, style),
            ChartSpec::Counts(chart) => draw_counts_chart(area, chart, style),
        }
    }

    /// The figures of one row, as a sentence (tooltips).
    pub fn describe_row(&self, row: usize) -> Option<String> {
        match self {
            ChartSpec::Rate(chart) => chart.bars.get(row).map(describe_bar),
            ChartSpec::Counts(chart) => chart.rows.get(row).map(|r| r.describe(chart.lang)),
        }
    }

    /// What clicking a row filters to.
    pub fn target(&self, row: usize) -> Option<BarTarget> {
        match self {
            ChartSpec::Rate(chart) => chart.bars.get(row).map(|b| b.target.clone()),
            ChartSpec::Counts(chart) => chart.rows.get(row).map(|r| r.target.clone()),
        }
    }

    /// The rows `first..first + size` alone: one page of a long chart.
    pub fn page(&self, first: usize, size: usize) -> ChartSpec {
        fn part<T: Clone>(items: &[T], first: usize, size: usize) -> Vec<T> {
            items.iter().skip(first).take(size).cloned().collect()
        }
        match self {
            ChartSpec::Rate(chart) => ChartSpec::Rate(RateChart {
                bars: part(&chart.bars, first, size),
                ..chart.clone()
            }),
            ChartSpec::Counts(chart) => ChartSpec::Counts(CountsChart {
                rows: part(&chart.rows, first, size),
                ..chart.clone()
            }),
        }
    }

    /// The same figures as a table.
    pub fn table(&self) -> ChartTable {
        match self {
            ChartSpec::Rate(chart) => chart.table(),
            ChartSpec::Counts(chart) => chart.table(),
        }
    }

    pub fn lang(&self) -> Lang {
        match self {
            ChartSpec::Rate(chart) => chart.lang,
            ChartSpec::Counts(chart) => chart.lang,
        }
    }

    pub fn note(&self) -> &str {
        match self {
            ChartSpec::Rate(chart) => &chart.note,
            ChartSpec::Counts(chart) => &chart.note,
        }
    }
}
