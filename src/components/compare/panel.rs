//! Two datasets of the library side by side: the two sides chosen, the filters that apply to
//! both, the key figures and their change, the sentence in the report's words, the chart of
//! pass rates, and the certificate + level rows matched across the two, with the links and
//! unlinks the user makes. The figures are `domain::compare`'s.

use leptos::prelude::*;

use crate::charts::compare::CompareChart;
use crate::charts::style::Palette;
use crate::charts::{Chart, ChartStyle};
use crate::components::compare::files::{CompareFiles, FilesInput};
use crate::components::compare::slides::{CompareSlides, SlideChart};
use crate::domain::caption::Caption;
use crate::domain::compare::{
    Comparison, Pairing, RowOrder, RowStatus, YearFigures, compare, format_points, kpi_lines,
    rate_shift_chart, registered_chart, sentence, series_chart,
};
use crate::domain::figures::Totals;
use crate::domain::figures::format_rate;
use crate::domain::lang::format_count;
use crate::domain::library::{series_of, side_name};
use crate::domain::view::CompareView;
use crate::domain::{Lang, Level};
use crate::library::{Action, Side, act};
use crate::state::{BoardState, Shared};

/// The charts' titles, on the page, on slides and in pictures.
const RATE_HEADING: (&str, &str) = (
    "各证书等级通过率：A（空心）→ B（实心）",
    "Pass rate by certificate level: A (hollow) → B (filled)",
);
const REGISTERED_HEADING: (&str, &str) = (
    "各证书等级报考人数：A（浅色斜线）、B（深色）",
    "Registered by certificate level: A (light, hatched), B (dark)",
);
const SERIES_HEADING: (&str, &str) = ("历年报考与获证人数", "Registered and certified by year");

fn run(state: BoardState, action: Action) {
    crate::on_demand::run(act(state, action));
}

