//! The comparison as report files: a Word document (the sentence, the key figures and the rows
//! as tables, each chart as numbered figures) and a PowerPoint deck (each chart over as many
//! slides as its rows need, the sentence and the key figures in the speaker notes). The
//! pictures are drawn here, in the `library` chunk, where the comparison's charts are; the
//! files are written by the writers of the `office` chunk, which this hands them to.

use leptos::prelude::*;

use crate::charts::layout::SLIDE_ROW_HEIGHT;
use crate::charts::style::Palette;
use crate::charts::{Chart, ChartStyle};
use crate::components::compare::slides::SlideChart;
use crate::components::report_files::{
    ComparisonDeck, ComparisonDoc, deck_geometry, write_comparison_deck, write_comparison_doc,
};
use crate::domain::Lang;
use crate::domain::caption::Caption;
use crate::domain::compare::{Comparison, KpiLine, RowOrder, RowStatus, format_points};
use crate::domain::figures::format_rate;
use crate::domain::lang::format_count;
use crate::office::docx::DOCUMENT_PIXELS;
use crate::office::docx::{DocTable, Figure, FigurePiece, figure_pieces};
use crate::office::pptx::{Opening, SlidePage};
use crate::state::{BoardState, Shared};
use crate::web::download::today;
use crate::web::export::{SLIDE_SIZES, chart_picture, fonts_ready};

/// What the files are made of: the comparison as the page shows it.
#[derive(Clone)]
pub struct FilesInput {
    pub charts: Vec<SlideChart>,
    pub caption: Memo<Caption>,
    pub sentence: Signal<String>,
    pub kpis: Signal<Vec<KpiLine>>,
    pub heads: Signal<(String, String)>,
    pub comparison: Shared<Comparison>,
    pub order: RowOrder,
}

#[component]
pub fn CompareFiles(input: FilesInput) -> impl IntoView {
    let state = BoardState::expect();
    let status = RwSignal::new(None::<(bool, String)>);
    let busy = RwSignal::new(false);
    let input = StoredValue::new(input);
    let start = move |deck: bool| {
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        let input = input.get_value();
        leptos::task::spawn_local(async move {
            let lang = state.lang.get_untracked();
            status.set(Some((
                true,
                lang.pick("正在生成文件…", "Making the file…").to_string(),
            )));
            let outcome = if deck {
                make_deck(&input, lang).await
            } else {
                make_doc(&input, lang).await
            };
            let what = if deck { "PowerPoint" } else { "Word" };
            status.set(Some(match (outcome, lang) {
                (Ok(()), Lang::Zh) => (true, format!("已导出 {what}")),
                (Ok(()), Lang::En) => (true, format!("{what} file exported")),
                (Err(error), lang) => {
                    leptos::logging::error!("comparison {what}: {error}");
                    (
                        false,
                        match lang {
                            Lang::Zh => format!("{what} 文件没能生成，请重试或改用“导出 PNG”"),
                            Lang::En => format!(
                                "The {what} file could not be made; try again or use Export PNG"
                            ),
                        },
                    )
                }
            }));
            busy.set(false);
        });
    };
    view! {
        <div class="pb-compare__files" role="group"
            aria-label=state.tr("导出比较的报告文件", "Export the comparison as report files")>
            <button type="button" class="pb-button" data-testid="compare-export-docx"
                disabled=move || busy.get() on:click=move |_| start(false)
                title=state.tr("Word 文档：比较的总结、关键数据表、逐项对比表和各图表", "Word document: the sentence, the key figures, the rows and the charts")>
                {state.tr("导出 Word", "Export Word")}
            </button>
            <button type="button" class="pb-button" data-testid="compare-export-pptx"
                disabled=move || busy.get() on:click=move |_| start(true)
                title=state.tr("PowerPoint 演示文稿：比较的各图表，一页一张", "PowerPoint deck: the comparison's charts, a slide each")>
                {state.tr("导出 PowerPoint", "Export PowerPoint")}
            </button>
            {move || status.get().map(|(ok, text)| view! {
                <span class="pb-compare__export-status" class:pb-compare__export-status--failed=!ok
                    data-testid="compare-office-status" role="status">{text}</span>
            })}
        </div>
    }
}

