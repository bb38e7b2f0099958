//! The records as an Excel workbook: a sheet of every record with every field, its pass rate as a
//! number in percent format, a frozen header, columns as wide as their Chinese text, a totals
//! row of formulas and a native chart of the rates beside them; and a sheet with the
//! reconciliation. The headings are the report's (as the
//! CSV's), so that the app opens the file again as the same records.

use rust_xlsxwriter::{
    Chart, ChartType, Format, FormatAlign, Formula, Workbook, Worksheet, XlsxError,
};

use crate::domain::caption::Caption;
use crate::domain::fields::format_majors;
use crate::domain::figures::{Ratio, Totals};
use crate::domain::{Dataset, Lang, reconcile};

/// The headings of the records sheet, in column order: the CSV's (the report's rate, then the
/// rate computed from the counts).
const HEADINGS: [&str; 11] = [
    "申报计划",
    "证书名称",
    "证书等级",
    "涵盖专业",
    "已批准培训人数",
    "面向社会开展培训量(人日)",
    "报考人数",
    "获证人数",
    "通过率",
    "通过率(计算)",
    "备注",
];
/// Rows above the header: the title, then the filters and the date.
const HEADER_ROW: u32 = 2;
/// Where results are not yet published, as the report writes it.
const PENDING: &str = "--";

/// The records sheet's name and the reconciliation's, in `lang`.
pub fn sheet_names(lang: Lang) -> (&'static str, &'static str) {
    (
        lang.pick("试点记录", "Records"),
        lang.pick("核对", "Reconciliation"),
    )
}

/// The workbook of `dataset` (the records on screen) with `caption` (title, filters, date) above
/// its header. `filtered` says the records are a filter's share of a dataset whose report
/// printed totals (for all its records, so the reconciliation does not compare them).
pub fn records_workbook(
    dataset: &Dataset,
    caption: &Caption,
    filtered: bool,
    lang: Lang,
) -> Result<Vec<u8>, String> {
    build(dataset, caption, filtered, lang).map_err(|e| e.to_string())
}

fn build(
    dataset: &Dataset,
    caption: &Caption,
    filtered: bool,
    lang: Lang,
) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    let (records_name, reconciliation_name) = sheet_names(lang);
    let sheet = workbook.add_worksheet();
    sheet.set_name(records_name)?;
    records_sheet(sheet, dataset, caption, lang)?;
    let sheet = workbook.add_worksheet();
    sheet.set_name(reconciliation_name)?;
    reconciliation_sheet(sheet, dataset, filtered, lang)?;
    page_header(sheet, &caption.dataset, lang);
    if !dataset.records.is_empty() {
        let data_name = lang.pick("图表数据", "Chart data");
        let sheet = workbook.add_worksheet();
        sheet.set_name(data_name)?.set_hidden(true);
        chart_data_sheet(sheet, dataset, records_name, lang)?;
        workbook.worksheet_from_index(0)?.insert_chart(
            HEADER_ROW,
            CHART_COLUMN,
            &rates_chart(dataset, data_name, lang),
        )?;
    }
    workbook.save_to_buffer()
}

/// The column the chart of the rates stands in, right of the records (and of their notes).
const CHART_COLUMN: u16 = 12;

/// What the chart draws, on a hidden sheet: each record's label (certificate · level, one line,
/// as the board's charts write it) and its computed rate as a formula on the records sheet, so
/// that a number corrected there moves its bar.
fn chart_data_sheet(
    sheet: &mut Worksheet,
    dataset: &Dataset,
    records: &str,
    lang: Lang,
) -> Result<(), XlsxError> {
    sheet.write_string(0, 0, lang.pick("证书 · 等级", "Certificate · level"))?;
    sheet.write_string(0, 1, HEADINGS[9])?;
    for (i, record) in dataset.records.iter().enumerate() {
        let row = 1 + i as u32;
        let label = format!("{} · {}", record.certificate, record.level.label(lang));
        sheet.write_string(row, 0, &label)?;
        // The records sheet's row of this record, 1-based.
        let at = HEADER_ROW + 2 + i as u32;
        let result = record
            .pass_rate()
            .map_or_else(|| PENDING.to_string(), |rate| fraction(rate).to_string());
        sheet.write_formula(
            row,
            1,
            Formula::new(format!("='{records}'!J{at}")).set_result(result),
        )?;
    }
    Ok(())
}

