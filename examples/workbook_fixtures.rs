//! Writes the workbook fixtures the tests open: a college's own workbook (a notes sheet in
//! front, a title row, merged batch cells, other headings, majors by name alone, percent cells,
//! 待公布, a 合计 row), the same table as a GB18030 CSV and as OpenDocument; the 2021 report as a
//! Word document (its tables 1, 2 and 3, from the tables pasted out of it); and the hostile
//! workbooks and documents.
//!
//!     cargo run --example workbook_fixtures            # tests/fixtures, tests/hostile
//!     cargo run --example workbook_fixtures -- rows N  # a benchmark workbook of N records, to stdout

use std::io::Write;
use std::path::Path;

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook, XlsxError};
use zip::write::{SimpleFileOptions, ZipWriter};

const HEADER: [&str; 8] = [
    "序号",
    "批次",
    "证书名称",
    "等级",
    "涉及专业",
    "考核人数",
    "通过人数",
    "通过率",
];

/// A row of the college's table: batch, certificate, level, majors, registered, certified, rate.
type Row = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    f64,
    &'static str,
    Option<f64>,
);

const ROWS: [Row; 5] = [
    (
        "2021年第一批",
        "产品创意设计职业技能等级证书",
        "中级",
        "工业设计",
        50.0,
        "43",
        Some(0.86),
    ),
    (
        "",
        "机械工程制图职业技能等级证书",
        "中级",
        "机械制造与自动化、数控技术",
        59.0,
        "44",
        Some(0.7458),
    ),
    (
        "",
        "数字创意建模职业技能等级证书",
        "中级",
        "数字展示技术",
        200.0,
        "待公布",
        None,
    ),
    (
        "2021年沿用批次",
        "Web前端开发职业技能等级证书",
        "初",
        "软件技术",
        2.0,
        "2",
        Some(1.0),
    ),
    (
        "",
        "Web前端开发职业技能等级证书",
        "中",
        "软件技术",
        325.0,
        "211人",
        Some(0.6492),
    ),
];

fn college_workbook() -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    // A fixed date, so that writing the fixtures again leaves them as they are.
    let date = ExcelDateTime::from_ymd(2022, 1, 5)?;
    book.set_properties(&DocProperties::new().set_creation_datetime(&date));
    let percent = Format::new().set_num_format("0.00%");
    let plain = Format::new();
    let notes = book.add_worksheet();
    notes.set_name("填表说明")?;
    notes.write_string(0, 0, "填表说明")?;
    notes.write_string(1, 0, "1. 每个证书的每个等级填一行。")?;
    notes.write_string(2, 0, "2. 尚未公布成绩的填“待公布”。")?;
    let sheet = book.add_worksheet();
    sheet.set_name("考核情况")?;
    sheet.merge_range(
        0,
        0,
        0,
        7,
        "某职业学院2021年“1+X”证书试点考核情况汇总表",
        &plain,
    )?;
    sheet.write_string(1, 0, "填表日期：2022年1月5日")?;
    for (column, heading) in HEADER.iter().enumerate() {
        sheet.write_string(3, column as u16, *heading)?;
    }
    for (i, (batch, certificate, level, majors, registered, certified, rate)) in
        ROWS.iter().enumerate()
    {
        let row = 4 + i as u32;
        sheet.write_number(row, 0, (i + 1) as f64)?;
        if !batch.is_empty() {
            // The batch cell merged down over its rows, as colleges lay their tables out.
            let last = row + ROWS[i + 1..].iter().take_while(|r| r.0.is_empty()).count() as u32;
            if last > row {
                sheet.merge_range(row, 1, last, 1, batch, &plain)?;
            } else {
                sheet.write_string(row, 1, *batch)?;
            }
        }
        sheet.write_string(row, 2, *certificate)?;
        sheet.write_string(row, 3, *level)?;
        sheet.write_string(row, 4, *majors)?;
        sheet.write_number(row, 5, *registered)?;
        match certified.parse::<f64>() {
            Ok(n) => sheet.write_number(row, 6, n)?,
            Err(_) => sheet.write_string(row, 6, *certified)?,
        };
        if let Some(rate) = rate {
            sheet.write_number_with_format(row, 7, *rate, &percent)?;
        }
    }
    let totals = 4 + ROWS.len() as u32;
    sheet.merge_range(totals, 0, totals, 4, "合计", &plain)?;
    sheet.write_number(totals, 5, 636.0)?;
    sheet.write_number(totals, 6, 300.0)?;
    book.save_to_buffer()
}

