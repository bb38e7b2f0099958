//! Horizontal pass-rate bars (by certificate, or by group), with an overall reference line,
//! value labels with n, "未出成绩" / "无人报考" in place of a bar, and Wilson whiskers for
//! small samples.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::layout::{BarLayout, TOP, VALUE_FONT, text_width, wrap_text};
use super::style::ChartStyle;
use super::{draw_note, draw_row_label, draw_value_axis};
use crate::domain::chart_data::{BarValue, RateChart};

type DrawResult<DB> = Result<BarLayout, DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;

/// The layout a rate chart of this data gets at this width (CSS pixels).
pub fn rate_chart_layout(chart: &RateChart, width: f64) -> BarLayout {
    BarLayout::for_labels(
        width,
        chart.bars.iter().map(|item| item.short_label.as_str()),
    )
}

/// Draws the chart over the whole area and returns the layout used (in CSS pixels).
pub fn draw_rate_chart<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    chart: &RateChart,
    style: &ChartStyle,
) -> DrawResult<DB> {
    let pen = style.pen();
    let (width_px, height_px) = area.dim_in_pixel();
    // A note longer than two lines (a slide naming the bars without a rate) takes its room
    // from the rows' share of the height.
    let fitted = rate_chart_layout(chart, width_px as f64 / pen.scale);
    let note_lines = wrap_text(&chart.note, fitted.width - 12.0, VALUE_FONT, 6).len();
    let note_room = note_lines.saturating_sub(2) as f64 * (VALUE_FONT + 6.0);
    let layout = fitted.filling_from(height_px as f64 / pen.scale - note_room, style.row_height);
    let px = |css: f64| pen.px(css);
    let font = |size: f64| pen.text(size);
    let colours = style.palette;
    area.fill(&colours.paper)?;

    // Grid and axis: 0%–100%.
    let axis_y = layout.rows_bottom();
    // Every 20%, or fewer where the plot is too narrow for five labels side by side.
    let room_per_label = text_width("100%", VALUE_FONT) + 10.0;
    let plot_width = layout.plot_right - layout.plot_left;
    let step = [20, 25, 50]
        .into_iter()
        .find(|step| plot_width * *step as f64 / 100.0 >= room_per_label)
        .unwrap_or(100);
    let ticks: Vec<(f64, String)> = (0..=100)
        .step_by(step)
        .map(|tick| (tick as f64, format!("{tick}%")))
        .collect();
    draw_value_axis(area, style, &layout, &ticks, 100.0)?;

    // The overall rate, dashed, behind every row (value labels sit on white over it),
    // labelled at the top.
    if let Some((percent, legend)) = &chart.reference {
        let x = layout.x_of(*percent, 100.0);
        let stroke = colours.reference.stroke_width(pen.stroke(2.0));
        let mut y = TOP - 6.0;
        while y < axis_y {
            let end = (y + 6.0).min(axis_y);
            area.draw(&PathElement::new(
                vec![(px(x), px(y)), (px(x), px(end))],
                stroke,
            ))?;
            y += 10.0;
        }
        let legend_width = text_width(legend, VALUE_FONT);
        let (anchor, legend_x) = if x + 4.0 + legend_width <= layout.width - 4.0 {
            (HPos::Left, x + 4.0)
        } else {
            (HPos::Right, x - 4.0)
        };
        area.draw(&Text::new(
            legend.clone(),
            (px(legend_x), px(TOP - 10.0)),
            font(VALUE_FONT)
                .color(&colours.reference)
                .pos(Pos::new(anchor, VPos::Bottom)),
        ))?;
    }

    // Drawn in passes, labels, then bars and whiskers, then values, so that the canvas's font
    // and colours change a few times per chart rather than a few times per row.
    for (row, bar) in chart.bars.iter().enumerate() {
        draw_row_label(area, style, &layout, row, &bar.short_label)?;
    }

    let bar_height = layout.band() * 0.62;
    // Where each value goes: (x, centre, anchor, colour, text), and whether it sits on white.
    let mut values = Vec::with_capacity(chart.bars.len());
    for (row, bar) in chart.bars.iter().enumerate() {
        let centre = layout.row_centre(row);
        match &bar.value {
            BarValue::Rate {
                percent, interval, ..
            } => {
                let end = layout.x_of(*percent, 100.0);
                let colour = if bar.is_small_sample() {
                    colours.bar_small
                } else {
                    colours.bar
                };
                area.draw(&Rectangle::new(
                    [
                        (px(layout.plot_left), px(centre - bar_height / 2.0)),
                        (
                            px(end).max(px(layout.plot_left) + 1),
                            px(centre + bar_height / 2.0),
                        ),
                    ],
                    colour.filled(),
                ))?;
                let mut label_x = end;
                if let (true, Some((low, high))) = (chart.whiskers, interval) {
                    let (x0, x1) = (layout.x_of(*low, 100.0), layout.x_of(*high, 100.0));
                    let cap = bar_height * 0.45;
                    let ink = colours.ink.stroke_width(pen.stroke(1.5));
                    area.draw(&PathElement::new(
                        vec![(px(x0), px(centre)), (px(x1), px(centre))],
                        ink,
                    ))?;
                    for x in [x0, x1] {
                        area.draw(&PathElement::new(
                            vec![(px(x), px(centre - cap)), (px(x), px(centre + cap))],
                            ink,
                        ))?;
                    }
                    label_x = label_x.max(x1);
                }
                let value = bar.value_with_n();
                let value_width = text_width(&value, VALUE_FONT);
                // Beside the bar (on a white ground, so grid and reference line don't cross
                // it), or inside the bar's end where there is no room beside it.
                values.push(if label_x + 6.0 + value_width <= layout.width - 2.0 {
                    let x = label_x + 6.0;
                    (x, centre, HPos::Left, colours.ink, value, Some(value_width))
                } else {
                    (end - 6.0, centre, HPos::Right, colours.paper, value, None)
                });
            }
            // On a white ground too: the reference line must not run through the words.
            BarValue::Pending | BarValue::Nobody => {
                let value = bar.value_with_n();
                let width = text_width(&value, VALUE_FONT);
                values.push((
                    layout.plot_left + 4.0,
                    centre,
                    HPos::Left,
                    colours.muted,
                    value,
                    Some(width),
                ))
            }
        }
    }
    for (x, centre, _, _, _, ground) in &values {
        if let Some(width) = ground {
            area.draw(&Rectangle::new(
                [
                    (px(x - 2.0), px(centre - VALUE_FONT * 0.75)),
                    (px(x + width + 2.0), px(centre + VALUE_FONT * 0.75)),
                ],
                colours.paper.filled(),
            ))?;
        }
    }
    for (x, centre, anchor, colour, value, _) in values {
        area.draw(&Text::new(
            value,
            (px(x), px(centre)),
            font(VALUE_FONT)
                .color(&colour)
                .pos(Pos::new(anchor, VPos::Center)),
        ))?;
    }

    draw_note(area, style, &layout, &chart.note)?;
    Ok(layout)
}
