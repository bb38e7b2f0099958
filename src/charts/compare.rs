//! The comparison's charts, rows sorted by change as `domain::compare` gives them:
//! - pass rate: one dumbbell per certificate and level, a hollow dot at the earlier year's rate
//!   and a filled one at the later year's, joined by a line, with the change in percentage
//!   points beside it;
//! - registered: two bars per certificate and level, the earlier year's (light, hatched) above
//!   the later one's (filled), with both counts beside them.
//!
//! [`CompareChart`] lets one canvas component host either.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::layout::{BarLayout, TOP, VALUE_FONT, fit_text, nice_ticks, text_width};
use super::style::ChartStyle;
use super::{draw_bar, draw_note, draw_row_label, draw_value_axis};
use crate::domain::chart_data::CountsChart;
use crate::domain::compare::{RateShiftChart, RegisteredChart, format_points};
use crate::domain::lang::format_count;

type DrawResult<DB> = Result<BarLayout, DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;

/// Any of the comparison's charts: the two above, and the series over the years, which the
/// dashboard's counts chart draws (a row a year).
#[derive(Clone, Debug, PartialEq)]
pub enum CompareChart {
    Rates(RateShiftChart),
    Registered(RegisteredChart),
    Series(CountsChart),
}

impl super::Chart for CompareChart {
    fn page(&self, first: usize, size: usize) -> CompareChart {
        CompareChart::page(self, first, size)
    }

    fn rows(&self) -> usize {
        match self {
            CompareChart::Rates(chart) => chart.rows.len(),
            CompareChart::Registered(chart) => chart.rows.len(),
            CompareChart::Series(chart) => chart.rows.len(),
        }
    }

    fn draw<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
        style: &ChartStyle,
    ) -> DrawResult<DB> {
        match self {
            CompareChart::Rates(chart) => draw_rate_shift_chart(area, chart, style),
            CompareChart::Registered(chart) => draw_registered_chart(area, chart, style),
            CompareChart::Series(chart) => super::draw_counts_chart(area, chart, style),
        }
    }
}

impl CompareChart {
    /// The rows `first..first + size` alone: one slide or picture of a long chart.
    pub fn page(&self, first: usize, size: usize) -> CompareChart {
        fn part<T: Clone>(items: &[T], first: usize, size: usize) -> Vec<T> {
            items.iter().skip(first).take(size).cloned().collect()
        }
        match self {
            CompareChart::Rates(chart) => CompareChart::Rates(RateShiftChart {
                rows: part(&chart.rows, first, size),
                ..chart.clone()
            }),
            CompareChart::Registered(chart) => CompareChart::Registered(RegisteredChart {
                rows: part(&chart.rows, first, size),
                ..chart.clone()
            }),
            CompareChart::Series(chart) => CompareChart::Series(CountsChart {
                rows: part(&chart.rows, first, size),
                ..chart.clone()
            }),
        }
    }

    /// What the chart spans, earliest first: the two sides' names, or the series' first and
    /// last years.
    pub fn span(&self) -> (String, String) {
        match self {
            CompareChart::Rates(chart) => chart.legend.clone(),
            CompareChart::Registered(chart) => chart.legend.clone(),
            CompareChart::Series(chart) => {
                let label = |row: Option<&crate::domain::chart_data::CountsRow>| {
                    row.map(|r| r.short_label.clone()).unwrap_or_default()
                };
                (label(chart.rows.first()), label(chart.rows.last()))
            }
        }
    }
}

/// The layout this chart gets at this width (CSS pixels).
pub fn rate_shift_layout(chart: &RateShiftChart, width: f64) -> BarLayout {
    BarLayout::for_labels(width, chart.rows.iter().map(|row| row.label.as_str()))
}

