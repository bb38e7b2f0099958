//! 导出 Word and 导出 PowerPoint: the report's section on assessment (title, filters, the
//! summary, table 3 of the records shown, the dashboard's charts as numbered figures) and the
//! deck presentation mode shows, as files made in the browser from what is on screen. The
//! pictures are drawn one at a time, so the page keeps answering; a line says how far the
//! file has got and offers to stop. The writers (`crate::office`) come in the `office` chunk.

use leptos::prelude::*;

use crate::charts::ChartStyle;
use crate::charts::layout::SLIDE_ROW_HEIGHT;
use crate::charts::style::Palette;
use crate::domain::Lang;
use crate::domain::caption::Caption;
use crate::domain::deck::{SlideChart, deck, group_members};
use crate::domain::figures::key_figures;
use crate::domain::index::Selected;
use crate::domain::summary::summarize;
use crate::domain::table::{ExportScope, file_name, scoped_title};
use crate::office::docx::{
    ComparisonReport, DocTable, Figure, FigurePiece, Report, comparison_document, figure_pieces,
    report_document,
};
use crate::office::pptx::{Opening, SlidePage, SlideShape, deck_presentation};
use crate::state::BoardState;
use crate::state::charts::{
    ChartKind, ChartsContext, caption_of, counts_spec, deck_plan, group_spec, pass_rate_spec,
    slide_content, slide_title, window_of, with_a_rate,
};
use crate::web::download::{download, today};
use crate::web::export::{chart_picture, fonts_ready};

/// How far a file has got.
#[derive(Clone, Debug, PartialEq)]
enum Progress {
    /// `done` of `total` pictures drawn.
    Working {
        done: usize,
        total: usize,
    },
    /// Packing the file.
    Packing,
    Done(String),
    Failed(String),
}

/// What the buttons hand to the writers.
#[derive(Clone, Copy)]
struct OfficeJob {
    shared: ChartsContext,
    progress: RwSignal<Option<Progress>>,
    /// Set by 停止: the writer stops before its next picture.
    stop: RwSignal<bool>,
}

impl Progress {
    /// Whether a file is being made.
    fn busy(progress: &Option<Progress>) -> bool {
        matches!(progress, Some(Progress::Working { .. } | Progress::Packing))
    }
}

#[component]
pub fn ReportFiles(shared: ChartsContext) -> impl IntoView {
    let state = shared.state;
    let job = OfficeJob {
        shared,
        progress: RwSignal::new(None),
        stop: RwSignal::new(false),
    };
    let busy = move || job.progress.with(Progress::busy);
    let line = move || {
        let lang = state.lang.get();
        job.progress.get().map(|progress| {
            let (kind, text) = match progress {
                Progress::Working { done, total } => (
                    "working",
                    match lang {
                        Lang::Zh => format!("正在生成：第 {} 张图，共 {total} 张…", done + 1),
                        Lang::En => format!("Making the file: picture {} of {total}…", done + 1),
                    },
                ),
                Progress::Packing => (
                    "working",
                    lang.pick("正在打包文件…", "Packing the file…").to_string(),
                ),
                Progress::Done(text) => ("done", text),
                Progress::Failed(text) => ("failed", text),
            };
            view! {
                <span
                    data-testid="office-status"
                    data-state=kind
                    class:pb-save--ok=kind == "done"
                    class:pb-save--bad=kind == "failed"
                >
                    {text}
                </span>
            }
        })
    };
    let start = move |deck: bool| {
        if job.progress.with_untracked(Progress::busy) {
            return;
        }
        job.stop.set(false);
        if deck {
            crate::on_demand::run(write_deck(job));
        } else {
            crate::on_demand::run(write_report(job));
        }
    };
    view! {
        <div class="pb-report-files" role="group" aria-label=state.tr("导出报告文件", "Export report files")>
            <button
                class="pb-button"
                data-testid="export-docx"
                disabled=busy
                title=state.tr(
                    "Word 文档：考核工作一节（总结段落、表3 明细表、各图表），按当前筛选",
                    "Word document: the assessment section (summary, table 3, the charts), as filtered",
                )
                on:click=move |_| start(false)
            >
                {state.tr("导出 Word", "Export Word")}
            </button>
            <button
                class="pb-button"
                data-testid="export-pptx"
                disabled=busy
                title=state.tr(
                    "PowerPoint 演示文稿：演示模式的每一页，幻灯片比例随“导出尺寸”",
                    "PowerPoint deck: every page of presentation mode, shaped by the export size",
                )
                on:click=move |_| start(true)
            >
                {state.tr("导出 PowerPoint", "Export PowerPoint")}
            </button>
            <span class="pb-report-files__status" role="status">
                {line}
                <Show when=busy>
                    <button class="pb-link" data-testid="office-stop" on:click=move |_| job.stop.set(true)>
                        {state.tr("停止", "Stop")}
                    </button>
                </Show>
            </span>
        </div>
    }
}

