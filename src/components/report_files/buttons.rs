//! The report files' buttons (导出 Word, 导出 PowerPoint), their progress line and its stop.

use leptos::prelude::*;

use super::job::{OfficeJob, Progress};
use crate::domain::Lang;
use crate::state::charts::ChartsContext;

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
        leptos::task::spawn_local(super::report::make_report(job))
    }
}

crate::on_demand! { office:
    fn write_deck(job: OfficeJob) -> () {
        leptos::task::spawn_local(super::deck::make_deck(job))
    }
}
