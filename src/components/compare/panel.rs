//! Two datasets of the library side by side: the two sides chosen, and what is compared of
//! them: the filters that apply to both, the key figures and their change, the sentence in the
//! report's words, the charts, the rows matched across the two, the years of the school; its
//! slides and its files. The figures are `domain::compare`'s.

use leptos::prelude::*;

use super::charts::{CompareCanvas, RATE_HEADING, REGISTERED_HEADING, SERIES_HEADING};
use super::files::{CompareFiles, FilesInput};
use super::filters::CompareFilters;
use super::rows::CompareRows;
use super::series::{SeriesOverYears, series_memos};
use super::slides::{CompareSlides, SlideChart};
use crate::charts::compare::CompareChart;
use crate::domain::compare::{
    Comparison, KpiLine, Pairing, compare, kpi_lines, rate_shift_chart, registered_chart, sentence,
};
use crate::domain::library::side_name;
use crate::domain::view::CompareView;
use crate::library::{Action, Side, ask, side};
use crate::state::{BoardState, Shared};

/// The comparison on screen, with its sides' datasets.
#[derive(Clone, PartialEq)]
struct Computed {
    view: CompareView,
    comparison: Shared<Comparison>,
    majors: Vec<(String, String)>,
    /// Each side's date (`as_of`).
    as_of: (Option<String>, Option<String>),
    /// Each side's school (`institution`).
    schools: (Option<String>, Option<String>),
}

#[component]
pub fn ComparePanel() -> impl IntoView {
    crate::library::add_styles();
    let state = BoardState::expect();
    let lang = state.lang;
    let catalog = RwSignal::from(crate::library::library().catalog);
    let current = Memo::new(move |_| state.view.with(|v| v.compare.clone()));
    let pairing = Memo::new(move |_| {
        let Some(view) = current.get() else {
            return Pairing::default();
        };
        catalog.with(|c| {
            c.as_ref()
                .map(|c| c.pairing(&view.a, &view.b))
                .unwrap_or_default()
        })
    });
    let computed = Memo::new(move |_| -> Option<Result<Computed, bool>> {
        let view = current.get()?;
        let (a, b) = (side(state, &view.a), side(state, &view.b));
        let (a, b) = match (a, b) {
            (Side::Ready(a), Side::Ready(b)) => (a, b),
            (Side::Unreadable, _) | (_, Side::Unreadable) => return Some(Err(true)),
            _ => return Some(Err(false)),
        };
        let comparison = pairing.with(|pairing| {
            compare(
                a.records.iter().filter(|r| view.admits(r)),
                b.records.iter().filter(|r| view.admits(r)),
                pairing,
            )
        });
        let majors = Comparison::majors(a.records.iter().chain(b.records.iter()));
        Some(Ok(Computed {
            view,
            comparison: Shared::new(comparison),
            majors,
            as_of: (a.as_of.clone(), b.as_of.clone()),
            schools: (a.institution.clone(), b.institution.clone()),
        }))
    });
    let entries =
        move || catalog.with(|c| c.as_ref().map(|c| c.entries.clone()).unwrap_or_default());
    let set_side = move |first: bool, id: String| {
        state.view.update(|v| {
            if let Some(c) = &mut v.compare {
                if first {
                    c.a = id;
                } else {
                    c.b = id;
                }
            }
        });
        if let Some(c) = current.get_untracked() {
            ask(
                state,
                Action::SetComparison {
                    a: c.a.clone(),
                    b: c.b.clone(),
                    pairing: pairing.get_untracked(),
                },
            );
        }
    };
    let update = move |change: &dyn Fn(&mut CompareView)| {
        state.view.update(|v| {
            if let Some(c) = &mut v.compare {
                change(c);
            }
        })
    };
    let close = move |_| state.view.update(|v| v.compare = None);
    // Opened from below (the library), the section comes into sight.
    let section = NodeRef::<leptos::html::Section>::new();
    Effect::new(move || {
        if let Some(section) = section.get()
            && section.get_bounding_client_rect().top() < 0.0
        {
            section.scroll_into_view();
        }
    });
    let select = move |first: bool| {
        let chosen = move || {
            current.with(|c| {
                c.as_ref()
                    .map(|c| if first { c.a.clone() } else { c.b.clone() })
                    .unwrap_or_default()
            })
        };
        view! {
            <select
                class="pb-select"
                data-testid=if first { "compare-a" } else { "compare-b" }
                prop:value=chosen
                on:change=move |ev| set_side(first, event_target_value(&ev))
            >
                <For each=entries key=|e| (e.id.clone(), e.title.clone()) let(entry)>
                    <option value=entry.id.clone() selected=move || chosen() == entry.id>
                        {entry.title.clone()}
                    </option>
                </For>
            </select>
        }
    };

    view! {
        <section id="pb-compare" class="pb-compare" data-testid="compare" node_ref=section
            aria-labelledby="pb-compare-title">
            <div class="pb-compare__head">
                <h2 id="pb-compare-title" class="pb-section-title">
                    {state.tr("两年比较", "Year over year")}
                </h2>
                <button type="button" class="pb-button" data-testid="compare-close" on:click=close>
                    {state.tr("关闭比较", "Close comparison")}
                </button>
            </div>
            <div class="pb-compare__sides">
                <label>{state.tr("较早（A）", "Earlier (A)")} " " {select(true)}</label>
                <label>{state.tr("较晚（B）", "Later (B)")} " " {select(false)}</label>
            </div>
            {move || match computed.get() {
                None => ().into_any(),
                Some(Err(unreadable)) => view! {
                    <p class="pb-compare__wait" data-testid="compare-waiting" role="status">
                        {move || if unreadable {
                            lang.get().pick("这个数据集在浏览器中的存储已损坏，无法比较。", "This dataset's stored copy is damaged and cannot be compared.")
                        } else {
                            lang.get().pick("正在读取数据集…", "Reading the datasets…")
                        }}
                    </p>
                }.into_any(),
                Some(Ok(computed)) => view! { <Compared computed update/> }.into_any(),
            }}
        </section>
    }
}