/// The same table as Excel saves it as CSV on a Chinese Windows: GB18030, percent as text.
fn college_csv() -> Vec<u8> {
    let mut text = String::from(
        "某职业学院2021年“1+X”证书试点考核情况汇总表\r\n填表日期：2022年1月5日\r\n\r\n",
    );
    text += &HEADER.join(",");
    text += "\r\n";
    for (i, (batch, certificate, level, majors, registered, certified, rate)) in
        ROWS.iter().enumerate()
    {
        let rate = rate.map_or(String::new(), |r| format!("{:.2}%", r * 100.0));
        text += &format!(
            "{},{batch},{certificate},{level},\"{majors}\",{registered},{certified},{rate}\r\n",
            i + 1
        );
    }
    text += "合计,,,,,636,300,\r\n";
    let (bytes, _, _) = encoding_rs::GB18030.encode(&text);
    bytes.into_owned()
}

/// The same table as LibreOffice and WPS save it as OpenDocument (.ods): the batch spans its rows
/// (covered cells come out empty), percent cells are `percentage` values.
fn college_ods() -> Vec<u8> {
    let text = |t: &str| {
        format!(
            r#"<table:table-cell office:value-type="string"><text:p>{t}</text:p></table:table-cell>"#
        )
    };
    let number = |n: f64| {
        format!(
            r#"<table:table-cell office:value-type="float" office:value="{n}"><text:p>{n}</text:p></table:table-cell>"#
        )
    };
    let empty = "<table:table-cell/>".to_string();
    let mut rows = vec![
        format!(
            "<table:table-row>{}</table:table-row>",
            text("某职业学院2021年“1+X”证书试点考核情况汇总表")
        ),
        format!(
            "<table:table-row>{}</table:table-row>",
            HEADER.map(text).join("")
        ),
    ];
    for (i, (batch, certificate, level, majors, registered, certified, rate)) in
        ROWS.iter().enumerate()
    {
        let rate = rate.map_or(empty.clone(), |r| {
            format!(r#"<table:table-cell office:value-type="percentage" office:value="{r}"><text:p>{:.2}%</text:p></table:table-cell>"#, r * 100.0)
        });
        let certified = certified
            .parse::<f64>()
            .map_or_else(|_| text(certified), number);
        let batch = if batch.is_empty() {
            "<table:covered-table-cell/>".to_string()
        } else {
            text(batch)
        };
        rows.push(format!(
            "<table:table-row>{}{batch}{}{}{}{}{certified}{rate}</table:table-row>",
            number((i + 1) as f64),
            text(certificate),
            text(level),
            text(majors),
            number(*registered)
        ));
    }
    rows.push(format!(
        "<table:table-row>{}{empty}{empty}{empty}{empty}{}{}</table:table-row>",
        text("合计"),
        number(636.0),
        number(300.0)
    ));
    let content = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet><table:table table:name="考核情况">{}</table:table></office:spreadsheet></office:body></office:document-content>"#,
        rows.join("")
    );
    let mut zip = ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    let deflated =
        SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    zip.start_file("mimetype", stored).unwrap();
    zip.write_all(b"application/vnd.oasis.opendocument.spreadsheet")
        .unwrap();
    zip.start_file("META-INF/manifest.xml", deflated).unwrap();
    zip.write_all(br#"<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#).unwrap();
    zip.start_file("content.xml", deflated).unwrap();
    zip.write_all(content.as_bytes()).unwrap();
    zip.finish().unwrap().into_inner()
}

/// A benchmark workbook: `n` records under the college's headings.
fn rows_workbook(n: u32) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let percent = Format::new().set_num_format("0.00%");
    let sheet = book.add_worksheet();
    for (column, heading) in HEADER.iter().enumerate() {
        sheet.write_string(0, column as u16, *heading)?;
    }
    for i in 0..n {
        let row = i + 1;
        let registered = 20.0 + f64::from(i % 300);
        let certified = (registered * 0.7).floor();
        sheet.write_number(row, 0, f64::from(row))?;
        sheet.write_string(row, 1, format!("{}年第{}批", 2019 + i % 5, 1 + i % 3))?;
        sheet.write_string(row, 2, format!("证书{i}职业技能等级证书"))?;
        sheet.write_string(row, 3, ["初级", "中级", "高级"][(i % 3) as usize])?;
        sheet.write_string(row, 4, format!("{} 专业{}", 510000 + i % 900, i % 900))?;
        sheet.write_number(row, 5, registered)?;
        sheet.write_number(row, 6, certified)?;
        sheet.write_number_with_format(row, 7, certified / registered, &percent)?;
    }
    book.save_to_buffer()
}

