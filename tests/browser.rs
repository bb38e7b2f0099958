//! Components in a real browser (headless Chromium through wasm-bindgen-test): the app mounts
//! with the built-in report, and opening files through the state updates or keeps the screen.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use pilot_board::App;
use pilot_board::state::BoardState;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// A fresh element in the page for one test to mount into, with the address reset (the app
/// keeps its view there, and an earlier test may have left filters in it).
fn host() -> web_sys::HtmlElement {
    let window = web_sys::window().unwrap();
    let path = window.location().pathname().unwrap();
    window
        .history()
        .unwrap()
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&path))
        .unwrap();
    let document = document();
    let host: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&host).unwrap();
    host
}

fn text_of(host: &web_sys::HtmlElement, test_id: &str) -> Option<String> {
    host.query_selector(&format!("[data-testid='{test_id}']"))
        .unwrap()
        .and_then(|element| element.text_content())
}

#[wasm_bindgen_test]
async fn the_app_mounts_with_the_2021_report() {
    let host = host();
    let handle = leptos::mount::mount_to(host.clone(), App);
    leptos::task::tick().await;
    assert_eq!(text_of(&host, "kpi-records").as_deref(), Some("38"));
    assert_eq!(text_of(&host, "kpi-pass-rate").as_deref(), Some("72.16%"));
    assert_eq!(
        text_of(&host, "kpi-pass-rate-all").as_deref(),
        Some("65.97%")
    );
    let rows = host
        .query_selector_all("[data-testid='record-row']")
        .unwrap();
    assert_eq!(rows.length(), 38);
    assert!(text_of(&host, "load-error").is_none());
    drop(handle);
}

/// Mounts the app and hands back its state, as the components see it.
fn mount_with_state(
    host: &web_sys::HtmlElement,
) -> (leptos::mount::UnmountHandle<impl Mountable>, BoardState) {
    let state = StoredValue::new_local(None::<BoardState>);
    let handle = leptos::mount::mount_to(host.clone(), move || {
        let view = App();
        state.set_value(Some(BoardState::expect()));
        view
    });
    (handle, state.get_value().expect("App provides the state"))
}

#[wasm_bindgen_test]
async fn a_refused_file_is_listed_and_the_figures_stay() {
    let host = host();
    let (handle, state) = mount_with_state(&host);
    leptos::task::tick().await;

    assert!(!state.open_file(
        "bad.json",
        br#"{"format": "1x-pilot-dataset", "version": 1}"#
    ));
    leptos::task::tick().await;
    let error = text_of(&host, "load-error").expect("the error list is shown");
    assert!(error.contains("发现 2 个问题"), "{error}");
    assert!(error.contains("键“title”"), "{error}");
    assert_eq!(text_of(&host, "kpi-registered").as_deref(), Some("3482"));

    let good = r#"{"format": "1x-pilot-dataset", "version": 1, "title": "新数据", "records": [
        {"batch": "b", "certificate": "c", "level": "初级", "majors": [], "registered": 8, "certified": 6}]}"#;
    assert!(state.open_file("good.json", good.as_bytes()));
    leptos::task::tick().await;
    assert!(
        text_of(&host, "load-error").is_none(),
        "a good file clears the old errors"
    );
    assert_eq!(text_of(&host, "dataset-title").as_deref(), Some("新数据"));
    assert_eq!(text_of(&host, "kpi-pass-rate").as_deref(), Some("75.00%"));
    drop(handle);
}

/// Waits a little for the browser (resize observers and animation frames run outside Rust).
async fn pause(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

#[wasm_bindgen_test]
async fn charts_draw_on_their_canvases_and_follow_the_filter() {
    let host = host();
    host.style().set_property("width", "900px").unwrap();
    let (handle, state) = mount_with_state(&host);
    let canvas = |id: &str| -> web_sys::HtmlCanvasElement {
        host.query_selector(&format!("[data-testid='{id}']"))
            .unwrap()
            .expect("the chart's canvas is there")
            .unchecked_into()
    };
    let draws = |id: &str| canvas(id).get_attribute("data-draw-count");
    // The other two charts come with an on-demand part of the page (at once in this unsplit
    // build, but after the first screen all the same).
    let drawn = |id: &str| {
        host.query_selector(&format!("[data-testid='{id}']"))
            .unwrap()
            .is_some_and(|c| c.has_attribute("data-draw-count"))
    };
    for _ in 0..40 {
        if drawn("chart-by-group") {
            break;
        }
        pause(25).await;
    }
    for id in [
        "chart-pass-rate",
        "chart-registered-certified",
        "chart-by-group",
    ] {
        assert_eq!(draws(id).as_deref(), Some("1"), "{id} drawn once");
        let scale = web_sys::window().unwrap().device_pixel_ratio();
        let css_width = canvas(id).get_bounding_client_rect().width();
        assert_eq!(
            canvas(id).width(),
            (css_width * scale).round() as u32,
            "{id}"
        );
    }

    state.view.update(|v| {
        v.filter
            .levels
            .insert(pilot_board::domain::Level::Elementary);
    });
    leptos::task::tick().await;
    pause(50).await;
    assert_eq!(text_of(&host, "kpi-records").as_deref(), Some("3"));
    assert_eq!(
        draws("chart-pass-rate").as_deref(),
        Some("2"),
        "redrawn once per change"
    );
    drop(handle);
}

#[wasm_bindgen_test]
async fn a_chart_becomes_a_png_of_the_size_asked_for() {
    use pilot_board::charts::{ChartSpec, ChartStyle};
    use pilot_board::domain::builtin::report_2021;
    use pilot_board::domain::chart_data::{Window, pass_rate_by_certificate};
    use pilot_board::domain::index::{DatasetIndex, Selected};
    use pilot_board::domain::view::RateDefinition;
    use pilot_board::domain::{Filter, Lang};

    let dataset = report_2021();
    let index = DatasetIndex::new(&dataset);
    let all = Selected::new(&dataset, &index, index.matching(&Filter::default()));
    let window = Window { first: 0, size: 12 };
    let spec = ChartSpec::Rate(pass_rate_by_certificate(
        all.selection(&dataset, &index),
        RateDefinition::Published,
        false,
        window,
        Lang::Zh,
    ));
    let style = ChartStyle {
        scale: 2.5,
        ..ChartStyle::default()
    };
    let picture = pilot_board::web::export::chart_picture(&spec, (640.0, 400.0), &style)
        .await
        .expect("drawn");
    assert_eq!((picture.width, picture.height), (1600, 1000));
    assert_eq!(&picture.png[..8], b"\x89PNG\r\n\x1a\n");
    // The PNG's own header says the same size.
    let size = |at: usize| u32::from_be_bytes(picture.png[at..at + 4].try_into().unwrap());
    assert_eq!((size(16), size(20)), (1600, 1000));
    // A chart, not an empty canvas: far more than a blank picture compresses to.
    assert!(picture.png.len() > 20_000, "{}", picture.png.len());
}
