//! The PowerPoint deck of what presentation mode shows: the opening slide, then a slide and a
//! notes page per page of the deck, at the export size's shape.

use leptos::prelude::*;

use super::job::{OfficeJob, Progress, failed, file_title, next_frame, stopped};
use crate::charts::ChartStyle;
use crate::charts::layout::SLIDE_ROW_HEIGHT;
use crate::charts::style::Palette;
use crate::domain::Lang;
use crate::domain::deck::{SlideChart, deck, group_members};
use crate::domain::figures::key_figures;
use crate::domain::index::Selected;
use crate::domain::summary::summarize;
use crate::domain::table::file_name;
use crate::office::pptx::{Opening, SlidePage, SlideShape, deck_presentation};
use crate::state::charts::{
    caption_of, deck_plan, group_spec, slide_content, slide_title, with_a_rate,
};
use crate::web::download::{download, today};
use crate::web::export::{chart_picture, fonts_ready};

/// A deck longer than this many slides is made only when the user confirms it.
const ASK_ABOVE_SLIDES: usize = 150;

/// The PowerPoint deck of what presentation mode shows.
pub(super) async fn make_deck(job: OfficeJob) {
    let state = job.shared.state;
    let lang = state.lang.get_untracked();
    let shape = SlideShape::of(job.shared.export_size.get_untracked());
    let rows = shape.rows();
    let by_group = group_spec(state);
    let group_by = state.view.with_untracked(|v| v.group_by);
    let per_group = job.shared.per_group.get_untracked();
    let groups = if per_group {
        state.with_selection(|selection| group_members(selection, group_by, lang))
    } else {
        Vec::new()
    };
    let rated = state
        .dataset
        .with_untracked(|d| state.matching.with_untracked(|m| with_a_rate(d, m)));
    let plan = deck_plan(state, rated, &by_group, per_group.then_some(&groups[..]));
    let slides = deck(&plan, rows);
    if slides.len() > ASK_ABOVE_SLIDES {
        let question = match lang {
            Lang::Zh => format!(
                "这套演示文稿有 {} 页，生成需要较长时间，文件也会很大。先筛选可以减少页数。仍要生成吗？",
                slides.len()
            ),
            Lang::En => format!(
                "This deck has {} slides: it takes a while to make and the file is large. A filter \
                 makes it shorter. Make it anyway?",
                slides.len()
            ),
        };
        if !window().confirm_with_message(&question).unwrap_or(false) {
            return;
        }
    }

    let chart = shape.chart_box();
    let style = ChartStyle {
        scale: 2.0 * chart.type_scale,
        palette: Palette::PROJECTOR,
        row_height: SLIDE_ROW_HEIGHT,
        ..ChartStyle::default()
    };
    let layout = (
        chart.width / chart.type_scale,
        chart.height / chart.type_scale,
    );
    let caption = caption_of(state);
    let summary = state.summary.get_untracked();
    let made_on = today();
    let opening = Opening {
        title: caption.dataset.clone(),
        details: caption.file_lines(&made_on, lang),
        figures: state.totals.with_untracked(|t| key_figures(t, lang)),
        notes: summary.clone(),
    };
    fonts_ready().await;
    let total = slides.len();
    let mut pages = Vec::with_capacity(total);
    for (done, slide) in slides.into_iter().enumerate() {
        if job.stop.get_untracked() {
            return stopped(job, lang);
        }
        job.progress.set(Some(Progress::Working { done, total }));
        let (title, spec) = slide_content(state, slide, rows, &plan, &by_group, &groups);
        let mut notes = match slide.chart {
            SlideChart::GroupPassRate(group) => state.dataset.with_untracked(|d| {
                state.index.with_untracked(|i| {
                    let members = Selected::new(d, i, groups[group].1.clone());
                    summarize(members.selection(d, i), lang).text
                })
            }),
            _ => summary.clone(),
        };
        if !spec.note().is_empty() {
            notes.push('\n');
            notes.push_str(spec.note());
        }
        let picture = match chart_picture(&spec, layout, &style).await {
            Ok(picture) => picture,
            Err(error) => return failed(job, lang, "PowerPoint", &error),
        };
        let title = slide_title(&title, slide, lang);
        pages.push(SlidePage {
            dataset: caption.dataset.clone(),
            description: if spec.note().is_empty() {
                title.clone()
            } else {
                lang.then(&title, spec.note())
            },
            title,
            picture,
            caption: caption.details(),
            notes,
        });
    }
    job.progress.set(Some(Progress::Packing));
    next_frame().await;

    let title = file_title(state, lang);
    match deck_presentation(&opening, &pages, shape, &title, &made_on, lang) {
        Ok(bytes) => {
            download(
                &file_name(&title, &made_on, "pptx"),
                "application/vnd.openxmlformats-officedocument.presentationml.presentation",
                &bytes,
            );
            // The opening slide, and a slide per page.
            let slides = total + 1;
            let text = match lang {
                Lang::Zh => format!("已导出 PowerPoint（{slides} 页）"),
                Lang::En => format!("PowerPoint exported ({slides} slides)"),
            };
            job.progress.set(Some(Progress::Done(text)));
        }
        Err(error) => failed(job, lang, "PowerPoint", &error.to_string()),
    }
}
