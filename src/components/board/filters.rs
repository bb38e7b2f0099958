//! The filters: batch, level and major checkboxes with the count each would match, a search
//! box for certificate names, the active filters as removable chips, and "clear all".

use leptos::prelude::*;

use crate::domain::Lang;
use crate::domain::caption::chips;
use crate::domain::filter::{Filter, matched_text};
use crate::domain::index::{DatasetIndex, FacetCounts};
use crate::domain::lang::format_count;
use crate::domain::model::Level;
use crate::state::BoardState;

#[component]
pub fn Filters() -> impl IntoView {
    let state = BoardState::expect();
    let view = state.view;

    // The lists follow the dataset (and the majors' search box); the counts and ticks follow
    // the filter. One effect writes them into each choice's own signals, and only where they
    // changed: a memo per choice over the whole facet counts re-ran hundreds of memos per click
    // and made each re-subscribe to a source with hundreds of subscribers.
    let choices = StoredValue::new(Vec::<(Facet, usize, ChoiceState)>::new());
    // Only the filter: another grouping or rate definition changes no count or tick.
    let filter = Memo::new(move |_| view.with(|v| v.filter.clone()));
    let facet_now = move |facet: Facet, position: usize| {
        state.index.with_untracked(|index| {
            state.facets.with_untracked(|counts| {
                filter.with_untracked(|filter| facet.now(index, counts, filter, position))
            })
        })
    };
    // A choice's signals, starting from the current figures, kept for the effect to update.
    let choice = move |facet: Facet, position: usize| {
        let (count, checked) = facet_now(facet, position);
        let choice = ChoiceState {
            count: RwSignal::new(count),
            checked: RwSignal::new(checked),
        };
        choices.update_value(|all| all.push((facet, position, choice)));
        choice
    };
    Effect::new(move || {
        state.index.with(|index| {
            state.facets.with(|counts| {
                filter.with(|filter| {
                    choices.update_value(|all| {
                        for (facet, position, choice) in all.iter() {
                            let (count, checked) = facet.now(index, counts, filter, *position);
                            if choice.count.get_untracked() != count {
                                choice.count.set(count);
                            }
                            if choice.checked.get_untracked() != checked {
                                choice.checked.set(checked);
                            }
                        }
                    })
                })
            })
        });
    });

    // A list built again (another dataset, another search) replaces its choices: they are
    // forgotten in the same run that disposes of the old ones, before the effect can see them.
    let forget =
        move |facet: Facet| choices.update_value(|all| all.retain(|(f, _, _)| *f != facet));
    let batch_options = move || {
        forget(Facet::Batch);
        state.index.with(|index| {
            index
                .batches
                .iter()
                .enumerate()
                .map(|(position, batch)| {
                    let key = batch.key.clone();
                    let ChoiceState { count, checked } = choice(Facet::Batch, position);
                    view! {
                        <Choice
                            value=batch.label.clone()
                            label=batch.label.clone()
                            count
                            checked
                            on_toggle=Callback::new(move |on: bool| {
                                view.update(|v| toggle(&mut v.filter.batches, key.clone(), on))
                            })
                        />
                    }
                })
                .collect_view()
        })
    };
    let level_options = move || {
        forget(Facet::Level);
        state.index.with(|index| {
            index
                .levels
                .iter()
                .map(|&level| {
                    let ChoiceState { count, checked } = choice(Facet::Level, level.ordinal());
                    view! {
                        <Choice
                            value=level.as_str().to_string()
                            label=Signal::derive(move || level.label(state.lang.get()).to_string())
                            count
                            checked
                            on_toggle=Callback::new(move |on: bool| {
                                view.update(|v| toggle(&mut v.filter.levels, level, on))
                            })
                        />
                    }
                })
                .collect_view()
        })
    };
    let major_query = RwSignal::new(String::new());
    let major_options = move || {
        forget(Facet::Major);
        let query = major_query.get().trim().to_lowercase();
        state.index.with(|index| {
            index
                .majors
                .iter()
                .enumerate()
                .filter(|(_, major)| {
                    query.is_empty()
                        || major.codes().any(|code| code.contains(&query))
                        || major.name.to_lowercase().contains(&query)
                })
                .map(|(position, major)| {
                    let ChoiceState { count, checked } = choice(Facet::Major, position);
                    let value = major.clone();
                    view! {
                        <Choice
                            value=major.key().to_string()
                            label=major.label()
                            count
                            checked
                            on_toggle=Callback::new(move |on: bool| {
                                view.update(|v| {
                                    // Off: every value that names it (a link may name an old code).
                                    let majors = &mut v.filter.majors;
                                    majors.remove(&value.name);
                                    majors.remove(&value.code);
                                    for code in &value.other_codes {
                                        majors.remove(code);
                                    }
                                    toggle(majors, value.key().to_string(), on)
                                })
                            })
                        />
                    }
                })
                .collect_view()
        })
    };
    let major_heading = move || {
        let total = state.index.with(|i| i.majors.len());
        match state.lang.get() {
            Lang::Zh => format!("涵盖专业（{total} 个）"),
            Lang::En => format!("Majors ({})", format_count(total as u64, Lang::En)),
        }
    };

    view! {
        <section class="pb-filters" aria-label=state.tr("筛选", "Filters")>
            <div class="pb-filters__row" id="pb-filters-body">
                <label class="pb-filters__search">
                    <span class="pb-filters__label">{state.tr("证书名称", "Certificate name")}</span>
                    <input
                        type="search"
                        data-testid="filter-search"
                        placeholder=state.tr("搜索证书名称，如 物流", "e.g. 物流 (logistics)")
                        prop:value=move || view.with(|v| v.filter.search.clone())
                        on:input:target=move |ev| {
                            let text = ev.target().value();
                            view.update(|v| v.filter.search = text);
                        }
                    />
                </label>
                <fieldset class="pb-filters__group" data-testid="filter-batch">
                    <legend class="pb-filters__label">{state.tr("申报批次", "Batch")}</legend>
                    {batch_options}
                </fieldset>
                <fieldset class="pb-filters__group" data-testid="filter-level">
                    <legend class="pb-filters__label">{state.tr("证书等级", "Level")}</legend>
                    {level_options}
                </fieldset>
            </div>
            <div class="pb-filters__majors" id="pb-filters-majors">
                <div class="pb-filters__majors-head">
                    <span class="pb-filters__label">{major_heading}</span>
                    <input
                    type="search"
                    class="pb-filters__major-query"
                    placeholder=state.tr("查找专业：代码或名称", "Find a major: code or name")
                    aria-label=state.tr("查找专业", "Find a major")
                    prop:value=move || major_query.get()
                    on:input:target=move |ev| major_query.set(ev.target().value())
                    />
                </div>
                <fieldset class="pb-filters__group pb-filters__group--majors" data-testid="filter-major">
                    <legend class="pb-visually-hidden">{state.tr("涵盖专业", "Majors")}</legend>
                    {major_options}
                </fieldset>
            </div>
            <div class="pb-filters__active-slot">
                <crate::on_demand::OnDemand load=active_filters/>
            </div>
        </section>
    }
}