/// Draws the chart over the whole area and returns the layout used (in CSS pixels).
pub fn draw_rate_shift_chart<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    chart: &RateShiftChart,
    style: &ChartStyle,
) -> DrawResult<DB> {
    let pen = style.pen();
    let (width_px, height_px) = area.dim_in_pixel();
    // Rows fill the area (a slide, a picture), never shorter than the style's least.
    let layout = rate_shift_layout(chart, width_px as f64 / pen.scale)
        .filling_from(height_px as f64 / pen.scale, style.row_height);
    let px = |css: f64| pen.px(css);
    let colours = style.palette;
    area.fill(&colours.paper)?;

    let ticks: Vec<(f64, String)> = (0..=100)
        .step_by(if layout.plot_right - layout.plot_left >= 260.0 {
            20
        } else {
            50
        })
        .map(|tick| (tick as f64, format!("{tick}%")))
        .collect();
    draw_value_axis(area, style, &layout, &ticks, 100.0)?;

    // The legend, above the plot: which dot is which year.
    let radius = 5.0;
    draw_legend(
        area,
        style,
        &layout,
        &chart.legend,
        2.0 * radius,
        |x, y, later| draw_dot(area, style, x + radius, y, radius, later),
    )?;

    for (row, shift) in chart.rows.iter().enumerate() {
        draw_row_label(area, style, &layout, row, &shift.label)?;
        let centre = layout.row_centre(row);
        let (xa, xb) = (layout.x_of(shift.a, 100.0), layout.x_of(shift.b, 100.0));
        area.draw(&PathElement::new(
            vec![(px(xa), px(centre)), (px(xb), px(centre))],
            colours.bar_light.stroke_width(pen.stroke(3.0)),
        ))?;
        draw_dot(area, style, xa, centre, radius, false)?;
        draw_dot(area, style, xb, centre, radius, true)?;
        // The change, right of both dots, on a white ground (the grid runs under it).
        let text = format_points(shift.change);
        let text_x = xa.max(xb) + radius + 6.0;
        let width = text_width(&text, VALUE_FONT);
        let beside = text_x + width <= layout.width - 2.0;
        let (text_x, anchor, left) = if beside {
            (text_x, HPos::Left, text_x)
        } else {
            let right = xa.min(xb) - radius - 6.0;
            (right, HPos::Right, right - width)
        };
        area.draw(&Rectangle::new(
            [
                (px(left - 2.0), px(centre - VALUE_FONT * 0.75)),
                (px(left + width + 2.0), px(centre + VALUE_FONT * 0.75)),
            ],
            colours.paper.filled(),
        ))?;
        let ink = if shift.change < 0 {
            colours.reference
        } else {
            colours.ink
        };
        area.draw(&Text::new(
            text,
            (px(text_x), px(centre)),
            pen.text(VALUE_FONT)
                .color(&ink)
                .pos(Pos::new(anchor, VPos::Center)),
        ))?;
    }

    draw_note(area, style, &layout, &chart.note)?;
    Ok(layout)
}

