//! A school over the years: when the library holds at least three years of the compared
//! school, their totals under the comparison's filters, as a table and the counts chart.

use leptos::prelude::*;

use super::charts::{CompareCanvas, SERIES_HEADING};
use crate::charts::compare::CompareChart;
use crate::domain::Lang;
use crate::domain::caption::Caption;
use crate::domain::compare::{YearFigures, series_chart};
use crate::domain::figures::{Totals, format_rate};
use crate::domain::lang::format_count;
use crate::domain::library::series_of;
use crate::domain::view::CompareView;
use crate::library::{Side, side};
use crate::state::BoardState;

/// A school's years as the comparison shows them: every year the library holds (when at
/// least three), `Err` while some are being read, and the chart of them.
pub type Series = Option<Result<(String, Vec<YearFigures>), ()>>;

/// The series over the years of the comparison `view` and its chart, as memos.
pub fn series_memos(state: BoardState, view: CompareView) -> (Memo<Series>, Memo<CompareChart>) {
    let lang = state.lang;
    let catalog = RwSignal::from(crate::library::library().catalog);
    let series = Memo::new(move |_| -> Series {
        let entries = catalog.with(|c| {
            let c = c.as_ref()?;
            let series = series_of(c, &view.a, &view.b);
            let school = series.first()?.institution.clone()?;
            Some((school, series.into_iter().cloned().collect::<Vec<_>>()))
        });
        let (school, entries) = entries?;
        let mut years = Vec::with_capacity(entries.len());
        for entry in entries {
            match side(state, &entry.id) {
                Side::Ready(data) => years.push(YearFigures {
                    year: entry.year?,
                    title: entry.title,
                    totals: Totals::of(data.records.iter().filter(|r| view.admits(r))),
                }),
                // A year whose stored copy is damaged is left out (the list says so).
                Side::Unreadable => {}
                Side::Loading => return Some(Err(())),
            }
        }
        Some(Ok((school, years)))
    });
    let chart = Memo::new(move |_| {
        let (school, years) = series.get().and_then(Result::ok).unwrap_or_default();
        CompareChart::Series(series_chart(&years, &school, lang.get()))
    });
    (series, chart)
}

/// The totals of every year the library holds of the compared school (when it holds at least
/// three), under the comparison's filters: a table and the counts chart, a row a year.
#[component]
pub fn SeriesOverYears(
    series: Memo<Series>,
    chart: Memo<CompareChart>,
    caption: Memo<Caption>,
) -> impl IntoView {
    let state = BoardState::expect();
    let lang = state.lang;
    // The pictures name the school and the years, under the comparison's filters.
    let caption = Memo::new(move |_| {
        let note = chart.with(|c| match c {
            CompareChart::Series(chart) => chart.note.clone(),
            _ => String::new(),
        });
        Caption {
            dataset: note,
            filters: caption.with(|c| c.filters.clone()),
            as_of: String::new(),
        }
    });
    move || {
        let (school, years) = series.get()?.ok()?;
        let rows = years
            .iter()
            .map(|year| {
                let totals = &year.totals;
                view! {
                    <tr data-testid="compare-series-row" data-year=year.year>
                        <th scope="row" title=year.title.clone()>{year.label(lang.get())}</th>
                        <td data-testid="compare-series-registered">{format_count(totals.registered, lang.get())}</td>
                        <td data-testid="compare-series-certified">{format_count(totals.certified, lang.get())}</td>
                        <td data-testid="compare-series-rate">{format_rate(totals.pass_rate_published())}</td>
                    </tr>
                }
            })
            .collect_view();
        Some(view! {
            <div class="pb-compare__series" data-testid="compare-series">
                <h3 class="pb-compare__series-title">
                    {move || match lang.get() {
                        Lang::Zh => format!("历年合计：{school}"),
                        Lang::En => format!("Totals over the years: {school}"),
                    }}
                </h3>
                <table class="pb-compare__kpis">
                    <thead>
                        <tr>
                            <th scope="col">{state.tr("年份", "Year")}</th>
                            <th scope="col">{state.tr("报考人数", "Registered")}</th>
                            <th scope="col">{state.tr("取得证书人数", "Certified")}</th>
                            <th scope="col">{state.tr("通过率（已公布成绩）", "Pass rate (published)")}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
                <CompareCanvas chart caption testid="compare-chart-series"
                    png_testid="compare-chart-series-png" svg_testid="compare-chart-series-svg"
                    heading=SERIES_HEADING
                    file=("历年合计", "Totals over the years")/>
            </div>
        })
    }
}
