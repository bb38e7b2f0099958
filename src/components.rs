//! The views, in folders by what loads together (see ARCHITECTURE.md, "What loads when"). They
//! read the state and place it; the rules live in `domain`, what the charts and slides show in
//! `state::charts`.

pub mod board;
pub mod compare;
pub mod files;
pub mod library;
pub mod notices;
pub mod present;
pub mod records;
pub mod report_files;

/// Whether an event's target is a form control (a text box, a select, editable text): keys and
/// pastes there are the control's, not the page's shortcuts.
pub fn in_form_control(target: Option<web_sys::EventTarget>) -> bool {
    use wasm_bindgen::JsCast;
    target
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|e| {
            matches!(e.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                || e.has_attribute("contenteditable")
        })
}
