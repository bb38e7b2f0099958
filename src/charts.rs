//! The charts. Each is one function generic over the plotters `DrawingBackend`, so the same
//! code draws on a `<canvas>` in the browser and to an SVG string in native tests (and, later,
//! for export). What to draw is prepared in `domain::chart_data`; where to draw it is worked out
//! in `layout`, which is plain arithmetic and tested on its own.

pub mod counts_bars;
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

use crate::domain::chart_data::{BarTarget, CountsChart, RateChart, describe_bar};
use layout::{BarLayout, Pen, TOP, VALUE_FONT};

/// Vertical grid lines at the ticks, over every row, with their labels under the rows.
fn draw_value_axis<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    pen: Pen,
    layout: &BarLayout,
    ticks: &[(f64, String)],
    axis_max: f64,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let axis_y = layout.rows_bottom();
    for (value, label) in ticks {
        let x = layout.x_of(*value, axis_max);
        area.draw(&PathElement::new(
            vec![pen.point(x, TOP - 4.0), pen.point(x, axis_y)],
            style::GRID.stroke_width(pen.stroke(1.0)),
        ))?;
        area.draw(&Text::new(
            label.clone(),
            pen.point(x, axis_y + 6.0),
            pen.text(VALUE_FONT)
                .color(&style::INK_SOFT)
                .pos(Pos::new(HPos::Center, VPos::Top)),
        ))?;
    }
    Ok(())
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

    /// The layout the chart gets at this width, in CSS pixels (for hit-testing).
    pub fn layout(&self, width: f64) -> BarLayout {
        match self {
            ChartSpec::Rate(chart) => rate_bars::rate_chart_layout(chart, width),
            ChartSpec::Counts(chart) => counts_bars::counts_chart_layout(chart, width),
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
            ChartSpec::Counts(chart) => chart.rows.get(row).map(|r| {
                let certified = r
                    .certified
                    .map_or_else(|| "未出成绩".to_string(), |c| c.to_string());
                format!("{}：报考 {} 人，获证 {certified}", r.label, r.registered)
            }),
        }
    }

    /// What clicking a row filters to.
    pub fn target(&self, row: usize) -> Option<BarTarget> {
        match self {
            ChartSpec::Rate(chart) => chart.bars.get(row).map(|b| b.target.clone()),
            ChartSpec::Counts(chart) => chart.rows.get(row).map(|r| r.target.clone()),
        }
    }

    /// The same figures as a table: a header row, then one row per bar.
    pub fn table(&self) -> (Vec<&'static str>, Vec<Vec<String>>) {
        match self {
            ChartSpec::Rate(chart) => (
                vec![
                    "项目",
                    "报考人数",
                    "获证人数",
                    "通过率",
                    "95% 置信区间（小样本）",
                ],
                chart
                    .bars
                    .iter()
                    .map(|bar| {
                        let interval = match bar.value {
                            crate::domain::chart_data::BarValue::Rate {
                                interval: Some((low, high)),
                                ..
                            } => format!("{low:.1}%–{high:.1}%"),
                            _ => String::new(),
                        };
                        vec![
                            bar.label.clone(),
                            bar.n.to_string(),
                            bar.certified
                                .map_or_else(|| "--".to_string(), |c| c.to_string()),
                            bar.value_text(),
                            interval,
                        ]
                    })
                    .collect(),
            ),
            ChartSpec::Counts(chart) => (
                vec!["证书 · 等级", "报考人数", "获证人数"],
                chart
                    .rows
                    .iter()
                    .map(|row| {
                        vec![
                            row.label.clone(),
                            row.registered.to_string(),
                            row.certified
                                .map_or_else(|| "未出成绩".to_string(), |c| c.to_string()),
                        ]
                    })
                    .collect(),
            ),
        }
    }

    pub fn note(&self) -> &str {
        match self {
            ChartSpec::Rate(chart) => &chart.note,
            ChartSpec::Counts(chart) => &chart.note,
        }
    }
}
