//! Presentation mode: the charts one per slide, filling the screen, in type sized for a
//! meeting room and a projector's palette, stepped through with the keys presenter clickers
//! send. The `present` button or the P key starts it (and asks the browser for full screen);
//! Esc leaves.

use leptos::html::{Button, Div};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::charts::layout::{SLIDE_ROW_HEIGHT, VALUE_FONT, rows_fitting_in};
use crate::charts::style::Palette;
use crate::charts::{ChartSpec, ChartStyle};
use crate::domain::Lang;
use crate::domain::caption::Caption;
use crate::domain::deck::{deck, group_members};
use crate::state::BoardState;
use crate::state::charts::{deck_plan, slide_content, slide_title, with_a_rate};
use crate::web::canvas::paint;
use crate::web::hooks::use_element_size;

/// The smallest text on a slide, in CSS pixels at 1024×768; it grows with the screen.
pub const MIN_TEXT_PX: f64 = 24.0;

/// Layout pixels are drawn this many CSS pixels large on a screen of `width` × `height`, so
/// that the charts' smallest text is [`MIN_TEXT_PX`] at 1024×768 and grows with the screen.
/// A phone (narrower than [`PHONE_WIDTH`]) is no meeting room: its slides take the type the
/// screen allows, down to the dashboard's own, so that a chart still fits across it.
pub(crate) fn type_scale(width: f64, height: f64) -> f64 {
    let base = MIN_TEXT_PX / VALUE_FONT;
    if width < PHONE_WIDTH {
        return (base * width / 1024.0).max(1.0);
    }
    base * (width / 1024.0).min(height / 768.0).max(1.0)
}

/// Below this width a slide is on a phone, not a projector.
const PHONE_WIDTH: f64 = 640.0;

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
    let current = RwSignal::new(0usize);
    let button = NodeRef::<Button>::new();

    let start = move || {
        current.set(0);
        presenting.set(true);
        fullscreen(
            "requestFullscreen",
            document().document_element().map(Into::into),
        );
    };
    let stop = Callback::new(move |_: ()| {
        presenting.set(false);
        if document().fullscreen_element().is_some() {
            fullscreen("exitFullscreen", Some(document().into()));
        }
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
    // Leaving full screen (Esc, which the browser keeps for itself there) ends the show. The
    // event bubbles from the element through the document to the window.
    let was_fullscreen = StoredValue::new(false);
    let fullscreen_change = window_event_listener_untyped("fullscreenchange", move |_| {
        let now = document().fullscreen_element().is_some();
        if was_fullscreen.get_value() && !now && presenting.get_untracked() {
            stop.run(());
        }
        was_fullscreen.set_value(now);
    });
    on_cleanup(move || fullscreen_change.remove());

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
                show(current, per_group, by_group, caption, stop)
            })}
        </Show>
    }
}

/// What the slides' chunk hands over: builds the slide show.
type ShowSlides =
    fn(RwSignal<usize>, RwSignal<bool>, Memo<ChartSpec>, Signal<Caption>, Callback<()>) -> AnyView;

crate::on_demand! { present:
    /// The slides' style sheet, put in the page (for the comparison's slides too: the sheet
    /// stays in this chunk).
    pub fn add_slides_sheet() -> () {
        crate::web::sheets::add(crate::web::sheets::SLIDES)
    }
}

crate::on_demand! { present:
    fn slide_show() -> ShowSlides {
        |current, per_group, by_group, caption, on_exit| {
            view! { <SlideShow current per_group by_group caption on_exit/> }.into_any()
        }
    }
}

