//! The Word document of what is on screen: the report's section on assessment with the
//! dashboard's charts as its figures (a chart taller than a page in pieces).

use leptos::prelude::*;

use super::job::{OfficeJob, Progress, failed, file_title, next_frame, stopped};
use crate::charts::ChartStyle;
use crate::charts::style::Palette;
use crate::domain::table::file_name;
use crate::office::docx::{
    DOCUMENT_PIXELS, Figure, FigurePiece, Report, figure_pieces, report_document,
};
use crate::state::charts::{
    ChartKind, caption_of, counts_spec, group_spec, pass_rate_spec, window_of,
};
use crate::web::download::{download, today};
use crate::web::export::{chart_picture, fonts_ready};

/// The Word document of what is on screen.
pub(super) async fn make_report(job: OfficeJob) {
    let state = job.shared.state;
    let lang = state.lang.get_untracked();
    // What the dashboard's charts show: the page of bars each is on.
    let records = state.totals.with_untracked(|t| t.records);
    let rate_window = window_of(job.shared.rate_page.get_untracked(), records);
    let counts_window = window_of(job.shared.counts_page.get_untracked(), records);
    let group_by = state.view.with_untracked(|v| v.group_by);
    let charts = [
        (
            ChartKind::PassRate.title(lang),
            pass_rate_spec(state, rate_window),
        ),
        (
            ChartKind::Counts.title(lang),
            counts_spec(state, counts_window),
        ),
        (ChartKind::ByGroup(group_by).title(lang), group_spec(state)),
    ];
    let pieces: Vec<FigurePiece> = charts
        .into_iter()
        .flat_map(|(title, spec)| figure_pieces(title, &spec, lang))
        .collect();

    fonts_ready().await;
    let total = pieces.len();
    let mut figures = Vec::with_capacity(total);
    for (done, piece) in pieces.into_iter().enumerate() {
        let FigurePiece {
            title,
            spec,
            layout,
            row_height,
        } = piece;
        if job.stop.get_untracked() {
            return stopped(job, lang);
        }
        job.progress.set(Some(Progress::Working { done, total }));
        let style = ChartStyle {
            scale: DOCUMENT_PIXELS / layout.0,
            palette: Palette::LIGHT,
            row_height,
            ..ChartStyle::default()
        };
        match chart_picture(&spec, layout, &style).await {
            Ok(picture) => figures.push(Figure { title, picture }),
            Err(error) => return failed(job, lang, "Word", &error),
        }
    }
    job.progress.set(Some(Progress::Packing));
    next_frame().await;

    let made_on = today();
    let caption = caption_of(state);
    let summary = state.summary.get_untracked();
    let bytes = state.dataset.with_untracked(|dataset| {
        state.matching.with_untracked(|matching| {
            report_document(&Report {
                lang,
                caption: &caption,
                made_on: &made_on,
                summary: &summary,
                records: matching
                    .iter()
                    .map(|&i| &dataset.records[i as usize])
                    .collect(),
                figures: &figures,
            })
        })
    });
    match bytes {
        Ok(bytes) => {
            download(
                &file_name(&file_title(state, lang), &made_on, "docx"),
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                &bytes,
            );
            job.progress.set(Some(Progress::Done(
                lang.pick("已导出 Word", "Word file exported").to_string(),
            )));
        }
        Err(error) => failed(job, lang, "Word", &error.to_string()),
    }
}