#[component]
fn Compared(
    computed: Computed,
    update: impl Fn(&dyn Fn(&mut CompareView)) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let state = BoardState::expect();
    let lang = state.lang;
    let Computed {
        view: cv,
        comparison,
        majors,
        as_of,
        schools,
    } = computed;
    if cv.a == cv.b {
        return view! {
            <p class="pb-compare__wait" data-testid="compare-same" role="status">
                {move || lang.get().pick(
                    "请为 A 和 B 选择两个不同的数据集。数据集列表中只有一个时，请先打开另一年的数据文件。",
                    "Choose two different datasets for A and B. With only one in the list, open another year's data file first.",
                )}
            </p>
        }
        .into_any();
    }
    let names = crate::library::library().catalog.with_untracked(|c| {
        let c = c.as_ref()?;
        Some((c.entry(&cv.a)?.clone(), c.entry(&cv.b)?.clone()))
    });
    let titles = names
        .as_ref()
        .map(|(a, b)| (a.title.clone(), b.title.clone()))
        .unwrap_or_default();
    // The years where both sides have their own, else the titles.
    let legend = {
        let names = names.clone();
        Memo::new(move |_| {
            let lang = lang.get();
            names
                .as_ref()
                .map(|(a, b)| (side_name(a, b, lang), side_name(b, a, lang)))
                .unwrap_or_default()
        })
    };
    let sentence_text = {
        let comparison = comparison.clone();
        Signal::derive(move || {
            let earlier = names
                .as_ref()
                .map(|(a, b)| side_name(a, b, lang.get()))
                .unwrap_or_default();
            sentence(&comparison, &earlier, lang.get())
        })
    };
    let kpis = {
        let comparison = comparison.clone();
        Signal::derive(move || kpi_lines(&comparison, lang.get()))
    };
    let heads = Signal::derive(move || {
        let (a, b) = legend.get();
        (format!("A · {a}"), format!("B · {b}"))
    });
    // Memos: a canvas reads its chart for its height, its label and its drawing, and each read
    // of a derived signal would sort the rows again.
    let rate_chart = {
        let comparison = comparison.clone();
        Memo::new(move |_| {
            CompareChart::Rates(rate_shift_chart(&comparison, legend.get(), lang.get()))
        })
    };
    let registered = {
        let comparison = comparison.clone();
        Memo::new(move |_| {
            CompareChart::Registered(registered_chart(&comparison, legend.get(), lang.get()))
        })
    };
    let caption = {
        let (titles, cv, majors) = (titles.clone(), cv.clone(), majors.clone());
        Memo::new(move |_| {
            crate::domain::compare::caption(
                (&titles.0, &titles.1),
                &cv,
                &majors,
                (as_of.0.as_deref(), as_of.1.as_deref()),
                lang.get(),
            )
        })
    };
    let (series, series_chart) = series_memos(state, cv.clone());
    let slide_charts = vec![
        SlideChart {
            heading: RATE_HEADING,
            chart: rate_chart,
        },
        SlideChart {
            heading: REGISTERED_HEADING,
            chart: registered,
        },
        SlideChart {
            heading: SERIES_HEADING,
            chart: series_chart,
        },
    ];
    let files_input = FilesInput {
        charts: slide_charts.clone(),
        caption,
        sentence: sentence_text,
        kpis,
        heads,
        comparison: comparison.clone(),
        order: cv.order,
    };
    let presenting = RwSignal::new(false);
    let stop = Callback::new(move |_: ()| {
        presenting.set(false);
        crate::web::fullscreen::leave();
    });
    let span = Signal::derive(move || {
        let (a, b) = legend.get();
        format!("{a} → {b}")
    });

    view! {
        <CompareFilters view=cv.clone() majors update/>
        <div class="pb-compare__present">
            <button type="button" class="pb-button pb-button--primary" data-testid="compare-present"
                title=state.tr("演示模式：关键数据和各图表，一页一张，全屏", "Presentation: the key figures and each chart, a slide each, full screen")
                on:click=move |_| {
                    // Full screen is asked for at the click (browsers allow it only then); the
                    // slides show once the slide show's chunk is in.
                    crate::web::fullscreen::enter();
                    presenting.set(true);
                }>
                {state.tr("演示比较", "Present the comparison")}
            </button>
            <CompareFiles input=files_input/>
        </div>
        <Show when=move || presenting.get()>
            <CompareSlides span sentence=sentence_text kpis heads charts=slide_charts.clone()
                caption on_exit=stop/>
        </Show>
        <KeyFigures sentence=sentence_text kpis heads titles schools/>
        <CompareCanvas chart=rate_chart caption testid="compare-chart-rate"
            png_testid="compare-chart-png" svg_testid="compare-chart-svg"
            heading=RATE_HEADING
            file=("通过率对比", "Pass rate comparison")/>
        <CompareCanvas chart=registered caption testid="compare-chart-registered"
            png_testid="compare-chart-registered-png" svg_testid="compare-chart-registered-svg"
            heading=REGISTERED_HEADING
            file=("报考人数对比", "Registered comparison")/>
        <CompareRows comparison sides=(cv.a.clone(), cv.b.clone()) order=cv.order/>
        <SeriesOverYears series chart=series_chart caption/>
    }
    .into_any()
}

