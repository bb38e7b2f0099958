//! What a workbook or a Word document may hold before it is refused ([`Limits`]), and every
//! reason one is refused ([`Refusal`]), said in the interface language with what to do. (A leaf:
//! both readers, `workbook.rs` and `docx.rs`, name it.)

use crate::domain::lang::{Lang, format_count};

/// What a workbook may hold before it is refused.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Limits {
    /// The file as picked.
    pub file_bytes: usize,
    /// What its parts unpack to, as the zip's directory declares them.
    pub unpacked_bytes: u64,
    /// Parts in the zip.
    pub parts: usize,
    /// Rows of any one sheet.
    pub rows: usize,
    /// Cells with a value, over all sheets.
    pub cells: usize,
    /// Columns read of any sheet (cells further right are passed over).
    pub columns: usize,
}

/// Far more than any pilot table (the 100,000-record benchmark workbook is 2.6 MB, 22 MB
/// unpacked), far less than what would take a browser tab down.
pub const LIMITS: Limits = Limits {
    file_bytes: 40 * 1024 * 1024,
    unpacked_bytes: 256 * 1024 * 1024,
    parts: 10_000,
    rows: 200_000,
    cells: 4_000_000,
    columns: 200,
};

/// Why a workbook does not open. The page says it in the interface language, with what to do.
#[derive(Clone, Debug, PartialEq)]
pub enum Refusal {
    /// A web page saved with a workbook's name (what many systems' "export to Excel" does).
    Html,
    /// Excel 2003's XML spreadsheet format saved as .xls.
    SpreadsheetXml,
    /// Protected by a password.
    Encrypted,
    /// A zip or OLE container that is broken, or parts that do not read.
    Damaged {
        detail: String,
    },
    /// Neither a workbook nor anything else it could be taken for.
    NotAWorkbook,
    TooLarge {
        bytes: usize,
        limit: usize,
    },
    /// The zip's parts unpack to more than the limit: a zip bomb, or no pilot table.
    Unpacks {
        bytes: u64,
        limit: u64,
    },
    TooManyRows {
        sheet: String,
        limit: usize,
    },
    TooManyCells {
        limit: usize,
    },
    /// No sheet has any cell.
    Empty,
    /// No sheet has a header row with the columns of a pilot table.
    NoTable,
    /// A Word 97–2003 document (.doc) or a WPS one (.wps), which this reader does not read.
    OldWordDocument,
    /// A Word document with no table in it.
    NoTablesInDocument,
    /// A Word document whose text does not read (not well-formed, or nested past reason).
    DocumentDamaged {
        detail: String,
    },
    /// More tables than a report holds.
    TooManyTables {
        limit: usize,
    },
    /// The page asked about a table the engine no longer has.
    Failed,
}

/// What to do, said once after each refusal.
const SAVE_AS: [&str; 2] = [
    "请在 Excel 或 WPS 中另存为 .xlsx 后再打开。",
    "Save it as .xlsx in Excel or WPS and open that.",
];

