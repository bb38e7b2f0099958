//! Components in a real browser (headless Chromium through wasm-bindgen-test): the app mounts
//! with the built-in report, and opening files through the state updates or keeps the screen.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use pilot_board::App;
use pilot_board::state::BoardState;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// A fresh element in the page for one test to mount into.
fn host() -> web_sys::HtmlElement {
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
