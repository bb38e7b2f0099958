//! The certificate + level rows matched across the two sides: a row each with its registered
//! and rates and their change (a caution where few sat), marked new or dropped; the form that
//! pairs by hand a dropped row of A with a new row of B, and the unlink of a pair.

use leptos::prelude::*;

use crate::domain::compare::{CompareRow, Comparison, Pairing, RowOrder, RowStatus, format_points};
use crate::domain::figures::format_rate;
use crate::domain::lang::format_count;
use crate::domain::{Lang, Level};
use crate::library::{Action, ask};
use crate::state::{BoardState, Shared};

/// The pairing of the two sides `a` and `b`, changed and kept with the catalog.
#[derive(Clone, Copy)]
struct Pairs {
    state: BoardState,
    sides: StoredValue<(String, String)>,
}

impl Pairs {
    fn change(self, change: impl FnOnce(&mut Pairing)) {
        let (a, b) = self.sides.get_value();
        let mut pairing = crate::library::library()
            .catalog
            .with_untracked(|c| c.as_ref().map(|c| c.pairing(&a, &b)).unwrap_or_default());
        change(&mut pairing);
        ask(self.state, Action::SetComparison { a, b, pairing });
    }
}

#[component]
pub fn CompareRows(
    comparison: Shared<Comparison>,
    /// The ids of the sides A and B.
    sides: (String, String),
    order: RowOrder,
) -> impl IntoView {
    let state = BoardState::expect();
    let lang = state.lang;
    let pairs = Pairs {
        state,
        sides: StoredValue::new(sides),
    };
    let rows = order
        .arrange(&comparison.rows)
        .into_iter()
        .map(|n| row_view(comparison.rows[n].clone(), pairs, lang))
        .collect_view();
    let note = {
        let comparison = comparison.clone();
        move || {
            let (rows, new, dropped) = (
                comparison.rows.len(),
                comparison.count(RowStatus::New),
                comparison.count(RowStatus::Dropped),
            );
            let both = rows - new - dropped;
            match lang.get() {
                Lang::Zh => format!(
                    "共 {rows} 个证书等级：两年都有 {both}，新增 {new}，不再开展 {dropped}。通过率按已公布成绩计算；同一年的各批次合计。"
                ),
                Lang::En => format!(
                    "{} certificate levels: {both} in both years, {new} new, {dropped} dropped. Pass rates are of published results; a year's batches are summed.",
                    format_count(rows as u64, Lang::En)
                ),
            }
        }
    };
    view! {
        <LinkForm comparison=comparison.clone() pairs/>
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
                <tbody>{rows}</tbody>
            </table>
        </div>
        <p class="pb-compare__note">{note}</p>
    }
}

/// A row of the table.
fn row_view(row: CompareRow, pairs: Pairs, lang: RwSignal<Lang>) -> impl IntoView + use<> {
    let status = row.status();
    let level = row.level();
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
    let key = row.key.clone();
    let unlink = move |_| {
        let key = key.clone();
        pairs.change(move |p| p.unlink(&key));
    };
    let count = |n: Option<u64>| n.map_or_else(|| "--".to_string(), |n| n.to_string());
    view! {
        <tr data-testid="compare-row" data-key=row.key.clone() data-status=status_code
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
}

/// Two rows that are one certificate under different names, paired by hand: a dropped row of
/// A and a new row of B (shown only when there are both).
#[component]
fn LinkForm(comparison: Shared<Comparison>, pairs: Pairs) -> impl IntoView {
    let state = BoardState::expect();
    let lang = state.lang.get_untracked();
    let choices = |status: RowStatus| -> Vec<(String, String)> {
        comparison
            .rows
            .iter()
            .filter(|r| r.status() == status)
            .map(|r| (r.key.clone(), label(r.name(), r.level(), lang)))
            .collect()
    };
    let (dropped, new) = (choices(RowStatus::Dropped), choices(RowStatus::New));
    if dropped.is_empty() || new.is_empty() {
        return None;
    }
    let link_a = RwSignal::new(dropped[0].0.clone());
    let link_b = RwSignal::new(new[0].0.clone());
    let link = move |_| {
        let (a, b) = (link_a.get_untracked(), link_b.get_untracked());
        if !a.is_empty() && !b.is_empty() {
            pairs.change(|p| p.link(&a, &b));
        }
    };
    let options = |choices: Vec<(String, String)>| {
        choices
            .into_iter()
            .map(|(key, text)| view! { <option value=key>{text}</option> })
            .collect_view()
    };
    Some(view! {
        <div class="pb-compare__link" data-testid="compare-link-form">
            <span>{state.tr(
                "名称对不上、其实是同一证书的两行，可以手动配对：",
                "Pair by hand two rows that are one certificate under different names:",
            )}</span>
            <select class="pb-select" data-testid="compare-link-a"
                on:change=move |ev| link_a.set(event_target_value(&ev))>
                {options(dropped)}
            </select>
            <span>"↔"</span>
            <select class="pb-select" data-testid="compare-link-b"
                on:change=move |ev| link_b.set(event_target_value(&ev))>
                {options(new)}
            </select>
            <button type="button" class="pb-button" data-testid="compare-link" on:click=link>
                {state.tr("配对", "Link")}
            </button>
        </div>
    })
}

/// A row as the link form names it.
fn label(name: &str, level: Level, lang: Lang) -> String {
    format!("{name} · {}", level.label(lang))
}
