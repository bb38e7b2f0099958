//! Code the first screen does not need, loaded on first use.
//!
//! A function declared with [`on_demand!`] lives, in the split build (`--features split`, see
//! ARCHITECTURE.md), in a wasm chunk of its own that the browser fetches the first time the
//! function is called; every function named with the same chunk shares it. Calling it is
//! `async` in every build and fails with [`Unavailable`] when the chunk cannot be fetched (no
//! network before the service worker cached it, or a deployment replaced it); an unsplit build
//! (tests, `cargo check`) calls it directly.
//!
//! Views come in two steps so that the component tree is built where it belongs: the chunk
//! hands over a [`Build`] function (a plain `fn`, no captures), and [`OnDemand`] calls it in its
//! own reactive owner once loaded, with a line of its own while the chunk loads or when it
//! cannot.

use std::sync::Arc;

use leptos::prelude::*;

use crate::domain::Lang;

/// A chunk of the page's code could not be fetched.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Unavailable;

impl From<leptos::wasm_split::SplitLoaderError> for Unavailable {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        Unavailable
    }
}

impl Unavailable {
    pub fn describe(self, lang: Lang) -> &'static str {
        lang.pick(
            "这部分页面未能加载：请检查网络连接后重试。",
            "This part of the page could not be loaded: check the network connection and try again.",
        )
    }
}

/// What an on-demand view's chunk hands over: builds the view in the caller's owner.
pub type Build = fn() -> AnyView;