/// A native Excel chart of each record's pass rate (通过率(计算)), one bar a record in the
/// records' order, labelled by certificate and level: Excel and WPS can restyle it, and it
/// follows the sheet's numbers when they are corrected there. Records without a published
/// result (`--`) have no bar.
fn rates_chart(dataset: &Dataset, data: &str, lang: Lang) -> Chart {
    let last = dataset.records.len() as u32;
    let mut chart = Chart::new(ChartType::Bar);
    chart
        .add_series()
        .set_name(lang.pick("通过率", "Pass rate"))
        .set_categories((data, 1, 0, last, 0))
        .set_values((data, 1, 1, last, 1))
        .set_gap(60);
    chart
        .title()
        .set_name(lang.pick("各证书通过率", "Pass rate by certificate"));
    chart.legend().set_hidden();
    chart.x_axis().set_num_format("0%").set_min(0).set_max(1);
    // The first record at the top, as in the sheet.
    chart.y_axis().set_reverse();
    chart
        .set_width(720)
        .set_height(120 + 22 * dataset.records.len().min(200) as u32);
    chart
}

fn records_sheet(
    sheet: &mut Worksheet,
    dataset: &Dataset,
    caption: &Caption,
    lang: Lang,
) -> Result<(), XlsxError> {
    let bold = Format::new().set_bold();
    let title = Format::new().set_bold().set_font_size(14);
    let head = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_align(FormatAlign::Center)
        .set_align(FormatAlign::VerticalCenter)
        .set_background_color("#DDE7F3");
    let percent = Format::new().set_num_format("0.00%");
    let right = Format::new().set_align(FormatAlign::Right);
    let total_percent = Format::new().set_bold().set_num_format("0.00%");

    sheet.write_string_with_format(0, 0, &caption.dataset, &title)?;
    sheet.write_string(1, 0, join(&[&caption.filters, &caption.as_of]))?;
    let mut widths: Vec<usize> = HEADINGS.iter().map(|h| display_width(h).min(16)).collect();
    for (col, heading) in HEADINGS.iter().enumerate() {
        sheet.write_string_with_format(HEADER_ROW, col as u16, *heading, &head)?;
    }
    let mut note = |col: usize, text: &str| widths[col] = widths[col].max(display_width(text));
    for (i, record) in dataset.records.iter().enumerate() {
        let row = HEADER_ROW + 1 + i as u32;
        let majors = format_majors(&record.majors);
        let texts = [
            (0, record.batch.as_str()),
            (1, record.certificate.as_str()),
            (2, record.level.as_str()),
            (3, majors.as_str()),
        ];
        for (col, text) in texts {
            sheet.write_string(row, col as u16, text)?;
            note(col, text);
        }
        for (col, value) in [
            (4, record.approved_trainees),
            (5, record.social_training_person_days),
            (6, Some(record.registered)),
        ] {
            if let Some(value) = value {
                sheet.write_number(row, col, value as f64)?;
            }
        }
        match record.certified {
            Some(certified) => {
                sheet.write_number(row, 7, certified as f64)?;
            }
            None => {
                sheet.write_string_with_format(row, 7, PENDING, &right)?;
            }
        }
        match record.pass_rate() {
            Some(rate) => {
                sheet.write_number_with_format(row, 9, fraction(rate), &percent)?;
            }
            None => {
                sheet.write_string_with_format(row, 9, PENDING, &right)?;
            }
        }
        if let Some(reported) = record.reported_pass_rate_percent {
            sheet.write_number_with_format(row, 8, reported / 100.0, &percent)?;
        }
        if let Some(text) = &record.note {
            sheet.write_string(row, 10, text)?;
            note(10, text);
        }
    }

    // Totals as formulas, with their values for readers that do not calculate.
    let first = HEADER_ROW + 2; // 1-based row of the first record
    let last = HEADER_ROW + 1 + dataset.records.len() as u32; // 1-based row of the last
    let row = last; // 0-based row after the last record
    let totals = Totals::of(&dataset.records);
    sheet.write_string_with_format(row, 0, lang.pick("合计", "Total"), &bold)?;
    let sums = [
        (4, 'E', totals.approved_trainees),
        (5, 'F', totals.social_training_person_days),
        (6, 'G', totals.registered),
        (7, 'H', totals.certified),
    ];
    for (col, letter, value) in sums {
        let formula = Formula::new(format!("=SUM({letter}{first}:{letter}{last})"))
            .set_result(value.to_string());
        sheet.write_formula_with_format(row, col, formula, &bold)?;
    }
    // Both overall rates: the report's own (over all registered, as its totals row prints it)
    // under 通过率, the one over published results under 通过率(计算), and a line saying which is
    // which.
    let all = totals.pass_rate_all_registered();
    let formula = Formula::new(format!(
        "=IFERROR(SUM(H{first}:H{last})/SUM(G{first}:G{last}),\"{PENDING}\")"
    ))
    .set_result(all.map_or_else(|| PENDING.to_string(), |r| fraction(r).to_string()));
    sheet.write_formula_with_format(row, 8, formula, &total_percent)?;
    let published = totals.pass_rate_published();
    let formula = Formula::new(format!(
        "=IFERROR(SUM(H{first}:H{last})/SUMIF(H{first}:H{last},\"<>{PENDING}\",G{first}:G{last}),\"{PENDING}\")"
    ))
    .set_result(published.map_or_else(|| PENDING.to_string(), |r| fraction(r).to_string()));
    sheet.write_formula_with_format(row, 9, formula, &total_percent)?;
    let rate = |rate: Option<Ratio>| crate::domain::figures::format_rate(rate);
    let note = match lang {
        Lang::Zh => format!(
            "注：合计行的“通过率”为全部报考口径 {}（获证人数 ÷ 全部报考人数，未出成绩计为未获证），与报告的总计行一致；“通过率(计算)”为已公布成绩口径 {}（获证人数 ÷ 已公布成绩的报考人数），与看板的图表一致。",
            rate(all),
            rate(published)
        ),
        Lang::En => format!(
            "Note: the total row's 通过率 (pass rate) is over all registered, {} (certified ÷ everyone registered; results pending count as not certified), as the report's total row gives it; 通过率(计算) is over published results, {} (certified ÷ registered with published results), as the board's charts show.",
            rate(all),
            rate(published)
        ),
    };
    sheet.write_string(row + 1, 0, note)?;

    print_setup(sheet, &caption.dataset, lang)?;
    // On paper the records and their note, one page wide: not the chart beside them, which is
    // for the screen and for copying into a deck.
    sheet.set_print_area(0, 0, row + 1, (HEADINGS.len() - 1) as u16)?;
    for (col, width) in widths.iter().enumerate() {
        sheet.set_column_width(col as u16, (*width as f64 + 2.0).clamp(8.0, 60.0))?;
    }
    sheet.set_row_height(HEADER_ROW, 32)?;
    sheet.set_freeze_panes(HEADER_ROW + 1, 0)?;
    Ok(())
}

