//! The views, one component per file. They read the state and place it; the rules live in
//! `domain`.

pub mod chart_panel;
pub mod charts_section;
pub mod compare_files;
pub mod compare_panel;
pub mod compare_slides;
pub mod editing;
pub mod filters;
pub mod header;
pub mod import_preview;
pub mod kpis;
pub mod library_panel;
pub mod link_notice;
pub mod load_errors;
pub mod presentation;
pub mod print_records;
pub mod reconciliation;
pub mod records_table;
pub mod report_files;
pub mod summary;
pub mod summary_figures;
pub mod update_notice;

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