/// The tables of the document: the key figures of both sides and their change, and the rows
/// matched, in the order on screen.
fn tables(input: &FilesInput, lang: Lang) -> Vec<DocTable> {
    let (head_a, head_b) = input.heads.get_untracked();
    let key_figures = DocTable {
        title: lang
            .pick("两年关键数据", "Key figures of both years")
            .to_string(),
        headings: vec![
            String::new(),
            head_a,
            head_b,
            lang.pick("变化", "Change").to_string(),
        ],
        rows: input
            .kpis
            .get_untracked()
            .into_iter()
            .map(|line| vec![line.label.to_string(), line.a, line.b, line.change])
            .collect(),
        shares: vec![360, 190, 190, 260],
        numeric_from: 1,
        centred: None,
        totals: false,
        note: None,
    };
    let comparison = &input.comparison;
    let count = |n: Option<u64>| n.map_or_else(|| "--".to_string(), |n| format_count(n, lang));
    let rows = input
        .order
        .arrange(&comparison.rows)
        .into_iter()
        .map(|n| {
            let row = &comparison.rows[n];
            let mark = match row.status() {
                RowStatus::Both => "",
                RowStatus::New => lang.pick("（新增）", " (new)"),
                RowStatus::Dropped => lang.pick("（不再开展）", " (dropped)"),
            };
            vec![
                format!("{} · {}{mark}", row.name(), row.level().label(lang)),
                count(row.registered_a()),
                count(row.registered_b()),
                format_rate(row.rate_a()),
                format_rate(row.rate_b()),
                row.rate_change()
                    .map_or_else(|| "--".to_string(), format_points),
            ]
        })
        .collect();
    let matched = DocTable {
        title: lang
            .pick("各证书等级两年对比", "Certificate levels in both years")
            .to_string(),
        headings: [
            lang.pick("证书 · 等级", "Certificate · level"),
            lang.pick("报考 A", "Registered A"),
            lang.pick("报考 B", "Registered B"),
            lang.pick("通过率 A", "Pass rate A"),
            lang.pick("通过率 B", "Pass rate B"),
            lang.pick("变化（百分点）", "Change (points)"),
        ]
        .map(str::to_string)
        .to_vec(),
        rows,
        shares: vec![390, 100, 100, 130, 130, 150],
        numeric_from: 1,
        centred: None,
        totals: false,
        note: None,
    };
    vec![key_figures, matched]
}

/// The Word document.
async fn make_doc(input: &FilesInput, lang: Lang) -> Result<(), String> {
    let pieces: Vec<FigurePiece<_>> = input
        .charts
        .iter()
        .map(|chart| (chart.heading, chart.chart.get_untracked()))
        .filter(|(_, chart)| chart.rows() > 0)
        .flat_map(|(heading, chart)| {
            figure_pieces(lang.pick(heading.0, heading.1).to_string(), &chart, lang)
        })
        .collect();
    fonts_ready().await;
    let mut figures = Vec::with_capacity(pieces.len());
    for piece in pieces {
        let style = ChartStyle {
            scale: DOCUMENT_PIXELS / piece.layout.0,
            palette: Palette::LIGHT,
            row_height: piece.row_height,
            ..ChartStyle::default()
        };
        let picture = chart_picture(&piece.spec, piece.layout, &style).await?;
        figures.push(Figure {
            title: piece.title,
            picture,
        });
    }
    let caption = input.caption.get_untracked();
    let doc = ComparisonDoc {
        lang,
        file: file_title(&caption, lang),
        caption,
        made_on: today(),
        sentence: input.sentence.get_untracked(),
        tables: tables(input, lang),
        figures,
    };
    write_comparison_doc(doc)
        .await
        .map_err(|_| "the office chunk could not be loaded".to_string())?
}

/// The PowerPoint deck.
async fn make_deck(input: &FilesInput, lang: Lang) -> Result<(), String> {
    let size = SLIDE_SIZES[0];
    let geometry = deck_geometry(size)
        .await
        .map_err(|_| "the office chunk could not be loaded".to_string())?;
    let style = ChartStyle {
        scale: 2.0 * geometry.type_scale,
        palette: Palette::PROJECTOR,
        row_height: SLIDE_ROW_HEIGHT,
        ..ChartStyle::default()
    };
    let caption = input.caption.get_untracked();
    let notes = {
        let mut notes = input.sentence.get_untracked();
        for line in input.kpis.get_untracked() {
            notes.push('\n');
            notes.push_str(&format!(
                "{}：{} → {}（{}）",
                line.label, line.a, line.b, line.change
            ));
        }
        notes
    };
    fonts_ready().await;
    let mut pages = Vec::new();
    for slide in &input.charts {
        let chart = slide.chart.get_untracked();
        let count = chart.rows();
        let per = geometry.rows.max(1);
        let total = count.div_ceil(per);
        for page in 0..total {
            let part = chart.page(page * per, per);
            let title = lang.pick(slide.heading.0, slide.heading.1);
            let title = if total > 1 {
                lang.with_aside(title, &format!("{}/{total}", page + 1))
            } else {
                title.to_string()
            };
            let picture = chart_picture(&part, geometry.layout, &style).await?;
            pages.push(SlidePage {
                dataset: caption.dataset.clone(),
                description: title.clone(),
                title,
                picture,
                caption: caption.details(),
                notes: notes.clone(),
            });
        }
    }
    let made_on = today();
    let opening = Opening {
        title: file_title(&caption, lang),
        details: caption.file_lines(&made_on, lang),
        figures: input
            .kpis
            .get_untracked()
            .into_iter()
            .map(|line| {
                let value = match lang {
                    Lang::Zh => format!("{} → {}（{}）", line.a, line.b, line.change),
                    Lang::En => format!("{} → {} ({})", line.a, line.b, line.change),
                };
                (line.label.to_string(), value)
            })
            .collect(),
        notes: notes.clone(),
    };
    let deck = ComparisonDeck {
        lang,
        size,
        title: file_title(&caption, lang),
        made_on,
        opening,
        pages,
    };
    write_comparison_deck(deck)
        .await
        .map_err(|_| "the office chunk could not be loaded".to_string())?
}

/// The files' title (and names): "两年比较 2021年…报告 → 2022年…报告".
fn file_title(caption: &Caption, lang: Lang) -> String {
    format!(
        "{} {}",
        lang.pick("两年比较", "Year over year"),
        caption.dataset
    )
}
