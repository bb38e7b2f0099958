//! The filters that apply to both sides of the comparison (levels, a major) and the order of
//! its rows; each change goes into the comparison's view, and so into the address.

use leptos::prelude::*;

use crate::domain::Level;
use crate::domain::compare::RowOrder;
use crate::domain::view::CompareView;
use crate::state::BoardState;

#[component]
pub fn CompareFilters(
    /// The comparison's view as it is now.
    view: CompareView,
    /// Every major of the two sides: its key and its name.
    majors: Vec<(String, String)>,
    update: impl Fn(&dyn Fn(&mut CompareView)) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let state = BoardState::expect();
    let lang = state.lang;
    let (levels, order) = (view.levels, view.order);
    let major_now = view.major.unwrap_or_default();
    let level_box = move |level: Level| {
        let checked = levels.contains(&level);
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
    }
}