/// One side's dataset: the one on screen live, another as the library read it.
fn side(state: BoardState, id: &str) -> Side {
    if state.library_id.with(|a| a.as_deref() == Some(id)) {
        return state.dataset.with(|d| Side::Ready(Shared::new(d.clone())));
    }
    match crate::library::library().sides.with(|s| s.get(id).cloned()) {
        Some(side) => side,
        None => {
            run(state, Action::LoadSide(id.to_string()));
            Side::Loading
        }
    }
}

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
            run(
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
    let earlier = {
        let names = names.clone();
        move || {
            names
                .as_ref()
                .map(|(a, b)| side_name(a, b, lang.get()))
                .unwrap_or_default()
        }
    };
    let comparison_for_sentence = comparison.clone();
    let sentence_text = move || sentence(&comparison_for_sentence, &earlier(), lang.get());
    let comparison_for_kpis = comparison.clone();
    let kpis = move || kpi_lines(&comparison_for_kpis, lang.get());
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
    let years = move || {
        let (a, b) = legend.get();
        (format!("A · {a}"), format!("B · {b}"))
    };
    let titles = names.map(|(a, b)| (a.title, b.title)).unwrap_or_default();
    let presenting = RwSignal::new(false);
    let stop = Callback::new(move |_: ()| {
        presenting.set(false);
        crate::web::fullscreen::leave();
    });
    let slides_span = Signal::derive(move || {
        let (a, b) = legend.get();
        format!("{a} → {b}")
    });
    let slides_sentence = Signal::derive(sentence_text.clone());
    let slides_kpis = Signal::derive(kpis.clone());
    let slides_heads = Signal::derive(years);
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

    let (a_id, b_id) = (cv.a.clone(), cv.b.clone());
    let pairing = {
        let (a, b) = (cv.a.clone(), cv.b.clone());
        move || {
            crate::library::library()
                .catalog
                .with_untracked(|c| c.as_ref().map(|c| c.pairing(&a, &b)).unwrap_or_default())
        }
    };
    let save_pairing = move |change: &dyn Fn(&mut Pairing)| {
        let mut p = pairing();
        change(&mut p);
        run(
            state,
            Action::SetComparison {
                a: a_id.clone(),
                b: b_id.clone(),
                pairing: p,
            },
        );
    };
    let save_pairing = StoredValue::new(std::sync::Arc::new(save_pairing));

    // Linking: a dropped row of A and a new row of B.
    let dropped: Vec<(String, String)> = comparison
        .rows
        .iter()
        .filter(|r| r.status() == RowStatus::Dropped)
        .map(|r| {
            (
                r.key.clone(),
                label(r.name(), r.level(), lang.get_untracked()),
            )
        })
        .collect();
    let new: Vec<(String, String)> = comparison
        .rows
        .iter()
        .filter(|r| r.status() == RowStatus::New)
        .map(|r| {
            (
                r.key.clone(),
                label(r.name(), r.level(), lang.get_untracked()),
            )
        })
        .collect();
    let link_a = RwSignal::new(dropped.first().map(|d| d.0.clone()).unwrap_or_default());
    let link_b = RwSignal::new(new.first().map(|d| d.0.clone()).unwrap_or_default());
    let can_link = !dropped.is_empty() && !new.is_empty();
    let link = move |_| {
        let (a, b) = (link_a.get_untracked(), link_b.get_untracked());
        if !a.is_empty() && !b.is_empty() {
            save_pairing.with_value(|save| save(&|p: &mut Pairing| p.link(&a, &b)));
        }
    };

    let order = cv.order;
    let places = order.arrange(&comparison.rows);
    let rows_view = places
        .into_iter()
        .map(|n| {
            let row = comparison.rows[n].clone();
            let status = row.status();
            let level = row.level();
            let key = row.key.clone();
            let caution = row.caution();
            let change = row.rate_change();
            let mark = move || match status {
                RowStatus::Both => "",
                RowStatus::New => lang.get().pick("新增", "New"),
                RowStatus::Dropped => lang.get().pick("不再开展", "Dropped"),
            };
            let status_code = match status {
                RowStatus::Both => "both",
                RowStatus::New => "new",
                RowStatus::Dropped => "dropped",
            };
            let unlink_key = key.clone();
            let unlink = move |_| {
                let key = unlink_key.clone();
                save_pairing.with_value(|save| save(&|p: &mut Pairing| p.unlink(&key)));
            };
            let count = |n: Option<u64>| n.map_or_else(|| "--".to_string(), |n| n.to_string());
            view! {
                <tr data-testid="compare-row" data-key=key.clone() data-status=status_code
                    class=format!("pb-compare__row pb-compare__row--{status_code}")>
                    <th scope="row">
                        {row.name().to_string()}
                        " · "
                        {move || level.label(lang.get())}
                        {(status != RowStatus::Both).then(|| view! {
                            " " <span class="pb-compare__mark" data-testid="compare-mark">{mark}</span>
                        })}
                        {row.linked.then(|| view! {
                            " " <span class="pb-compare__mark">{move || lang.get().pick("手动配对", "Linked by hand")}</span>
                        })}
                    </th>
                    <td data-testid="compare-registered-a">{count(row.registered_a())}</td>
                    <td data-testid="compare-registered-b">{count(row.registered_b())}</td>
                    <td data-testid="compare-rate-a">{format_rate(row.rate_a())}</td>
                    <td data-testid="compare-rate-b">{format_rate(row.rate_b())}</td>
                    <td data-testid="compare-rate-change"
                        class:pb-compare__up=change.is_some_and(|c| c > 0)
                        class:pb-compare__down=change.is_some_and(|c| c < 0)>
                        {change.map_or_else(|| "--".to_string(), format_points)}
                        {caution.map(|(na, nb)| view! {
                            <span class="pb-compare__caution" data-testid="compare-caution">
                                {move || match lang.get() {
                                    Lang::Zh => format!("（人数少：{na} → {nb}）"),
                                    Lang::En => format!(" (few examinees: {na} → {nb})"),
                                }}
                            </span>
                        })}
                    </td>
                    <td>
                        {(status == RowStatus::Both).then(|| view! {
                            <button type="button" class="pb-button pb-button--small"
                                data-testid="compare-unlink" on:click=unlink>
                                {move || lang.get().pick("拆开", "Unlink")}
                            </button>
                        })}
                    </td>
                </tr>
            }
        })
        .collect_view();

    let (series, series_chart_memo) = series_memos(state, cv.clone());
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
            chart: series_chart_memo,
        },
    ];
    let files_input = FilesInput {
        charts: slide_charts.clone(),
        caption,
        sentence: slides_sentence,
        kpis: slides_kpis,
        heads: slides_heads,
        comparison: comparison.clone(),
        order: cv.order,
    };
    let level_box = move |level: Level| {
        let checked = cv.levels.contains(&level);
        view! {
            <label class="pb-compare__level">
                <input type="checkbox" data-testid="compare-level" value=level.as_str()
                    checked=checked
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        update(&|c: &mut CompareView| {
                            if on {
                                c.levels.insert(level);
                            } else {
                                c.levels.remove(&level);
                            }
                        });
                    }/>
                {move || level.label(lang.get())}
            </label>
        }
    };
    let major_now = cv.major.clone().unwrap_or_default();

    view! {
        <div class="pb-compare__filters">
            <fieldset class="pb-compare__levels">
                <legend>{state.tr("等级", "Level")}</legend>
                {Level::ALL.into_iter().map(level_box).collect_view()}
            </fieldset>
            <label>
                {state.tr("专业 ", "Major ")}
                <select class="pb-select" data-testid="compare-major"
                    on:change=move |ev| {
                        let value = event_target_value(&ev);
                        update(&|c: &mut CompareView| {
                            c.major = (!value.is_empty()).then(|| value.clone());
                        });
                    }>
                    <option value="" selected=major_now.is_empty()>{state.tr("全部专业", "All majors")}</option>
                    {majors.into_iter().map(|(key, name)| {
                        let selected = key == major_now;
                        view! { <option value=key selected=selected>{name}</option> }
                    }).collect_view()}
                </select>
            </label>
            <label>
                {state.tr("排序 ", "Order ")}
                <select class="pb-select" data-testid="compare-order"
                    on:change=move |ev| {
                        let order = RowOrder::from_code(&event_target_value(&ev)).unwrap_or_default();
                        update(&|c: &mut CompareView| c.order = order);
                    }>
                    <option value="data" selected=order == RowOrder::Data>{state.tr("按数据顺序", "Data order")}</option>
                    <option value="fall" selected=order == RowOrder::Fall>{state.tr("通过率降幅最大在前", "Largest fall first")}</option>
                    <option value="rise" selected=order == RowOrder::Rise>{state.tr("通过率升幅最大在前", "Largest rise first")}</option>
                </select>
            </label>
        </div>
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
            <CompareSlides span=slides_span sentence=slides_sentence kpis=slides_kpis
                heads=slides_heads charts=slide_charts.clone() caption on_exit=stop/>
        </Show>
        {move || {
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
        }}
        <p class="pb-compare__sentence" data-testid="compare-sentence">{sentence_text}</p>
        <table class="pb-compare__kpis" data-testid="compare-kpis">
            <thead>
                <tr>
                    <th scope="col"></th>
                    <th scope="col" title=titles.0.clone()>{move || years().0}</th>
                    <th scope="col" title=titles.1.clone()>{move || years().1}</th>
                    <th scope="col">{state.tr("变化", "Change")}</th>
                </tr>
            </thead>
            <tbody>
                {move || kpis().into_iter().map(|line| view! {
                    <tr data-testid="compare-kpi" data-kpi=line.key>
                        <th scope="row">{line.label}</th>
                        <td data-testid="compare-kpi-a">{line.a}</td>
                        <td data-testid="compare-kpi-b">{line.b}</td>
                        <td data-testid="compare-kpi-change">{line.change}</td>
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
        <CompareCanvas chart=rate_chart caption testid="compare-chart-rate"
            png_testid="compare-chart-png" svg_testid="compare-chart-svg"
            heading=RATE_HEADING
            file=("通过率对比", "Pass rate comparison")/>
        <CompareCanvas chart=registered caption testid="compare-chart-registered"
            png_testid="compare-chart-registered-png" svg_testid="compare-chart-registered-svg"
            heading=REGISTERED_HEADING
            file=("报考人数对比", "Registered comparison")/>
        {can_link.then(|| view! {
            <div class="pb-compare__link" data-testid="compare-link-form">
                <span>{state.tr(
                    "名称对不上、其实是同一证书的两行，可以手动配对：",
                    "Pair by hand two rows that are one certificate under different names:",
                )}</span>
                <select class="pb-select" data-testid="compare-link-a"
                    on:change=move |ev| link_a.set(event_target_value(&ev))>
                    {dropped.into_iter().map(|(key, text)| view! { <option value=key>{text}</option> }).collect_view()}
                </select>
                <span>"↔"</span>
                <select class="pb-select" data-testid="compare-link-b"
                    on:change=move |ev| link_b.set(event_target_value(&ev))>
                    {new.into_iter().map(|(key, text)| view! { <option value=key>{text}</option> }).collect_view()}
                </select>
                <button type="button" class="pb-button" data-testid="compare-link" on:click=link>
                    {state.tr("配对", "Link")}
                </button>
            </div>
        })}
        <div class="pb-compare__table-wrap">
            <table class="pb-compare__table" data-testid="compare-table">
                <thead>
                    <tr>
                        <th scope="col">{state.tr("证书 · 等级", "Certificate · level")}</th>
                        <th scope="col">{state.tr("报考 A", "Registered A")}</th>
                        <th scope="col">{state.tr("报考 B", "Registered B")}</th>
                        <th scope="col">{state.tr("通过率 A", "Pass rate A")}</th>
                        <th scope="col">{state.tr("通过率 B", "Pass rate B")}</th>
                        <th scope="col">{state.tr("变化（百分点）", "Change (points)")}</th>
                        <th scope="col"><span class="pb-visually-hidden">{state.tr("配对", "Pairing")}</span></th>
                    </tr>
                </thead>
                <tbody>{rows_view}</tbody>
            </table>
        </div>
        <p class="pb-compare__note">
            {move || {
                let (rows, new, dropped) = (
                    comparison.rows.len(),
                    comparison.count(RowStatus::New),
                    comparison.count(RowStatus::Dropped),
                );
                match lang.get() {
                    Lang::Zh => format!("共 {rows} 个证书等级：两年都有 {}，新增 {new}，不再开展 {dropped}。通过率按已公布成绩计算；同一年的各批次合计。", rows - new - dropped),
                    Lang::En => format!("{} certificate levels: {} in both years, {new} new, {dropped} dropped. Pass rates are of published results; a year's batches are summed.", format_count(rows as u64, Lang::En), rows - new - dropped),
                }
            }}
        </p>
        <SeriesOverYears series chart=series_chart_memo caption/>
    }
    .into_any()
}

/// A school's years as the comparison shows them: every year the library holds (when at
/// least three), `Err` while some are being read, and the chart of them.
type Series = Option<Result<(String, Vec<YearFigures>), ()>>;

/// The series over the years of the comparison `view` and its chart, as memos.
fn series_memos(state: BoardState, view: CompareView) -> (Memo<Series>, Memo<CompareChart>) {
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
fn SeriesOverYears(
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

/// A row as the link form names it.
fn label(name: &str, level: Level, lang: Lang) -> String {
    format!("{name} · {}", level.label(lang))
}

/// One of the comparison's charts on a canvas (drawn by `charts::compare`), redrawn when the
/// rows, the width or the theme change, with its exports: PNG pictures a slide in size (a
/// long chart over several) and one SVG, both under the chart's title and `caption`, as the
/// dashboard's charts leave the page. `heading` and `file` (a file name's start) are in
/// Chinese and English.
#[component]
fn CompareCanvas(
    #[prop(into)] chart: Signal<CompareChart>,
    #[prop(into)] caption: Signal<Caption>,
    testid: &'static str,
    png_testid: &'static str,
    svg_testid: &'static str,
    heading: (&'static str, &'static str),
    file: (&'static str, &'static str),
) -> impl IntoView {
    use crate::charts::layout::chart_height_at;
    use leptos::html::{Canvas, Div};
    let state = BoardState::expect();
    let prefs = use_context::<crate::web::prefs::Prefs>();
    let container = NodeRef::<Div>::new();
    let canvas = NodeRef::<Canvas>::new();
    let width = crate::web::hooks::use_element_width(container);
    let height = move || chart_height_at(width.get(), chart.with(Chart::rows));
    Effect::new(move || {
        let (Some(canvas), css_width) = (canvas.get(), width.get()) else {
            return;
        };
        if css_width <= 0.0 {
            return;
        }
        let scale = window().device_pixel_ratio().max(1.0);
        let style = ChartStyle {
            scale,
            palette: prefs.map_or(Palette::LIGHT, crate::web::prefs::Prefs::palette),
            ..ChartStyle::default()
        };
        let device = (
            (css_width * scale).round() as u32,
            (height() * scale).round() as u32,
        );
        chart.with(|chart| {
            match crate::web::canvas::paint_with(&canvas, device, |area| chart.draw(area, &style)) {
                Ok(layout) => {
                    let _ = canvas.set_attribute("data-rows", &layout.rows.to_string());
                }
                Err(error) => leptos::logging::error!("the comparison chart: {error}"),
            }
        });
    });
    let status = RwSignal::new(None::<(bool, String)>);
    let export = move |png: bool| {
        let (chart, caption) = (chart.get_untracked(), caption.get_untracked());
        let lang = state.lang.get_untracked();
        let title = lang.pick(heading.0, heading.1).to_string();
        let (a, b) = chart.span();
        let stem = format!("{} {a}→{b}", lang.pick(file.0, file.1));
        let pictures = export_pages(&chart, &title, &stem, png, lang);
        leptos::task::spawn_local(async move {
            use crate::web::download::{download, download_blob};
            use crate::web::export::{SLIDE_SIZES, fonts_ready, framed_canvas, png_blob};
            fonts_ready().await;
            let size = SLIDE_SIZES[0];
            let mut outcome = Ok(true);
            for (chart, title, name) in &pictures {
                outcome = if png {
                    match framed_canvas(chart, title, &caption, size) {
                        Ok(canvas) => png_blob(&canvas)
                            .await
                            .map(|blob| download_blob(name, &blob)),
                        Err(error) => Err(error),
                    }
                } else {
                    crate::charts::framed::framed_svg(chart, title, &caption, size)
                        .map(|svg| download(name, "image/svg+xml", svg.as_bytes()))
                };
                if !matches!(outcome, Ok(true)) {
                    break;
                }
            }
            let what = if png { "PNG" } else { "SVG" };
            status.set(Some(match (outcome, lang) {
                (Ok(true), Lang::Zh) => (true, format!("已导出 {} 个 {what} 文件", pictures.len())),
                (Ok(true), Lang::En) => {
                    (true, format!("{} {what} file(s) exported", pictures.len()))
                }
                (_, Lang::Zh) => (false, format!("{what} 没能导出")),
                (_, Lang::En) => (false, format!("The {what} could not be exported")),
            }));
        });
    };
    let label = move || {
        let (a, b) = chart.with(CompareChart::span);
        format!("{}：{a} → {b}", state.lang.get().pick(heading.0, heading.1))
    };
    view! {
        <figure class="pb-compare__figure">
            <figcaption class="pb-compare__figure-head">
                <span>{state.tr(heading.0, heading.1)}</span>
                <span class="pb-compare__exports">
                    <button type="button" class="pb-button" data-testid=png_testid
                        on:click=move |_| export(true)>
                        {state.tr("导出 PNG", "Export PNG")}
                    </button>
                    <button type="button" class="pb-button" data-testid=svg_testid
                        on:click=move |_| export(false)>
                        {state.tr("导出 SVG", "Export SVG")}
                    </button>
                </span>
            </figcaption>
            {move || status.get().map(|(ok, text)| view! {
                <p class="pb-compare__export-status" class:pb-compare__export-status--failed=!ok
                    role="status">{text}</p>
            })}
            <div class="pb-compare__chart" node_ref=container>
                <canvas node_ref=canvas data-testid=testid role="img"
                    aria-label=label style:height=move || format!("{}px", height())
                    style:width="100%"></canvas>
            </div>
        </figure>
    }
}

/// The pictures a chart leaves the page as: for PNG, a slide-sized page each for as many rows
/// as a slide holds (numbered where there are several); for SVG one picture of every row.
fn export_pages(
    chart: &CompareChart,
    title: &str,
    stem: &str,
    png: bool,
    lang: Lang,
) -> Vec<(CompareChart, String, String)> {
    use crate::domain::table::file_name;
    let today = crate::web::download::today();
    let per_page = crate::charts::framed::rows_per_page(crate::web::export::SLIDE_SIZES[0]);
    let pages = if png {
        chart.rows().div_ceil(per_page).max(1)
    } else {
        1
    };
    let ext = if png { "png" } else { "svg" };
    if pages == 1 {
        return vec![(
            chart.clone(),
            title.to_string(),
            file_name(stem, &today, ext),
        )];
    }
    (0..pages)
        .map(|page| {
            let part = match lang {
                Lang::Zh => format!("第{}页（共{pages}页）", page + 1),
                Lang::En => format!("page {} of {pages}", page + 1),
            };
            (
                chart.page(page * per_page, per_page),
                lang.with_aside(title, &format!("{}/{pages}", page + 1)),
                file_name(&format!("{stem} {part}"), &today, ext),
            )
        })
        .collect()
}