crate::on_demand! { office:
    fn write_report(job: OfficeJob) -> () {
        leptos::task::spawn_local(make_report(job))
    }
}

crate::on_demand! { office:
    fn write_deck(job: OfficeJob) -> () {
        leptos::task::spawn_local(make_deck(job))
    }
}

/// The comparison's Word document as the `library` chunk hands it over, its pictures drawn.
pub struct ComparisonDoc {
    pub lang: Lang,
    /// What the file is named after.
    pub file: String,
    pub caption: Caption,
    pub made_on: String,
    pub sentence: String,
    pub tables: Vec<DocTable>,
    pub figures: Vec<Figure>,
}

crate::on_demand! { office:
    /// Writes the comparison's Word document and hands it to the user.
    pub fn write_comparison_doc(doc: ComparisonDoc) -> Result<(), String> {
        hand_over_comparison_doc(doc)
    }
}

fn hand_over_comparison_doc(doc: ComparisonDoc) -> Result<(), String> {
    let bytes = comparison_document(&ComparisonReport {
        lang: doc.lang,
        caption: &doc.caption,
        made_on: &doc.made_on,
        sentence: &doc.sentence,
        tables: &doc.tables,
        figures: &doc.figures,
    })
    .map_err(|error| error.to_string())?;
    download(
        &file_name(&doc.file, &doc.made_on, "docx"),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        &bytes,
    );
    Ok(())
}

/// Where a deck's chart goes on a slide: how many rows a slide holds, the size the chart is
/// laid out at (layout pixels) and its type scale.
#[derive(Clone, Copy, Debug)]
pub struct DeckGeometry {
    pub rows: usize,
    pub layout: (f64, f64),
    pub type_scale: f64,
}

crate::on_demand! { office:
    /// The chart's place on a slide of `size` device pixels, as the dashboard's deck has it.
    pub fn deck_geometry(size: (u32, u32)) -> DeckGeometry {
        let shape = SlideShape::of(size);
        let chart = shape.chart_box();
        DeckGeometry {
            rows: shape.rows(),
            layout: (chart.width / chart.type_scale, chart.height / chart.type_scale),
            type_scale: chart.type_scale,
        }
    }
}

/// The comparison's PowerPoint deck as the `library` chunk hands it over, its slides drawn.
pub struct ComparisonDeck {
    pub lang: Lang,
    /// The slides' size in device pixels (its shape: 16:9 or 4:3).
    pub size: (u32, u32),
    pub title: String,
    pub made_on: String,
    pub opening: Opening,
    pub pages: Vec<SlidePage>,
}

crate::on_demand! { office:
    /// Writes the comparison's deck and hands it to the user.
    pub fn write_comparison_deck(deck: ComparisonDeck) -> Result<(), String> {
        hand_over_comparison_deck(deck)
    }
}

fn hand_over_comparison_deck(deck: ComparisonDeck) -> Result<(), String> {
    let shape = SlideShape::of(deck.size);
    let bytes = deck_presentation(
        &deck.opening,
        &deck.pages,
        shape,
        &deck.title,
        &deck.made_on,
        deck.lang,
    )
    .map_err(|error| error.to_string())?;
    download(
        &file_name(&deck.title, &deck.made_on, "pptx"),
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        &bytes,
    );
    Ok(())
}

/// The device pixels a document's chart is drawn across: the text's width of an A4 page at
/// about 300 dots to the inch.
pub const DOCUMENT_PIXELS: f64 = 1_980.0;

/// The title and the records of a file of what is on screen, and the file's name.
fn file_title(state: BoardState, lang: Lang) -> String {
    let filter_on = state.view.with_untracked(|v| !v.filter.is_empty());
    let (shown, total) = (
        state.totals.with_untracked(|t| t.records),
        state.dataset.with_untracked(|d| d.records.len()),
    );
    let title = state.dataset.with_untracked(|d| d.title.clone());
    scoped_title(&title, ExportScope::Shown, filter_on, (shown, total), lang)
}

fn failed(job: OfficeJob, lang: Lang, what: &str, error: &str) {
    leptos::logging::error!("{what} export: {error}");
    let text = match lang {
        Lang::Zh => format!("{what} 文件没能生成，请重试或改用“导出 PNG”"),
        Lang::En => format!("The {what} file could not be made; try again or use Export PNG"),
    };
    job.progress.set(Some(Progress::Failed(text)));
}

fn stopped(job: OfficeJob, lang: Lang) {
    job.progress.set(Some(Progress::Done(
        lang.pick("已停止，没有生成文件", "Stopped; no file was made")
            .to_string(),
    )));
}

/// Lets the page paint the progress line before the file is packed.
async fn next_frame() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// The Word document of what is on screen.
async fn make_report(job: OfficeJob) {
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

/// A deck longer than this many slides is made only when the user confirms it.
const ASK_ABOVE_SLIDES: usize = 150;

/// The PowerPoint deck of what presentation mode shows.
async fn make_deck(job: OfficeJob) {
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