/// Which filter group a choice belongs to.
#[derive(Clone, Copy, PartialEq)]
enum Facet {
    Batch,
    Level,
    Major,
}

impl Facet {
    /// The count and tick of the choice at `position` (a level's ordinal for levels).
    fn now(
        self,
        index: &DatasetIndex,
        counts: &FacetCounts,
        filter: &Filter,
        position: usize,
    ) -> (usize, bool) {
        match self {
            Facet::Batch => (
                counts.batches.get(position).copied().unwrap_or(0),
                index
                    .batches
                    .get(position)
                    .is_some_and(|b| filter.batches.contains(&b.key)),
            ),
            Facet::Level => (
                counts.levels.get(position).copied().unwrap_or(0),
                Level::ALL
                    .get(position)
                    .is_some_and(|level| filter.levels.contains(level)),
            ),
            Facet::Major => (
                counts.majors.get(position).copied().unwrap_or(0),
                index
                    .majors
                    .get(position)
                    .is_some_and(|m| filter.majors.iter().any(|value| m.answers_to(value))),
            ),
        }
    }
}

/// What a checkbox shows that follows the filter.
#[derive(Clone, Copy)]
struct ChoiceState {
    count: RwSignal<usize>,
    checked: RwSignal<bool>,
}

fn toggle<T: Ord>(set: &mut std::collections::BTreeSet<T>, value: T, on: bool) {
    if on {
        set.insert(value);
    } else {
        set.remove(&value);
    }
}

