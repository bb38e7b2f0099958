//! The slide show every deck is shown in (the dashboard's and the comparison's): a slide over
//! the whole window with the dataset, the title and the filters above a stage that the slide's
//! chart fills in the projector's palette, type sized for a meeting room, and the date, the
//! counter and the buttons below; stepped through with the keys presenter clickers send. Esc,
//! or leaving full screen, ends it.
//!
//! The owner of a deck says what its slides are ([`Deck`]) from the geometry the show measures
//! ([`SlideGeometry`]: how many bars a slide's chart holds). The show lives in the `present`
//! chunk; the comparison asks for it with [`slide_frame`].

use std::sync::Arc;

use leptos::html::{Canvas, Div};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::HtmlCanvasElement;

use crate::charts::ChartStyle;
use crate::charts::layout::{SLIDE_ROW_HEIGHT, VALUE_FONT, rows_fitting_in};
use crate::charts::style::Palette;
use crate::domain::caption::Caption;
use crate::state::BoardState;
use crate::web::hooks::use_element_size;

/// The smallest text on a slide, in CSS pixels at 1024×768; it grows with the screen.
pub const MIN_TEXT_PX: f64 = 24.0;

/// Below this width a slide is on a phone, not a projector.
const PHONE_WIDTH: f64 = 640.0;

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

/// What the show measured, for the deck's owner to page its charts by.
#[derive(Clone, Copy)]
pub struct SlideGeometry {
    /// How many bars a slide's chart holds at this screen's type size (at least one).
    pub rows: Memo<usize>,
    /// The slide asked for (by the keys and buttons), maybe past the end of a deck that shrank.
    current: RwSignal<usize>,
}

impl SlideGeometry {
    /// The slide shown: the one asked for, within the deck's `count` slides.
    pub fn position(self, count: Memo<usize>) -> Memo<usize> {
        let current = self.current;
        Memo::new(move |_| current.get().min(count.get().saturating_sub(1)))
    }
}

/// Draws a slide's chart on the show's canvas: the device pixels and the style (the
/// projector's palette at the slide's scale).
pub type Paint = Arc<dyn Fn(&HtmlCanvasElement, (u32, u32), &ChartStyle) + Send + Sync>;

/// A reading of the deck's state (tracked where the show reads it). Plain closures rather than
/// signals: the two decks live in two chunks, and a signal type that both made would be code
/// they share, which the split puts in the first load.
pub type Read<T> = Arc<dyn Fn() -> T + Send + Sync>;

/// What a deck shows, slide by slide: each reading is of the slide at `position`.
pub struct Deck {
    /// How many slides.
    pub count: Memo<usize>,
    /// The slide shown ([`SlideGeometry::position`]).
    pub position: Memo<usize>,
    /// The dataset, the filters and the date around every slide.
    pub caption: Read<Caption>,
    pub title: Read<String>,
    /// Whether the slide has a chart; a slide without one shows `figures` on its stage.
    pub charted: Read<bool>,
    /// The chart's name and its bars (the canvas's `aria-label` and `data-bars`).
    pub label: Read<String>,
    pub bars: Read<usize>,
    /// What a screen reader hears after the chart's name (the dashboard's summary).
    pub description: Option<Read<String>>,
    pub paint: Paint,
    pub figures: Option<ViewFn>,
    /// Ends the show.
    pub on_exit: Callback<()>,
}

/// The deck's owner's part: the deck, from the geometry the show measured.
pub type BuildDeck = Box<dyn FnOnce(SlideGeometry) -> Deck + Send>;

/// Shows a deck (a plain `fn`, so that another chunk can be handed it).
pub fn show(build: BuildDeck) -> AnyView {
    view! { <SlideShow deck=build/> }.into_any()
}

crate::on_demand! { present:
    /// The slide show, for a deck that is not the dashboard's (the comparison's).
    pub fn slide_frame() -> fn(BuildDeck) -> AnyView {
        show
    }
}

#[component]
fn SlideShow(deck: BuildDeck) -> impl IntoView {
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
        rows_fitting_in(width / scale, height / scale, SLIDE_ROW_HEIGHT).max(1)
    });
    let current = RwSignal::new(0usize);
    let Deck {
        count,
        position,
        caption,
        title,
        charted,
        label,
        bars,
        description,
        paint,
        figures,
        on_exit,
    } = deck(SlideGeometry { rows, current });

    let canvas = NodeRef::<Canvas>::new();
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
        paint(&canvas, device, &style);
    });

    let last = move || count.get().saturating_sub(1);
    let go = move |step: isize| current.set(position.get().saturating_add_signed(step).min(last()));
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
            "End" => current.set(last()),
            "Escape" => on_exit.run(()),
            _ => return,
        }
        ev.prevent_default();
    });
    on_cleanup(move || keys.remove());
    // Leaving full screen (Esc, which the browser keeps for itself there) ends the show. The
    // show may open after full screen began (its chunk was still loading), so it starts from
    // what the page is in now.
    let was_fullscreen = StoredValue::new(crate::web::fullscreen::is_on());
    let fullscreen_change = window_event_listener_untyped("fullscreenchange", move |_| {
        let now = crate::web::fullscreen::is_on();
        if was_fullscreen.get_value() && !now {
            on_exit.run(());
        }
        was_fullscreen.set_value(now);
    });
    on_cleanup(move || fullscreen_change.remove());
    // Keys go to the slides from the start.
    Effect::new(move || {
        if let Some(root) = root.get() {
            let _ = root.focus();
        }
    });

    let counter = move || format!("{} / {}", position.get() + 1, count.get());
    let named = title.clone();
    let chart = move || {
        view! {
            <canvas
                node_ref=canvas
                class="pb-slide__canvas"
                data-testid="slide-chart"
                data-type-scale=move || format!("{:.3}", scale.get())
                data-bars={
                    let bars = bars.clone();
                    move || bars().to_string()
                }
                role="img"
                aria-label={
                    let label = label.clone();
                    move || label()
                }
                aria-description={
                    let description = description.clone();
                    move || description.as_ref().map(|d| d())
                }
            ></canvas>
        }
    };
    let figures = move || figures.as_ref().map(ViewFn::run);
    view! {
        <div
            class="pb-slide"
            data-testid="slide"
            node_ref=root
            tabindex="-1"
            role="region"
            aria-roledescription=state.tr("幻灯片", "slide")
            aria-label=move || format!("{} {}", named(), counter())
            data-slide=move || position.get().to_string()
            data-slides=move || count.get().to_string()
        >
            <header class="pb-slide__head">
                <p class="pb-slide__dataset">{
                    let caption = caption.clone();
                    move || caption().dataset
                }</p>
                <h2 class="pb-slide__title" data-testid="slide-title" aria-live="polite">
                    {move || title()}
                </h2>
                <p class="pb-slide__filters">{
                    let caption = caption.clone();
                    move || caption().filters
                }</p>
            </header>
            <div class="pb-slide__stage" node_ref=stage>
                <Show when=move || charted() fallback=figures>
                    {chart.clone()}
                </Show>
            </div>
            <footer class="pb-slide__foot">
                <span>{move || caption().as_of}</span>
                <span class="pb-slide__nav">
                    <button
                        class="pb-slide__button"
                        disabled=move || position.get() == 0
                        on:click=move |_| go(-1)
                    >
                        {state.tr("‹ 上一页", "‹ Back")}
                    </button>
                    <span data-testid="slide-counter">{counter}</span>
                    <button
                        class="pb-slide__button"
                        disabled=move || { position.get() + 1 >= count.get() }
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