/// The warning when the two sides are two schools, the sentence, and the key figures of both
/// sides with their change.
#[component]
fn KeyFigures(
    sentence: Signal<String>,
    kpis: Signal<Vec<KpiLine>>,
    /// The columns' heads: "A · 2021年", "B · 2022年".
    heads: Signal<(String, String)>,
    /// The two datasets' titles (the heads' tooltips).
    titles: (String, String),
    /// Each side's school.
    schools: (Option<String>, Option<String>),
) -> impl IntoView {
    let state = BoardState::expect();
    let lang = state.lang;
    let warning = move || {
        crate::domain::compare::institution_warning(
            schools.0.as_deref(),
            schools.1.as_deref(),
            lang.get(),
        )
        .map(|text| view! {
            <p class="pb-compare__warning" role="note" data-testid="compare-institution-warning">
                {text}
            </p>
        })
    };
    view! {
        {warning}
        <p class="pb-compare__sentence" data-testid="compare-sentence">{move || sentence.get()}</p>
        <table class="pb-compare__kpis" data-testid="compare-kpis">
            <thead>
                <tr>
                    <th scope="col"></th>
                    <th scope="col" title=titles.0>{move || heads.get().0}</th>
                    <th scope="col" title=titles.1>{move || heads.get().1}</th>
                    <th scope="col">{state.tr("变化", "Change")}</th>
                </tr>
            </thead>
            <tbody>
                {move || kpis.get().into_iter().map(|line| view! {
                    <tr data-testid="compare-kpi" data-kpi=line.key>
                        <th scope="row">{line.label}</th>
                        <td data-testid="compare-kpi-a">{line.a}</td>
                        <td data-testid="compare-kpi-b">{line.b}</td>
                        <td data-testid="compare-kpi-change">{line.change}</td>
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
    }
}
