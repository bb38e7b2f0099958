//! Presentation mode: the dashboard's charts one per slide, in the slide show of
//! [`slides`](super::slides). The `present` button or the P key starts it (and asks the browser
//! for full screen); Esc leaves. What each slide shows comes from `state::charts`, for the slide
//! show and the PowerPoint file alike.

use std::sync::Arc;

use leptos::html::Button;
use leptos::prelude::*;

use crate::charts::ChartSpec;
use crate::components::present::slides::{BuildDeck, Deck, SlideGeometry, show};
use crate::domain::Lang;
use crate::domain::caption::Caption;
use crate::domain::deck::{deck, group_members};
use crate::state::BoardState;
use crate::state::charts::{deck_plan, slide_content, slide_title, with_a_rate};
use crate::web::canvas::paint;

#[component]
pub fn Presentation(
    /// The dashboard's pass-rate-by-group chart, which the slides page through.
    by_group: Memo<ChartSpec>,
    /// What a slide says about the records: dataset, filters, date.
    caption: Signal<Caption>,
    /// Whether the deck has a slide per group too (the PowerPoint export reads it).
    per_group: RwSignal<bool>,
) -> impl IntoView {
    let state = BoardState::expect();
    let presenting = RwSignal::new(false);
    let button = NodeRef::<Button>::new();

    let start = move || {
        presenting.set(true);
        crate::web::fullscreen::enter();
    };
    let stop = Callback::new(move |_: ()| {
        presenting.set(false);
        crate::web::fullscreen::leave();
        if let Some(button) = button.get_untracked() {
            let _ = button.focus();
        }
    });

    // P starts, anywhere on the page but in a text box.
    let keys = window_event_listener(leptos::ev::keydown, move |ev| {
        let plain = !(ev.ctrl_key() || ev.meta_key() || ev.alt_key());
        if plain
            && !presenting.get_untracked()
            && ev.key().eq_ignore_ascii_case("p")
            && !crate::components::in_form_control(ev.target())
            // Not over the comparison's slides.
            && document().query_selector(".pb-slide").ok().flatten().is_none()
        {
            ev.prevent_default();
            start();
        }
    });
    on_cleanup(move || keys.remove());

    let group_name = move || {
        let lang = state.lang.get();
        state.view.with(|v| v.group_by.label(lang))
    };
    view! {
        <div class="pb-present">
            <button
                class="pb-button pb-button--primary"
                data-testid="present"
                node_ref=button
                aria-keyshortcuts="P"
                title=state.tr("演示模式（P 键）：一页一个图表，全屏", "Presentation (P key): one chart per slide, full screen")
                on:click=move |_| start()
            >
                {state.tr("演示", "Present")}
            </button>
            <label class="pb-check">
                <input
                    type="checkbox"
                    data-testid="present-groups"
                    prop:checked=move || per_group.get()
                    on:change:target=move |ev| per_group.set(ev.target().checked())
                />
                {move || match state.lang.get() {
                    Lang::Zh => format!("演示时每个{}各一页", group_name()),
                    Lang::En => format!("Add a slide for each {}", group_name().to_lowercase()),
                }}
            </label>
        </div>
        <Show when=move || presenting.get()>
            {crate::on_demand::view_with(slide_show, true, move |show: ShowSlides| {
                show(per_group, by_group, caption, stop)
            })}
        </Show>
    }
}

/// What the slides' chunk hands over: builds the slide show.
type ShowSlides = fn(RwSignal<bool>, Memo<ChartSpec>, Signal<Caption>, Callback<()>) -> AnyView;

crate::on_demand! { present:
    fn slide_show() -> ShowSlides {
        |per_group, by_group, caption, on_exit| {
            show(dashboard_deck(per_group, by_group, caption, on_exit))
        }
    }
}

/// The dashboard's deck: each chart over as many slides as its bars need at the show's size,
/// then (when asked for) the pass rate of each group's records.
fn dashboard_deck(
    per_group: RwSignal<bool>,
    by_group: Memo<ChartSpec>,
    caption: Signal<Caption>,
    on_exit: Callback<()>,
) -> BuildDeck {
    Box::new(move |geometry: SlideGeometry| {
        let state = BoardState::expect();
        let rows = geometry.rows;
        let groups = Memo::new(move |_| {
            if !per_group.get() {
                return Vec::new();
            }
            let (lang, group_by) = (state.lang.get(), state.view.with(|v| v.group_by));
            state.with_selection(|selection| group_members(selection, group_by, lang))
        });
        // How many of the matching records have a rate (the rest are named under the last
        // slide of the pass rates).
        let rated = Memo::new(move |_| {
            state
                .dataset
                .with(|d| state.matching.with(|m| with_a_rate(d, m)))
        });
        let plan = Memo::new(move |_| {
            by_group.with(|spec| {
                if per_group.get() {
                    groups.with(|groups| deck_plan(state, rated.get(), spec, Some(groups)))
                } else {
                    deck_plan(state, rated.get(), spec, None)
                }
            })
        });
        let slides = Memo::new(move |_| plan.with(|plan| deck(plan, rows.get())));
        let count = Memo::new(move |_| slides.with(Vec::len));
        let position = geometry.position(count);
        let slide = Memo::new(move |_| slides.with(|s| s[position.get()]));
        let content = Memo::new(move |_| {
            let (slide, rows) = (slide.get(), rows.get());
            plan.with(|plan| {
                by_group.with(|spec| {
                    groups.with(|groups| slide_content(state, slide, rows, plan, spec, groups))
                })
            })
        });
        Deck {
            count,
            position,
            caption: Arc::new(move || caption.get()),
            title: Arc::new(move || {
                content.with(|(title, _)| slide_title(title, slide.get(), state.lang.get()))
            }),
            charted: Arc::new(|| true),
            label: Arc::new(move || {
                content.with(|(title, spec)| state.lang.get().then(title, spec.note()))
            }),
            bars: Arc::new(move || content.with(|(_, spec)| spec.rows())),
            description: Some(Arc::new(move || state.summary.get())),
            paint: Arc::new(move |canvas, device, style| {
                content.with(|(_, spec)| {
                    if let Err(error) = paint(canvas, spec, device, style) {
                        leptos::logging::error!("slide could not be drawn: {error}");
                    }
                })
            }),
            figures: None,
            on_exit,
        }
    })
}