/// Declares a function that lives in the named chunk of the split build:
///
/// ```ignore
/// on_demand! { rest: pub fn below_fold() -> Build { || view! { … }.into_any() } }
/// ```
///
/// The function becomes `async` and returns `Result<T, Unavailable>`.
#[macro_export]
macro_rules! on_demand {
    ($chunk:ident: $(#[$meta:meta])* $vis:vis fn $name:ident($($arg:ident: $ty:ty),* $(,)?) -> $ret:ty $body:block) => {
        $(#[$meta])*
        #[cfg(all(feature = "split", target_arch = "wasm32"))]
        #[::leptos::wasm_split::wasm_split($chunk, wasm_split_path = ::leptos::wasm_split, fallible)]
        $vis fn $name($($arg: $ty),*) -> ::core::result::Result<$ret, $crate::on_demand::Unavailable> {
            ::core::result::Result::Ok($body)
        }
        $(#[$meta])*
        #[cfg(not(all(feature = "split", target_arch = "wasm32")))]
        $vis async fn $name($($arg: $ty),*) -> ::core::result::Result<$ret, $crate::on_demand::Unavailable> {
            ::core::result::Result::Ok($body)
        }
    };
}

/// Where an on-demand view stands.
#[derive(Clone, Copy, PartialEq)]
enum Phase {
    Waiting,
    Ready,
    Failed,
}

/// Shows the view that `load`'s chunk builds (see [`view_with`]).
#[component]
pub fn OnDemand<L, F>(
    load: L,
    /// Say "加载中…" while the chunk loads (for a wait the user can see); else show nothing.
    #[prop(optional)]
    waiting: bool,
) -> impl IntoView
where
    L: Fn() -> F + Copy + Send + Sync + 'static,
    F: Future<Output = Result<Build, Unavailable>> + 'static,
{
    view_with(load, waiting, |build: Build| build())
}

/// Fetches what `load` hands over (a builder from its chunk) and shows `render(builder)` once it
/// is there: before that nothing, or "加载中…" when `waiting`; when the chunk cannot be fetched,
/// a line that says so and offers to try again. (Only the fetch is generic: each use instantiates
/// it, so the rest is one function for all.)
pub fn view_with<B, L, F>(
    load: L,
    waiting: bool,
    render: impl Fn(B) -> AnyView + Send + Sync + 'static,
) -> impl IntoView
where
    B: Copy + Send + Sync + 'static,
    L: Fn() -> F + Copy + Send + Sync + 'static,
    F: Future<Output = Result<B, Unavailable>> + 'static,
{
    let built = StoredValue::new(None::<B>);
    let phase = RwSignal::new(Phase::Waiting);
    let fetch: Arc<dyn Fn() + Send + Sync> = Arc::new(move || {
        phase.set(Phase::Waiting);
        leptos::task::spawn_local(async move {
            let outcome = match load().await {
                Ok(build) => {
                    built.try_set_value(Some(build));
                    loads_done().update(|n| *n += 1);
                    Phase::Ready
                }
                Err(Unavailable) => Phase::Failed,
            };
            phase.try_set(outcome);
        });
    });
    let ready: Box<dyn Fn() -> AnyView + Send + Sync> =
        Box::new(move || built.get_value().map_or_else(|| ().into_any(), &render));
    frame(phase, waiting, fetch, ready)
}

/// What every on-demand view shows around its chunk's view, and its retries.
fn frame(
    phase: RwSignal<Phase>,
    waiting: bool,
    fetch: Arc<dyn Fn() + Send + Sync>,
    ready: Box<dyn Fn() -> AnyView + Send + Sync>,
) -> AnyView {
    let lang = lang_signal();
    fetch();
    // A chunk fetched elsewhere on the page means the network is back: a part that failed tries
    // again by itself, so one 重试 brings every part.
    let seen = loads_done().get_untracked();
    let again = Arc::clone(&fetch);
    Effect::new(move || {
        if loads_done().get() != seen && phase.get_untracked() == Phase::Failed {
            again();
        }
    });
    (move || match phase.get() {
        Phase::Ready => ready(),
        Phase::Waiting if waiting => view! {
            <p class="pb-on-demand" data-testid="on-demand-loading" role="status">
                {move || lang.get().pick("加载中…", "Loading…")}
            </p>
        }
        .into_any(),
        Phase::Waiting => ().into_any(),
        Phase::Failed => {
            let fetch = Arc::clone(&fetch);
            failed_line(lang, move || fetch()).into_any()
        }
    })
    .into_any()
}

/// How many on-demand views have loaded so far on this page. (Reference-counted, so that no
/// component's owner disposes of it.)
fn loads_done() -> ArcRwSignal<u64> {
    thread_local! {
        static LOADS: ArcRwSignal<u64> = ArcRwSignal::new(0);
    }
    LOADS.with(ArcRwSignal::clone)
}

/// What the mechanism needs of the page it serves, which the page hands it once with
/// [`serve`]: the language its lines speak, and the switch that says an action's chunk could
/// not be fetched (shown by [`UnavailableNotice`]). The mechanism knows nothing else of the app.
#[derive(Clone, Copy)]
pub struct OnDemandPage {
    pub lang: RwSignal<Lang>,
    pub unavailable: RwSignal<bool>,
}

thread_local! {
    // (A thread-local rather than a context: one more context type is first-load bytes.)
    static PAGE: std::cell::Cell<Option<OnDemandPage>> = const { std::cell::Cell::new(None) };
}

/// Tells the mechanism which page it serves.
pub fn serve(page: OnDemandPage) {
    PAGE.with(|cell| cell.set(Some(page)));
}

#[inline(never)]
fn page() -> Option<OnDemandPage> {
    PAGE.with(std::cell::Cell::get)
}

/// Runs an on-demand action; when its chunk cannot be fetched, the page says so
/// (`OnDemandPage::unavailable`).
pub fn run<F>(action: F)
where
    F: Future<Output = Result<(), Unavailable>> + 'static,
{
    leptos::task::spawn_local(async move {
        if action.await.is_err() {
            say_unavailable();
        }
    });
}

/// Turns the page's "could not load" line on. (Not generic, and not inlined into each `run`.)
#[inline(never)]
fn say_unavailable() {
    if let Some(page) = page() {
        page.unavailable.try_set(true);
    }
}

/// The interface language, or Chinese before the page provides one.
fn lang_signal() -> Signal<Lang> {
    match page() {
        Some(page) => page.lang.into(),
        None => Signal::stored(Lang::Zh),
    }
}

/// "This part could not be loaded", with a button that tries again.
pub fn failed_line(lang: Signal<Lang>, again: impl Fn() + Send + Sync + 'static) -> impl IntoView {
    view! {
        <p class="pb-on-demand pb-on-demand--failed" data-testid="on-demand-failed" role="alert">
            {move || Unavailable.describe(lang.get())}
            " "
            <button type="button" class="pb-button" on:click=move |_| again()>
                {move || lang.get().pick("重试", "Try again")}
            </button>
        </p>
    }
}

/// The line `run` turns on when an action's chunk could not be fetched.
#[component]
pub fn UnavailableNotice() -> impl IntoView {
    let page = page().expect("the page is served before its notices show");
    let lang = page.lang;
    view! {
        <Show when=move || page.unavailable.get()>
            <p class="pb-on-demand pb-on-demand--failed" data-testid="on-demand-failed" role="alert">
                {move || Unavailable.describe(lang.get())}
                " "
                <button type="button" class="pb-button" on:click=move |_| page.unavailable.set(false)>
                    {move || lang.get().pick("知道了", "Dismiss")}
                </button>
            </p>
        </Show>
    }
}