fn reconciliation_sheet(
    sheet: &mut Worksheet,
    dataset: &Dataset,
    filtered: bool,
    lang: Lang,
) -> Result<(), XlsxError> {
    let bold = Format::new().set_bold();
    let wrap = Format::new().set_text_wrap();
    let reconciliation = reconcile(dataset);
    let head = [
        lang.pick("项目", "Figure"),
        lang.pick("报告所列", "Reported"),
        lang.pick("按记录计算", "Computed from the records"),
        lang.pick("结论", "Verdict"),
        lang.pick("说明", "Explanation"),
    ];
    for (col, text) in head.iter().enumerate() {
        sheet.write_string_with_format(0, col as u16, *text, &bold)?;
    }
    let mut row = 1;
    for line in &reconciliation.totals {
        sheet.write_string(row, 0, line.figure.label(lang))?;
        sheet.write_string(row, 1, line.reported_text(lang))?;
        sheet.write_string(row, 2, line.computed_text(lang))?;
        sheet.write_string(row, 3, line.verdict.label(lang))?;
        if let Some(text) = line.explanation(lang) {
            sheet.write_string_with_format(row, 4, text, &wrap)?;
        }
        row += 1;
    }
    if reconciliation.totals.is_empty() {
        let text = if filtered {
            lang.pick(
                "报告所列的合计是全部记录的合计；这份文件只含筛选出的记录，所以不与之比较。取消筛选后导出，即可核对合计。",
                "The report's printed totals are for all records; this file holds the filtered records only, so they are not compared. Export with no filter on to check the totals.",
            )
        } else {
            lang.pick(
                "数据中没有报告所列的合计。",
                "The data carry no printed totals.",
            )
        };
        sheet.write_string(row, 0, text)?;
        row += 1;
    }
    row += 1;
    sheet.write_string_with_format(row, 0, lang.pick("记录", "Record"), &bold)?;
    sheet.write_string_with_format(row, 1, lang.pick("提示", "Warning"), &bold)?;
    row += 1;
    for warning in &reconciliation.warnings {
        if let Some(record) = dataset.records.get(warning.index) {
            sheet.write_string(row, 0, record.full_name(lang))?;
            // The record is named in the first column: the warning says only what it found.
            sheet.write_string_with_format(row, 1, capitalised(&warning.finding(lang)), &wrap)?;
            row += 1;
        }
    }
    for (col, width) in [(0, 36.0), (1, 16.0), (2, 16.0), (3, 12.0), (4, 60.0)] {
        sheet.set_column_width(col, width)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    sheet.set_landscape();
    sheet.set_paper_size(PAPER_A4);
    sheet.set_print_fit_to_pages(1, 0);
    sheet.set_repeat_rows(0, 0)?;
    Ok(())
}

/// Excel's number for A4 paper.
const PAPER_A4: u8 = 9;

/// The records sheet on paper: A4 landscape, one page wide (as many tall as it takes), the
/// header row on every page, the title in the page header and the page number in the footer.
fn print_setup(sheet: &mut Worksheet, title: &str, lang: Lang) -> Result<(), XlsxError> {
    sheet.set_landscape();
    sheet.set_paper_size(PAPER_A4);
    sheet.set_print_fit_to_pages(1, 0);
    sheet.set_repeat_rows(HEADER_ROW, HEADER_ROW)?;
    page_header(sheet, title, lang);
    sheet.set_margins(0.5, 0.5, 0.6, 0.6, 0.3, 0.3);
    Ok(())
}

/// The title in the page header, the page number in the footer, of every printed page.
fn page_header(sheet: &mut Worksheet, title: &str, lang: Lang) {
    // `&` starts a code in a page header: a title's own is doubled. Excel keeps 255 characters.
    let title: String = title.replace('&', "&&").chars().take(200).collect();
    sheet.set_header(format!("&C{title}"));
    sheet.set_footer(match lang {
        Lang::Zh => "&C第 &P 页，共 &N 页",
        Lang::En => "&CPage &P of &N",
    });
}

/// A sentence with its first letter in capitals (an English finding standing alone).
fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A rate as the fraction a percent-formatted cell holds, rounded as the report rounds (two
/// decimals of a percent).
fn fraction(rate: Ratio) -> f64 {
    rate.hundredths_of_percent() as f64 / 10_000.0
}

/// How many columns of Excel's default font a text takes: two for a CJK character, one else.
fn display_width(text: &str) -> usize {
    text.chars()
        .map(|c| if (c as u32) >= 0x2E80 { 2 } else { 1 })
        .sum()
}

fn join(parts: &[&str]) -> String {
    parts
        .iter()
        .filter(|p| !p.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(" · ")
}
