//! The comparison's pass-rate chart: one dumbbell per certificate and level, a hollow dot at the
//! earlier year's rate and a filled one at the later year's, joined by a line, with the change
//! in percentage points beside it. Rows come sorted by change (`domain::compare`).

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::layout::{BarLayout, TOP, VALUE_FONT, fit_text, text_width};
use super::style::ChartStyle;
use super::{draw_note, draw_row_label, draw_value_axis};
use crate::domain::compare::{RateShiftChart, format_points};

type DrawResult<DB> = Result<BarLayout, DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;

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
    let (width_px, _) = area.dim_in_pixel();
    let layout = rate_shift_layout(chart, width_px as f64 / pen.scale);
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
    let (earlier, later) = &chart.legend;
    let legend_y = TOP - 18.0;
    let mut x = layout.plot_left;
    let room = ((layout.width - x - 4.0) / 2.0 - 2.0 * radius - 23.0).max(40.0);
    for (text, filled) in [(earlier, false), (later, true)] {
        let text = &fit_text(text, room, VALUE_FONT);
        draw_dot(area, style, x + radius, legend_y, radius, filled)?;
        area.draw(&Text::new(
            text.clone(),
            (px(x + 2.0 * radius + 5.0), px(legend_y)),
            pen.text(VALUE_FONT)
                .color(&colours.ink_soft)
                .pos(Pos::new(HPos::Left, VPos::Center)),
        ))?;
        x += 2.0 * radius + 5.0 + text_width(text, VALUE_FONT) + 18.0;
    }

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