/// The parts every .xlsx has, around a sheet of the caller's.
fn handmade_xlsx(sheet: &[u8], extra: Option<(&str, u64)>) -> Vec<u8> {
    let mut zip = ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    let parts: [(&str, &[u8]); 4] = [
        ("[Content_Types].xml", br#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#),
        ("_rels/.rels", br#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#),
        ("xl/workbook.xml", br#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>"#),
        ("xl/_rels/workbook.xml.rels", br#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#),
    ];
    for (name, bytes) in parts {
        zip.start_file(name, options).unwrap();
        zip.write_all(bytes).unwrap();
    }
    zip.start_file(
        "xl/worksheets/sheet1.xml",
        options.large_file(sheet.len() > u32::MAX as usize),
    )
    .unwrap();
    zip.write_all(sheet).unwrap();
    add_zeros(&mut zip, options, extra);
    zip.finish().unwrap().into_inner()
}

/// The 2021 report as a Word document: its title and opening text, then tables 1, 2 and 3 as
/// Word tables under their captions, as the report lays them out. Tables 1 and 3 come from the
/// tables pasted out of it (`report-table1.tsv`, `report-table3.tsv`), each continued after a
/// page break as a second or third table under the same header, as Word writes a table that runs
/// over a page; the batch cells merged down each part, the majors one paragraph each, table 3's
/// 总计 across three columns. Table 2 (书证融通: certificate, level, majors) is table 1's columns.
fn report_docx() -> Vec<u8> {
    let escape = |text: &str| {
        text.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    };
    let paragraph = |text: &str| {
        format!(
            r#"<w:p><w:r><w:t xml:space="preserve">{}</w:t></w:r></w:p>"#,
            escape(text)
        )
    };
    let page_break = r#"<w:p><w:r><w:br w:type="page"/></w:r></w:p>"#;
    // A table's parts: the rows under each header, the header repeated where a page begins.
    let parts = |tsv: &str| -> (Vec<String>, Vec<Vec<Vec<String>>>) {
        let mut lines = tsv
            .lines()
            .map(|l| l.split('\t').map(str::to_string).collect::<Vec<_>>());
        let header = lines.next().unwrap();
        let mut parts = vec![Vec::new()];
        for line in lines {
            if line == header {
                parts.push(Vec::new());
            } else {
                parts.last_mut().unwrap().push(line);
            }
        }
        (header, parts)
    };
    // A part as a Word table: batch cells (column 0) merged down while they repeat, the majors
    // column's codes one paragraph each, a 总计 row's label across `total_span` columns.
    let table =
        |header: &[String], rows: &[Vec<String>], majors: Option<usize>, total_span: usize| {
            let cell = |properties: String, lines: Vec<String>| {
                let body: String = lines.iter().map(|l| paragraph(l)).collect();
                format!("<w:tc><w:tcPr>{properties}</w:tcPr>{body}</w:tc>")
            };
            let mut xml = String::from(
                r#"<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/></w:tblPr><w:tblGrid/>"#,
            );
            xml.push_str(&format!(
                "<w:tr><w:trPr><w:tblHeader/></w:trPr>{}</w:tr>",
                header
                    .iter()
                    .map(|h| cell(String::new(), vec![h.clone()]))
                    .collect::<String>()
            ));
            for (index, row) in rows.iter().enumerate() {
                xml.push_str("<w:tr>");
                if row[0] == "总计" && total_span > 1 {
                    xml.push_str(&cell(
                        format!(r#"<w:gridSpan w:val="{total_span}"/>"#),
                        vec![row[0].clone()],
                    ));
                    for value in &row[total_span..] {
                        xml.push_str(&cell(String::new(), vec![value.clone()]));
                    }
                    xml.push_str("</w:tr>");
                    continue;
                }
                for (column, value) in row.iter().enumerate() {
                    let merge = match (column, index) {
                        (0, 0) => r#"<w:vMerge w:val="restart"/>"#.to_string(),
                        (0, _) if rows[index - 1][0] == *value => "<w:vMerge/>".to_string(),
                        (0, _) => r#"<w:vMerge w:val="restart"/>"#.to_string(),
                        _ => String::new(),
                    };
                    let continued = merge == "<w:vMerge/>";
                    let lines = if continued {
                        vec![String::new()]
                    } else if Some(column) == majors {
                        value.split_whitespace().map(str::to_string).collect()
                    } else {
                        vec![value.clone()]
                    };
                    xml.push_str(&cell(merge, lines));
                }
                xml.push_str("</w:tr>");
            }
            xml.push_str("</w:tbl>");
            xml
        };
    let (header1, parts1) = parts(include_str!("../tests/fixtures/report-table1.tsv"));
    let (header3, parts3) = parts(include_str!("../tests/fixtures/report-table3.tsv"));
    let mut body = String::new();
    body.push_str(r#"<w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr><w:r><w:t>2021年“1+X”证书制度试点工作报告</w:t></w:r></w:p>"#);
    body.push_str(&paragraph("为了深入贯彻落实《国家职业教育改革实施方案》，学校扎实推进“1+X”证书制度试点工作。现将截止到 2021 年 12 月 31 日的试点工作情况报告如下。"));
    body.push_str(&paragraph("一、试点证书"));
    body.push_str(&paragraph("学校作为两批“1+X”证书制度试点院校，2021年共申请了产品创意设计职业技能等级证书等23个“1+X”证书制度试点，加上沿用批次一共获批36个试点。详情见表1。"));
    body.push_str(&paragraph("表1 “1+X”证书制度试点明细表"));
    for (index, part) in parts1.iter().enumerate() {
        if index > 0 {
            body.push_str(page_break);
        }
        body.push_str(&table(&header1, part, Some(3), 1));
    }
    body.push_str(&paragraph("二、具体工作"));
    body.push_str(&paragraph("表2 书证融通一览表"));
    let rows2: Vec<Vec<String>> = parts1
        .iter()
        .flatten()
        .filter(|row| row[0] != "总计")
        .map(|row| vec![row[1].clone(), row[2].clone(), row[3].clone()])
        .collect();
    let header2 = ["证书试点", "等级", "专业"].map(str::to_string);
    // (No batch column: merging down the first column would merge certificates.)
    let table2 = table(&header2, &rows2, Some(2), 1)
        .replace(r#"<w:vMerge w:val="restart"/>"#, "")
        .replace("<w:vMerge/>", "");
    body.push_str(&table2);
    body.push_str(&paragraph("2. 师资队伍"));
    body.push_str(&paragraph("2021 年，学校选派 212 人次专业骨干教师参加“1+X”证书制度试点师资团队国培班、广东省高职骨干教师教学能力提升国培项目、职业技能等级证书师资能力提升研究班等职业技能等级证书专项培训，共有 111 名教师取得了“1+X”证书考评员资格。"));
    body.push_str(&paragraph("3. 基地建设"));
    body.push_str(&paragraph("学校投入了 260 多万资金用于汽车运用与维修职业技能等级证书试点和智能新能源汽车职业技能等级证书试点建设，目前一共获批有 43 个考核站点。"));
    body.push_str(&paragraph("三、考核情况"));
    body.push_str(&paragraph("表3 “1+X”证书制度试点考核情况表"));
    for (index, part) in parts3.iter().enumerate() {
        if index > 0 {
            body.push_str(page_break);
        }
        body.push_str(&table(&header3, part, None, 3));
    }
    let document = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}<w:sectPr/></w:body></w:document>"#
    );
    let mut zip = ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    let parts: [(&str, &[u8]); 3] = [
        ("[Content_Types].xml", br#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#),
        ("_rels/.rels", br#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#),
        ("word/document.xml", document.as_bytes()),
    ];
    for (name, bytes) in parts {
        zip.start_file(name, options).unwrap();
        zip.write_all(bytes).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

/// A .docx of `document` (and, as `handmade_xlsx`, an extra part of zeros).
fn handmade_docx(document: &str, extra: Option<(&str, u64)>) -> Vec<u8> {
    let mut zip = ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    zip.start_file("[Content_Types].xml", options).unwrap();
    zip.write_all(br#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>"#).unwrap();
    zip.start_file("word/document.xml", options).unwrap();
    zip.write_all(document.as_bytes()).unwrap();
    add_zeros(&mut zip, options, extra);
    zip.finish().unwrap().into_inner()
}

/// A part `name` of `zeros` zero bytes, where `extra` asks for one (a zip bomb's payload).
fn add_zeros(
    zip: &mut ZipWriter<std::io::Cursor<Vec<u8>>>,
    options: SimpleFileOptions,
    extra: Option<(&str, u64)>,
) {
    if let Some((name, zeros)) = extra {
        zip.start_file(name, options.large_file(zeros > u32::MAX as u64))
            .unwrap();
        let block = vec![0u8; 1 << 20];
        for _ in 0..zeros >> 20 {
            zip.write_all(&block).unwrap();
        }
    }
}

fn sheet_xml(rows: &str) -> Vec<u8> {
    format!(r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{rows}</sheetData></worksheet>"#).into_bytes()
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let [what, n] = args.as_slice()
        && what == "rows"
    {
        std::io::stdout().write_all(&rows_workbook(n.parse()?)?)?;
        return Ok(());
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    std::fs::write(
        root.join("fixtures/college-workbook.xlsx"),
        college_workbook()?,
    )?;
    std::fs::write(
        root.join("fixtures/college-workbook-gb18030.csv"),
        college_csv(),
    )?;
    std::fs::write(root.join("fixtures/college-workbook.ods"), college_ods())?;
    std::fs::write(root.join("fixtures/report-2021.docx"), report_docx())?;

    let hostile = root.join("hostile");
    let header = r#"<row r="1"><c r="A1" t="inlineStr"><is><t>证书名称</t></is></c><c r="B1" t="inlineStr"><is><t>报考人数</t></is></c></row>"#;
    // A few hundred KB that unpack to 400 MB.
    let bomb = handmade_xlsx(&sheet_xml(header), Some(("xl/media/image1.bin", 400 << 20)));
    std::fs::write(hostile.join("zip-bomb.xlsx"), bomb)?;
    // A million rows (without row numbers, which Excel may leave out).
    let million =
        header.to_string() + &"<row><c><v>1</v></c><c><v>2</v></c></row>".repeat(1_000_000);
    std::fs::write(
        hostile.join("million-rows.xlsx"),
        handmade_xlsx(&sheet_xml(&million), None),
    )?;
    // Elements nested 200,000 deep inside the sheet.
    let nested = "<x>".repeat(200_000) + &"</x>".repeat(200_000);
    std::fs::write(
        hostile.join("nested.xlsx"),
        handmade_xlsx(&sheet_xml(&nested), None),
    )?;
    // Word documents: one with a part that unpacks to 400 MB, one nested 200,000 deep, one of
    // 10,000 tables.
    let document = |body: &str| {
        format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>"#
        )
    };
    let table =
        "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>证书名称</w:t></w:r></w:p></w:tc></w:tr></w:tbl>";
    std::fs::write(
        hostile.join("zip-bomb.docx"),
        handmade_docx(&document(table), Some(("word/media/image1.bin", 400 << 20))),
    )?;
    std::fs::write(
        hostile.join("nested.docx"),
        handmade_docx(
            &document(&("<w:sdt>".repeat(200_000) + &"</w:sdt>".repeat(200_000))),
            None,
        ),
    )?;
    std::fs::write(
        hostile.join("many-tables.docx"),
        handmade_docx(&document(&table.repeat(10_000)), None),
    )?;
    // A zip cut off half-way, as a failed download leaves it.
    let whole = college_workbook()?;
    std::fs::write(hostile.join("truncated.xlsx"), &whole[..whole.len() / 2])?;
    // An encrypted .xlsx is an OLE container whose directory names the encrypted package: the
    // start of one (enough to be told apart; the reader goes no further).
    let mut encrypted = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    encrypted.resize(1024, 0);
    encrypted.extend(
        "EncryptionInfo\0EncryptedPackage"
            .encode_utf16()
            .flat_map(u16::to_le_bytes),
    );
    encrypted.resize(2048, 0);
    std::fs::write(hostile.join("encrypted.xlsx"), encrypted)?;
    // What systems' "export to Excel" often writes: a web page, or Excel 2003 XML.
    std::fs::write(
        hostile.join("web-page.xls"),
        "<html><head><meta charset=\"utf-8\"></head><body><table><tr><td>证书名称</td><td>报考人数</td></tr></table></body></html>",
    )?;
    std::fs::write(
        hostile.join("spreadsheet-2003.xls"),
        "<?xml version=\"1.0\"?>\n<?mso-application progid=\"Excel.Sheet\"?>\n<Workbook xmlns=\"urn:schemas-microsoft-com:office:spreadsheet\"><Worksheet ss:Name=\"Sheet1\"/></Workbook>",
    )?;
    Ok(())
}
