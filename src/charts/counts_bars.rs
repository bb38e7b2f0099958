//! Registered and certified per certificate: two bars per row on one count axis.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::layout::{BarLayout, TOP, VALUE_FONT, nice_ticks, text_width};
use super::style::ChartStyle;
use super::{draw_bar, draw_note, draw_row_label, draw_value_axis};
use crate::domain::Lang;
use crate::domain::chart_data::CountsChart;
use crate::domain::lang::format_count;

type DrawResult<DB> = Result<BarLayout, DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;

/// The layout a counts chart of this data gets at this width (CSS pixels).
pub fn counts_chart_layout(chart: &CountsChart, width: f64) -> BarLayout {
    BarLayout::for_labels(
        width,
        chart.rows.iter().map(|item| item.short_label.as_str()),
    )
}

/// Draws the chart over the whole area and returns the layout used (in CSS pixels).
pub fn draw_counts_chart<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    chart: &CountsChart,
    style: &ChartStyle,
) -> DrawResult<DB> {
    let pen = style.pen();
    let (width_px, height_px) = area.dim_in_pixel();
    let layout = counts_chart_layout(chart, width_px as f64 / pen.scale)
        .filling_from(height_px as f64 / pen.scale, style.row_height);
    let px = |css: f64| pen.px(css);
    let font = |size: f64| pen.text(size);
    let colours = style.palette;
    area.fill(&colours.paper)?;

    // The whole chart's largest, so that every page of it shares one axis.
    let largest = chart
        .rows
        .iter()
        .map(|row| row.registered)
        .fold(chart.largest, u64::max);
    let ticks = nice_ticks(largest as f64);
    let axis_max = *ticks.last().unwrap_or(&1.0);
    let lang = chart.lang;
    let labelled: Vec<(f64, String)> = ticks
        .iter()
        .map(|&t| (t, format_count(t as u64, lang)))
        .collect();
    draw_value_axis(area, style, &layout, &labelled, axis_max)?;

    // Legend, top left of the plot.
    let swatch = 10.0;
    let mut x = layout.plot_left;
    let series = [
        (
            colours.bar_light,
            Some(colours.hatch),
            lang.pick("报考人数", "Registered"),
        ),
        (colours.bar, None, lang.pick("获证人数", "Certified")),
    ];
    for (colour, hatch, name) in series {
        draw_bar(
            area,
            pen,
            [
                (px(x), px(TOP - 22.0)),
                (px(x + swatch), px(TOP - 22.0 + swatch)),
            ],
            colour,
            hatch,
        )?;
        area.draw(&Text::new(
            name,
            (px(x + swatch + 4.0), px(TOP - 22.0 + swatch / 2.0)),
            font(VALUE_FONT)
                .color(&colours.ink)
                .pos(Pos::new(HPos::Left, VPos::Center)),
        ))?;
        x += swatch + 8.0 + text_width(name, VALUE_FONT) + 16.0;
    }

    // Drawn in passes, labels, then bars, then values, so that the canvas's font and colours
    // change a few times per chart rather than a few times per row.
    for (row, item) in chart.rows.iter().enumerate() {
        draw_row_label(area, style, &layout, row, &item.short_label)?;
    }
    let half = layout.band() * 0.34;
    for (row, item) in chart.rows.iter().enumerate() {
        let centre = layout.row_centre(row);
        let registered_end = layout.x_of(item.registered as f64, axis_max);
        draw_bar(
            area,
            pen,
            [
                (px(layout.plot_left), px(centre - half)),
                (px(registered_end).max(px(layout.plot_left) + 1), px(centre)),
            ],
            colours.bar_light,
            Some(colours.hatch),
        )?;
    }
    for (row, item) in chart.rows.iter().enumerate() {
        let Some(certified) = item.certified else {
            continue;
        };
        let centre = layout.row_centre(row);
        let end = layout.x_of(certified as f64, axis_max);
        draw_bar(
            area,
            pen,
            [
                (px(layout.plot_left), px(centre)),
                (px(end).max(px(layout.plot_left) + 1), px(centre + half)),
            ],
            colours.bar,
            None,
        )?;
    }
    for (row, item) in chart.rows.iter().enumerate() {
        area.draw(&Text::new(
            item.value_label(lang),
            (
                px(layout.x_of(item.registered as f64, axis_max) + 6.0),
                px(layout.row_centre(row)),
            ),
            font(VALUE_FONT)
                .color(&colours.ink)
                .pos(Pos::new(HPos::Left, VPos::Center)),
        ))?;
    }

    let note = match lang {
        Lang::Zh => format!("{}；数值为 报考 / 获证", chart.note),
        Lang::En => format!("{}; figures are registered / certified", chart.note),
    };
    draw_note(area, style, &layout, &note)?;
    Ok(layout)
}