/// The slides, over the whole window.
#[component]
fn SlideShow(
    current: RwSignal<usize>,
    per_group: RwSignal<bool>,
    by_group: Memo<ChartSpec>,
    caption: Signal<Caption>,
    on_exit: Callback<()>,
) -> impl IntoView {
    crate::web::sheets::add(crate::web::sheets::SLIDES);
    let state = BoardState::expect();
    let root = NodeRef::<Div>::new();
    let stage = NodeRef::<Div>::new();
    let screen = use_element_size(root);
    let stage_size = use_element_size(stage);
    let scale = Memo::new(move |_| {
        let (width, height) = screen.get();
        type_scale(width.max(1.0), height.max(1.0))
    });
    // As many bars as the stage holds at this type size.
    let rows = Memo::new(move |_| {
        let (width, height) = stage_size.get();
        let scale = scale.get();
        rows_fitting_in(width / scale, height / scale, SLIDE_ROW_HEIGHT)
    });
    let groups = Memo::new(move |_| {
        if !per_group.get() {
            return Vec::new();
        }
        let (lang, group_by) = (state.lang.get(), state.view.with(|v| v.group_by));
        state.with_selection(|selection| group_members(selection, group_by, lang))
    });
    // How many of the matching records have a rate (the rest are named under the last slide
    // of the pass rates).
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
    let position = move || current.get().min(slides.with(Vec::len) - 1);
    let slide = Memo::new(move |_| slides.with(|s| s[position()]));
    let content = Memo::new(move |_| {
        let (slide, rows) = (slide.get(), rows.get());
        plan.with(|plan| {
            by_group.with(|spec| {
                groups.with(|groups| slide_content(state, slide, rows, plan, spec, groups))
            })
        })
    });
    let summary = state.summary;

    let canvas = NodeRef::<leptos::html::Canvas>::new();
    Effect::new(move || {
        let (Some(canvas), (width, height)) = (canvas.get(), stage_size.get()) else {
            return;
        };
        if width <= 0.0 || height <= 0.0 {
            return;
        }
        let dpr = window().device_pixel_ratio().max(1.0);
        let style = ChartStyle {
            scale: dpr * scale.get(),
            palette: Palette::PROJECTOR,
            row_height: SLIDE_ROW_HEIGHT,
            ..ChartStyle::default()
        };
        let device = ((width * dpr).round() as u32, (height * dpr).round() as u32);
        content.with(|(_, spec)| {
            if let Err(error) = paint(&canvas, spec, device, &style) {
                leptos::logging::error!("slide could not be drawn: {error}");
            }
        });
    });

    let go = move |step: isize| {
        let last = slides.with(Vec::len) - 1;
        current.set(position().saturating_add_signed(step).min(last));
    };
    let keys = window_event_listener(leptos::ev::keydown, move |ev| {
        let on_button = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlButtonElement>().ok())
            .is_some();
        match ev.key().as_str() {
            "ArrowRight" | "ArrowDown" | "PageDown" => go(1),
            " " | "Enter" if !on_button => go(if ev.shift_key() { -1 } else { 1 }),
            "ArrowLeft" | "ArrowUp" | "PageUp" => go(-1),
            "Home" => current.set(0),
            "End" => current.set(slides.with(Vec::len) - 1),
            "Escape" => on_exit.run(()),
            _ => return,
        }
        ev.prevent_default();
    });
    on_cleanup(move || keys.remove());
    // Keys go to the slides from the start.
    Effect::new(move || {
        if let Some(root) = root.get() {
            let _ = root.focus();
        }
    });

    let title =
        move || content.with(|(title, _)| slide_title(title, slide.get(), state.lang.get()));
    let counter = move || format!("{} / {}", position() + 1, slides.with(Vec::len));
    let label = move || content.with(|(title, spec)| state.lang.get().then(title, spec.note()));
    view! {
        <div
            class="pb-slide"
            data-testid="slide"
            node_ref=root
            tabindex="-1"
            role="region"
            aria-roledescription=state.tr("幻灯片", "slide")
            aria-label=move || format!("{} {}", title(), counter())
            data-slide=move || position().to_string()
            data-slides=move || slides.with(Vec::len).to_string()
        >
            <header class="pb-slide__head">
                <p class="pb-slide__dataset">{move || caption.with(|c| c.dataset.clone())}</p>
                <h2 class="pb-slide__title" data-testid="slide-title" aria-live="polite">{title}</h2>
                <p class="pb-slide__filters">{move || caption.with(|c| c.filters.clone())}</p>
            </header>
            <div class="pb-slide__stage" node_ref=stage>
                <canvas
                    node_ref=canvas
                    class="pb-slide__canvas"
                    data-testid="slide-chart"
                    data-type-scale=move || format!("{:.3}", scale.get())
                    data-bars=move || content.with(|(_, spec)| spec.rows().to_string())
                    role="img"
                    aria-label=label
                    aria-description=move || summary.get()
                ></canvas>
            </div>
            <footer class="pb-slide__foot">
                <span>{move || caption.with(|c| c.as_of.clone())}</span>
                <span class="pb-slide__nav">
                    <button
                        class="pb-slide__button"
                        disabled=move || position() == 0
                        on:click=move |_| go(-1)
                    >
                        {state.tr("‹ 上一页", "‹ Back")}
                    </button>
                    <span data-testid="slide-counter">{counter}</span>
                    <button
                        class="pb-slide__button"
                        disabled=move || { position() + 1 >= slides.with(Vec::len) }
                        on:click=move |_| go(1)
                    >
                        {state.tr("下一页 ›", "Next ›")}
                    </button>
                    <button
                        class="pb-slide__button"
                        data-testid="present-exit"
                        aria-keyshortcuts="Escape"
                        on:click=move |_| on_exit.run(())
                    >
                        {state.tr("退出", "Exit")}
                    </button>
                </span>
            </footer>
        </div>
    }
}

/// Calls `requestFullscreen` on an element or `exitFullscreen` on the document. Both return a
/// promise the browser may reject (no user gesture, full screen not allowed in a frame): the
/// slides work without full screen, so a refusal is only noted.
pub(crate) fn fullscreen(method: &str, target: Option<wasm_bindgen::JsValue>) {
    let Some(target) = target else {
        return;
    };
    let call = js_sys::Reflect::get(&target, &method.into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .and_then(|f| f.call0(&target).ok())
        .and_then(|p| p.dyn_into::<js_sys::Promise>().ok());
    if let Some(promise) = call {
        leptos::task::spawn_local(async move {
            if let Err(reason) = wasm_bindgen_futures::JsFuture::from(promise).await {
                leptos::logging::log!("full screen not available: {reason:?}");
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_smallest_text_is_24_px_at_1024_by_768_and_grows() {
        assert_eq!(VALUE_FONT * type_scale(1024.0, 768.0), 24.0);
        assert!(VALUE_FONT * type_scale(1280.0, 800.0) >= 24.0);
        assert!(type_scale(1920.0, 1080.0) > type_scale(1280.0, 800.0));
        // Smaller windows keep the room's minimum.
        assert_eq!(VALUE_FONT * type_scale(800.0, 600.0), 24.0);
    }
}