/// One checkbox of a filter group.
#[component]
fn Choice(
    /// The checkbox's `value` attribute: the batch label, the level or the major code.
    value: String,
    /// What the user reads.
    #[prop(into)]
    label: Signal<String>,
    /// How many records would match with this value chosen.
    #[prop(into)]
    count: Signal<usize>,
    #[prop(into)] checked: Signal<bool>,
    /// Called with the new checked state.
    on_toggle: Callback<bool>,
) -> impl IntoView {
    let lang = BoardState::expect().lang;
    view! {
        <label class="pb-choice" class:pb-choice--empty=move || count.get() == 0>
            <input
                type="checkbox"
                value=value
                prop:checked=checked
                on:change:target=move |ev| on_toggle.run(ev.target().checked())
            />
            <span class="pb-choice__text">{label}</span>
            // One text node: a filter change rewrites hundreds of these.
            <span class="pb-choice__count">
                {move || format!(" ({})", format_count(count.get() as u64, lang.get()))}
            </span>
        </label>
    }
}

crate::on_demand! { rest:
    fn active_filters() -> crate::on_demand::Build {
        || view! { <ActiveFilters/> }.into_any()
    }
}

/// The active filters as chips, each removable, and "clear all".
#[component]
fn ActiveFilters() -> impl IntoView {
    let state = BoardState::expect();
    let view = state.view;
    // Each chip: what it says, what its button is called, and the filter without it.
    let chip_views = move || {
        let lang = state.lang.get();
        let active: Vec<(String, String, Filter)> = view.with(|v| {
            state.index.with(|index| {
                chips(&v.filter, index)
                    .iter()
                    .map(|chip| {
                        let mut without = v.filter.clone();
                        without.remove(chip);
                        (chip.text(lang), chip.remove_label(lang), without)
                    })
                    .collect()
            })
        });
        active
            .into_iter()
            .map(|(text, remove_label, without)| {
                view! {
                    <li class="pb-chip">
                        <span>{text}</span>
                        <button
                            class="pb-chip__remove"
                            aria-label=remove_label
                            on:click=move |_| view.update(|v| v.filter = without.clone())
                        >
                            "×"
                        </button>
                    </li>
                }
            })
            .collect_view()
    };
    let is_empty = move || view.with(|v| v.filter.is_empty());
    let matched = move || state.totals.with(|t| t.records);
    let all = move || state.index.with(|i| i.record_count());
    // On a phone the filters are folded (the style sheet hides them) until this button opens
    // them; it comes with this chunk, and wider screens never show it.
    let open = RwSignal::new(false);
    view! {
        <button
            type="button"
            class="pb-button pb-filters__toggle"
            data-testid="filters-toggle"
            aria-controls="pb-filters-body pb-filters-majors"
            aria-expanded=move || open.get().to_string()
            on:click=move |_| open.set(!open.get_untracked())
        >
            {state.tr("筛选", "Filters")}
        </button>
        <div class="pb-filters__active">
            <span class="pb-filters__matched" data-testid="filter-matched">
                {move || matched_text(matched(), all(), !is_empty(), state.lang.get())}
            </span>
            <ul class="pb-chips">{chip_views}</ul>
            <button
                class="pb-button"
                data-testid="filter-clear"
                disabled=is_empty
                on:click=move |_| view.update(|v| v.filter = Default::default())
            >
                {state.tr("清除全部筛选", "Clear all filters")}
            </button>
        </div>
    }
}