impl Refusal {
    /// What happened and what to do, in `lang`.
    pub fn describe(&self, lang: Lang) -> String {
        let mb = |bytes: u64| format!("{:.1} MB", bytes as f64 / 1_048_576.0);
        let save_as = lang.pick(SAVE_AS[0], SAVE_AS[1]);
        match (self, lang) {
            (Refusal::Html, Lang::Zh) => format!(
                "这个文件其实是网页（HTML），只是用了工作簿的扩展名（很多系统“导出 Excel”时会这样）。{save_as}"
            ),
            (Refusal::Html, Lang::En) => format!(
                "this file is a web page (HTML) with a workbook's name, as many systems' \"export to Excel\" write. {save_as}"
            ),
            (Refusal::SpreadsheetXml, Lang::Zh) => format!(
                "这个文件是 Excel 2003 的 XML 表格（SpreadsheetML），不是真正的 .xls 工作簿。{save_as}"
            ),
            (Refusal::SpreadsheetXml, Lang::En) => format!(
                "this file is an Excel 2003 XML spreadsheet (SpreadsheetML), not a real .xls workbook. {save_as}"
            ),
            (Refusal::Encrypted, Lang::Zh) => format!(
                "这个工作簿设置了打开密码，无法读取。请在 Excel 或 WPS 中取消密码，{}",
                SAVE_AS[0].trim_start_matches("请在 Excel 或 WPS 中")
            ),
            (Refusal::Encrypted, Lang::En) => format!(
                "this workbook is protected by a password and cannot be read. Remove the password in Excel or WPS, then {}",
                SAVE_AS[1].replacen("Save", "save", 1)
            ),
            (Refusal::Damaged { detail }, Lang::Zh) => {
                format!("工作簿已损坏，无法读取（{detail}）。{save_as}")
            }
            (Refusal::Damaged { detail }, Lang::En) => {
                format!("the workbook is damaged and cannot be read ({detail}). {save_as}")
            }
            (Refusal::NotAWorkbook, Lang::Zh) => format!(
                "这个文件不是工作簿（.xlsx、.xls、.ods），也不是 CSV 或 TSV 表格。{save_as}"
            ),
            (Refusal::NotAWorkbook, Lang::En) => format!(
                "this file is not a workbook (.xlsx, .xls, .ods), nor a CSV or TSV table. {save_as}"
            ),
            (Refusal::TooLarge { bytes, limit }, Lang::Zh) => format!(
                "工作簿有 {}，超过了 {} 的上限，没有读取。请只保留试点数据所在的工作表，另存后再打开。",
                mb(*bytes as u64),
                mb(*limit as u64)
            ),
            (Refusal::TooLarge { bytes, limit }, Lang::En) => format!(
                "the workbook is {}, over the limit of {}; it was not read. Keep only the sheet with the pilot figures, save, and open that.",
                mb(*bytes as u64),
                mb(*limit as u64)
            ),
            (Refusal::Unpacks { bytes, limit }, Lang::Zh) => format!(
                "工作簿解压后有 {}，超过了 {} 的上限（文件可能被做了手脚），没有读取。",
                mb(*bytes),
                mb(*limit)
            ),
            (Refusal::Unpacks { bytes, limit }, Lang::En) => format!(
                "the workbook unpacks to {}, over the limit of {} (the file may have been tampered with); it was not read.",
                mb(*bytes),
                mb(*limit)
            ),
            (Refusal::TooManyRows { sheet, limit }, Lang::Zh) => format!(
                "工作表“{sheet}”超过 {} 行，没有读取。请只保留试点数据，另存后再打开。",
                format_count(*limit as u64, lang)
            ),
            (Refusal::TooManyRows { sheet, limit }, Lang::En) => format!(
                "the sheet \"{sheet}\" has more than {} rows; it was not read. Keep only the pilot figures, save, and open that.",
                format_count(*limit as u64, lang)
            ),
            (Refusal::TooManyCells { limit }, Lang::Zh) => format!(
                "工作簿中有数据的单元格超过 {} 个，没有读取。请只保留试点数据所在的工作表，另存后再打开。",
                format_count(*limit as u64, lang)
            ),
            (Refusal::TooManyCells { limit }, Lang::En) => format!(
                "the workbook has more than {} cells with values; it was not read. Keep only the sheet with the pilot figures, save, and open that.",
                format_count(*limit as u64, lang)
            ),
            (Refusal::Empty, Lang::Zh) => "工作簿中没有任何数据：各个工作表都是空的。".into(),
            (Refusal::Empty, Lang::En) => "the workbook holds no data: every sheet is empty.".into(),
            (Refusal::NoTable, Lang::Zh) => "没有找到试点数据的表头：各工作表中都没有“证书名称”“报考人数”“获证人数”这样的列名。请确认打开的是试点数据表。".into(),
            (Refusal::NoTable, Lang::En) => "no header of pilot figures was found: no sheet has columns such as 证书名称 (certificate), 报考人数 (registered), 获证人数 (certified). Check that this is the pilot table.".into(),
            (Refusal::OldWordDocument, Lang::Zh) => {
                "这是 Word 97–2003 文档（.doc）或 WPS 文档（.wps），无法直接读取。请在 Word 或 WPS 中另存为 .docx 后再打开。".into()
            }
            (Refusal::OldWordDocument, Lang::En) => {
                "this is a Word 97–2003 (.doc) or WPS (.wps) document, which cannot be read directly. Save it as .docx in Word or WPS and open that.".into()
            }
            (Refusal::NoTablesInDocument, Lang::Zh) => {
                "这个 Word 文档中没有表格：试点数据是从文档的表格中读取的。请打开含有试点数据表格的文档。".into()
            }
            (Refusal::NoTablesInDocument, Lang::En) => {
                "this Word document has no table: the pilot figures are read from a document's tables. Open the document with the pilot table.".into()
            }
            (Refusal::DocumentDamaged { detail }, Lang::Zh) => format!(
                "Word 文档已损坏，无法读取（{detail}）。请在 Word 或 WPS 中打开它，另存为 .docx 后再打开。"
            ),
            (Refusal::DocumentDamaged { detail }, Lang::En) => format!(
                "the Word document is damaged and cannot be read ({detail}). Open it in Word or WPS, save it as .docx, and open that."
            ),
            (Refusal::TooManyTables { limit }, Lang::Zh) => format!(
                "这个 Word 文档中的表格超过 {} 个，没有读取。请只保留试点数据的表格，另存后再打开。",
                format_count(*limit as u64, lang)
            ),
            (Refusal::TooManyTables { limit }, Lang::En) => format!(
                "this Word document has more than {} tables; it was not read. Keep only the pilot tables, save, and open that.",
                format_count(*limit as u64, lang)
            ),
            (Refusal::Failed, Lang::Zh) => "这张表已不在预览中（读取程序重新启动过），请重新打开文件。".into(),
            (Refusal::Failed, Lang::En) => {
                "this table is no longer in the preview (the reader was restarted); open the file again.".into()
            }
        }
    }
}