/// The registered chart over the whole area; returns the layout used (in CSS pixels).
pub fn draw_registered_chart<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    chart: &RegisteredChart,
    style: &ChartStyle,
) -> DrawResult<DB> {
    let pen = style.pen();
    let (width_px, height_px) = area.dim_in_pixel();
    let layout = BarLayout::for_labels(
        width_px as f64 / pen.scale,
        chart.rows.iter().map(|row| row.label.as_str()),
    )
    .filling_from(height_px as f64 / pen.scale, style.row_height);
    let px = |css: f64| pen.px(css);
    let colours = style.palette;
    area.fill(&colours.paper)?;

    // The whole chart's largest, so that every page of it shares one axis.
    let largest = chart
        .rows
        .iter()
        .flat_map(|row| [row.a, row.b])
        .flatten()
        .fold(chart.largest, u64::max);
    let ticks = nice_ticks(largest as f64);
    let axis_max = *ticks.last().unwrap_or(&1.0);
    let labelled: Vec<(f64, String)> = ticks
        .iter()
        .map(|&t| (t, format_count(t as u64, chart.lang)))
        .collect();
    draw_value_axis(area, style, &layout, &labelled, axis_max)?;

    let swatch = 10.0;
    let swatch_bar = |x: f64, y: f64, later: bool| {
        let corners = [
            (px(x), px(y - swatch / 2.0)),
            (px(x + swatch), px(y + swatch / 2.0)),
        ];
        if later {
            draw_bar(area, pen, corners, colours.bar, None)
        } else {
            draw_bar(area, pen, corners, colours.bar_light, Some(colours.hatch))
        }
    };
    draw_legend(area, style, &layout, &chart.legend, swatch, swatch_bar)?;

    for (row, shift) in chart.rows.iter().enumerate() {
        draw_row_label(area, style, &layout, row, &shift.label)?;
    }
    let half = layout.band() * 0.34;
    let left = px(layout.plot_left);
    for (row, shift) in chart.rows.iter().enumerate() {
        let centre = layout.row_centre(row);
        // A year without the pilot has no bar at all (not a sliver: it did not run).
        if let Some(a) = shift.a {
            let end = px(layout.x_of(a as f64, axis_max)).max(left + 1);
            let corners = [(left, px(centre - half)), (end, px(centre))];
            draw_bar(area, pen, corners, colours.bar_light, Some(colours.hatch))?;
        }
        if let Some(b) = shift.b {
            let end = px(layout.x_of(b as f64, axis_max)).max(left + 1);
            draw_bar(
                area,
                pen,
                [(left, px(centre)), (end, px(centre + half))],
                colours.bar,
                None,
            )?;
        }
    }
    for (row, shift) in chart.rows.iter().enumerate() {
        let longest = shift.a.max(shift.b).unwrap_or(0);
        area.draw(&Text::new(
            shift.figures(chart.lang),
            (
                px(layout.x_of(longest as f64, axis_max) + 6.0),
                px(layout.row_centre(row)),
            ),
            pen.text(VALUE_FONT)
                .color(&colours.ink)
                .pos(Pos::new(HPos::Left, VPos::Center)),
        ))?;
    }

    draw_note(area, style, &layout, &chart.note)?;
    Ok(layout)
}

/// The two years' names above the plot, each after its mark (`mark(x, y, later)` draws it in a
/// box `mark_width` wide), shortened to share the width.
fn draw_legend<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    style: &ChartStyle,
    layout: &BarLayout,
    (earlier, later): &(String, String),
    mark_width: f64,
    mark: impl Fn(f64, f64, bool) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>>,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let pen = style.pen();
    let y = TOP - 18.0;
    let mut x = layout.plot_left;
    let room = ((layout.width - x - 4.0) / 2.0 - mark_width - 23.0).max(40.0);
    for (text, is_later) in [(earlier, false), (later, true)] {
        let text = fit_text(text, room, VALUE_FONT);
        mark(x, y, is_later)?;
        let width = text_width(&text, VALUE_FONT);
        area.draw(&Text::new(
            text,
            (pen.px(x + mark_width + 5.0), pen.px(y)),
            pen.text(VALUE_FONT)
                .color(&style.palette.ink_soft)
                .pos(Pos::new(HPos::Left, VPos::Center)),
        ))?;
        x += mark_width + 5.0 + width + 18.0;
    }
    Ok(())
}

/// A year's dot: hollow for the earlier year, filled for the later one (told apart without
/// colour, on a projector or a grey printout).
fn draw_dot<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    style: &ChartStyle,
    x: f64,
    y: f64,
    radius: f64,
    filled: bool,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let pen = style.pen();
    let centre = pen.point(x, y);
    let r = pen.px(radius).max(2);
    area.draw(&Circle::new(centre, r, style.palette.paper.filled()))?;
    if filled {
        area.draw(&Circle::new(centre, r, style.palette.bar.filled()))
    } else {
        area.draw(&Circle::new(
            centre,
            r,
            style.palette.bar.stroke_width(pen.stroke(2.0)),
        ))
    }
}
