//! Registered and certified per certificate: two bars per row on one count axis.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::draw_value_axis;
use super::layout::{
    BarLayout, LABEL_FONT, ROW_HEIGHT, TOP, VALUE_FONT, fit_text, nice_ticks, text_width,
};
use super::style::{self, ChartStyle};
use crate::domain::chart_data::CountsChart;

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
    let (width_px, _) = area.dim_in_pixel();
    let layout = counts_chart_layout(chart, width_px as f64 / pen.scale);
    let px = |css: f64| pen.px(css);
    let font = |size: f64| pen.text(size);
    area.fill(&WHITE)?;

    let largest = chart
        .rows
        .iter()
        .map(|row| row.registered)
        .max()
        .unwrap_or(0);
    let ticks = nice_ticks(largest as f64);
    let axis_max = *ticks.last().unwrap_or(&1.0);
    let axis_y = layout.rows_bottom();
    let labelled: Vec<(f64, String)> = ticks.iter().map(|&t| (t, format!("{t:.0}"))).collect();
    draw_value_axis(area, pen, &layout, &labelled, axis_max)?;

    // Legend, top left of the plot.
    let swatch = 10.0;
    let mut x = layout.plot_left;
    for (colour, name) in [(style::BAR_LIGHT, "报考人数"), (style::BAR, "获证人数")] {
        area.draw(&Rectangle::new(
            [
                (px(x), px(TOP - 22.0)),
                (px(x + swatch), px(TOP - 22.0 + swatch)),
            ],
            colour.filled(),
        ))?;
        area.draw(&Text::new(
            name,
            (px(x + swatch + 4.0), px(TOP - 22.0 + swatch / 2.0)),
            font(VALUE_FONT)
                .color(&style::INK)
                .pos(Pos::new(HPos::Left, VPos::Center)),
        ))?;
        x += swatch + 8.0 + text_width(name, VALUE_FONT) + 16.0;
    }

    let half = ROW_HEIGHT * 0.34;
    for (row, item) in chart.rows.iter().enumerate() {
        let centre = layout.row_centre(row);
        area.draw(&Text::new(
            fit_text(&item.short_label, layout.label_room(), LABEL_FONT),
            (px(layout.label_right), px(centre)),
            font(LABEL_FONT)
                .color(&style::INK)
                .pos(Pos::new(HPos::Right, VPos::Center)),
        ))?;
        let registered_end = layout.x_of(item.registered as f64, axis_max);
        area.draw(&Rectangle::new(
            [
                (px(layout.plot_left), px(centre - half)),
                (px(registered_end).max(px(layout.plot_left) + 1), px(centre)),
            ],
            style::BAR_LIGHT.filled(),
        ))?;
        if let Some(certified) = item.certified {
            let end = layout.x_of(certified as f64, axis_max);
            area.draw(&Rectangle::new(
                [
                    (px(layout.plot_left), px(centre)),
                    (px(end).max(px(layout.plot_left) + 1), px(centre + half)),
                ],
                style::BAR.filled(),
            ))?;
        }
        let certified = item
            .certified
            .map_or_else(|| "未出成绩".to_string(), |c| c.to_string());
        area.draw(&Text::new(
            format!("{} / {certified}", item.registered),
            (px(registered_end + 6.0), px(centre)),
            font(VALUE_FONT)
                .color(&style::INK)
                .pos(Pos::new(HPos::Left, VPos::Center)),
        ))?;
    }

    area.draw(&Text::new(
        format!("{}；数值为 报考 / 获证", chart.note),
        (px(layout.plot_left), px(axis_y + 26.0)),
        font(VALUE_FONT)
            .color(&style::INK_SOFT)
            .pos(Pos::new(HPos::Left, VPos::Top)),
    ))?;
    Ok(layout)
}
