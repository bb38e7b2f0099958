//! Chart geometry in CSS pixels: row positions, the label column, axis ticks, and text that
//! fits. Plain arithmetic, so it is tested natively and shared by drawing and hit-testing.

/// Height of one bar row, the least a row gets.
pub const ROW_HEIGHT: f64 = 28.0;
/// The most a row gets when a chart is drawn into more height than its rows need (a slide
/// with three groups, an export at a slide's size): rows grow up to this, then stay at the top.
pub const MAX_ROW_HEIGHT: f64 = 2.0 * ROW_HEIGHT;
/// Under this width (a phone) a row's label goes above its bar instead of beside it, so both
/// get the whole width.
pub const STACK_BELOW: f64 = 480.0;
/// A row with its label above the bar: a line of label, then the bar.
pub const STACKED_ROW_HEIGHT: f64 = 46.0;
const STACKED_LABEL_LINE: f64 = 18.0;
/// Space above the rows (legend, reference label) and below them (axis, note).
pub const TOP: f64 = 34.0;
pub const BOTTOM: f64 = 64.0;
pub const LABEL_FONT: f64 = 13.0;
pub const VALUE_FONT: f64 = 12.0;
/// Room kept right of the longest bar for its value label.
pub const VALUE_ROOM: f64 = 132.0;

/// The estimated width of text in pixels: CJK and full-width characters are one em wide,
/// others a little over half. Close enough to keep labels apart without measuring fonts.
// (Not inlined: the label fitting calls these often, and each copy is first-load bytes.)
#[inline(never)]
pub fn text_width(text: &str, font_px: f64) -> f64 {
    text.chars()
        .map(|c| {
            if is_wide(c) {
                1.0
            } else if c.is_ascii_uppercase() || c == 'm' || c == 'w' {
                0.68
            } else {
                0.56
            }
        })
        .sum::<f64>()
        * font_px
}

fn is_wide(c: char) -> bool {
    matches!(c as u32,
        0x1100..=0x115F | 0x2E80..=0x303E | 0x3040..=0xA4CF | 0xAC00..=0xD7A3 |
        0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6 |
        0x20000..=0x3FFFD | 0x2014 | 0x2026 | 0x201C | 0x201D | 0x00B7)
}

/// Text cut to fit `max_px`, with an ellipsis where it was cut.
#[inline(never)]
pub fn fit_text(text: &str, max_px: f64, font_px: f64) -> String {
    if text_width(text, font_px) <= max_px {
        return text.to_string();
    }
    let budget = max_px - text_width("…", font_px);
    let mut used = 0.0;
    let mut out = String::new();
    for c in text.chars() {
        let w = text_width(c.encode_utf8(&mut [0; 4]), font_px);
        if used + w > budget {
            break;
        }
        used += w;
        out.push(c);
    }
    out.push('…');
    out
}

/// A bar's label cut to fit `max_px`, keeping what tells two labels apart: the level and the
/// aside after the name (` · 中级（2021年第一批）`, ` · Intermediate (2021 batch 1)`) stay whole
/// and the name is cut instead, so that two rows of one certificate at two levels or in two
/// batches never read alike. Where that part would take more than three fifths of the room,
/// the name keeps less than a third, the level stays whole and the aside keeps its end
/// (`数控…·中级（…沿用批次）`).
pub fn fit_label(text: &str, max_px: f64, font_px: f64) -> String {
    if text_width(text, font_px) <= max_px {
        return text.to_string();
    }
    let aside_start = if text.ends_with('）') {
        text.rfind('（')
    } else if text.ends_with(')') {
        text.rfind('(')
            .filter(|&at| text[..at].ends_with(' '))
            .map(|at| at - 1)
    } else {
        None
    }
    .filter(|&start| start > 0);
    // The level: from the space before the last " · ".
    let level_start = text
        .rfind('·')
        .filter(|&at| text[..at].ends_with(' '))
        .map(|at| at - 1);
    let Some(start) = level_start.or(aside_start).filter(|&start| start > 0) else {
        return fit_text(text, max_px, font_px);
    };
    let (name, tail) = text.split_at(start);
    let tail_width = text_width(tail, font_px);
    // The name down to two characters and the ellipsis, before anything else is cut.
    if max_px - tail_width >= 3.0 * font_px {
        return format!("{}{tail}", fit_text(name, max_px - tail_width, font_px));
    }
    // Tight: the level whole (without the spaces around its dot), the aside cut from its start.
    let (level, aside) = tail.split_at(aside_start.map_or(tail.len(), |at| at.max(start) - start));
    let level = match level.strip_prefix(" · ") {
        Some(rest) => format!("·{rest}"),
        None => level.to_string(),
    };
    let head = fit_text(name, (max_px * 0.3).max(3.0 * font_px), font_px);
    let room = max_px - text_width(&head, font_px) - text_width(&level, font_px);
    if room < 0.0 {
        return fit_text(text, max_px, font_px);
    }
    format!("{head}{level}{}", cut_aside(aside, room, font_px))
}

/// An aside (`（2021年沿用批次）`, ` (2021 batch 1)`) cut from its start to fit `max_px`,
/// keeping its opening bracket and its end: `（…沿用批次）`; nothing where not even that fits.
fn cut_aside(aside: &str, max_px: f64, font_px: f64) -> String {
    if text_width(aside, font_px) <= max_px {
        return aside.to_string();
    }
    let opening = &aside[..aside.find(['（', '(']).map_or(0, |at| {
        at + aside[at..].chars().next().map_or(0, char::len_utf8)
    })];
    let reversed: String = aside[opening.len()..].chars().rev().collect();
    let kept: String = fit_text(&reversed, max_px - text_width(opening, font_px), font_px)
        .chars()
        .rev()
        .collect();
    // At least two characters and the closing bracket after the ellipsis, or nothing.
    if kept.chars().count() < 4 {
        return String::new();
    }
    format!("{opening}{kept}")
}

/// Text broken into at most `max_lines` lines of at most `max_px`, the last one cut with an
/// ellipsis if the text is longer still. Lines break after a Chinese or English clause mark
/// (，；、,;) past the line's first third, else after a space there, else between any two
/// characters (as Chinese allows).
pub fn wrap_text(text: &str, max_px: f64, font_px: f64, max_lines: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut rest = text.trim();
    while !rest.is_empty() && lines.len() + 1 < max_lines.max(1) {
        if text_width(rest, font_px) <= max_px {
            break;
        }
        // The longest prefix that fits.
        let mut used = 0.0;
        let mut end = 0;
        for (at, c) in rest.char_indices() {
            used += text_width(c.encode_utf8(&mut [0; 4]), font_px);
            if used > max_px {
                break;
            }
            end = at + c.len_utf8();
        }
        let fitting = &rest[..end.max(rest.chars().next().map_or(0, char::len_utf8))];
        // A clause mark past the line's first third, else a space there, else where it fills.
        let break_after = |marks: &[char]| {
            fitting
                .char_indices()
                .rev()
                .find(|(at, c)| *at * 3 >= fitting.len() && marks.contains(c))
                .map(|(at, c)| at + c.len_utf8())
        };
        let cut = break_after(&['，', '；', '、', ',', ';'])
            .or_else(|| break_after(&[' ']))
            .unwrap_or(fitting.len());
        lines.push(rest[..cut].trim_end().to_string());
        rest = rest[cut..].trim_start();
    }
    if !rest.is_empty() {
        lines.push(fit_text(rest, max_px, font_px));
    }
    lines
}

/// Where the parts of a horizontal bar chart go.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct BarLayout {
    pub width: f64,
    pub height: f64,
    pub rows: usize,
    /// Height of each row: `ROW_HEIGHT`, or more where the chart fills a taller area.
    pub row_height: f64,
    /// Labels above the bars (narrow charts) rather than in a column beside them.
    pub stacked: bool,
    /// Labels end here (right-aligned); the plot starts a little after.
    pub label_right: f64,
    pub plot_left: f64,
    pub plot_right: f64,
}

impl BarLayout {
    /// Lays out `rows` bars whose labels have these widths, in a chart `width` wide.
    pub fn new(width: f64, rows: usize, widest_label: f64) -> BarLayout {
        let width = width.max(240.0);
        if width < STACK_BELOW {
            return BarLayout {
                width,
                height: chart_height_at(width, rows),
                rows,
                row_height: STACKED_ROW_HEIGHT,
                stacked: true,
                label_right: width - 8.0,
                plot_left: 8.0,
                plot_right: width - VALUE_ROOM,
            };
        }
        // Labels get what they need, but never more than 42% of the width.
        let label_right = (widest_label + 12.0).clamp(80.0, width * 0.42);
        let plot_left = label_right + 10.0;
        let plot_right = (width - VALUE_ROOM).max(plot_left + 60.0);
        BarLayout {
            width,
            height: chart_height(rows),
            rows,
            row_height: ROW_HEIGHT,
            stacked: false,
            label_right,
            plot_left,
            plot_right,
        }
    }

    /// Lays out one bar per label, the label column as wide as the widest label needs.
    pub fn for_labels<'a>(width: f64, labels: impl ExactSizeIterator<Item = &'a str>) -> BarLayout {
        let rows = labels.len();
        let widest = labels
            .map(|label| text_width(label, LABEL_FONT))
            .fold(0.0, f64::max);
        BarLayout::new(width, rows, widest)
    }

    /// The same layout with its rows grown to fill an area `height` tall (between
    /// `ROW_HEIGHT` and `MAX_ROW_HEIGHT` each), so a chart of few bars fills a slide.
    pub fn filling(self, height: f64) -> BarLayout {
        self.filling_from(height, ROW_HEIGHT)
    }

    /// [`BarLayout::filling`] with rows of at least `least` (slides take compact rows, so
    /// more bars fit at the room's type size; stacked rows keep their own least).
    pub fn filling_from(self, height: f64, least: f64) -> BarLayout {
        let rows = self.rows.max(1) as f64;
        let least = if self.stacked {
            STACKED_ROW_HEIGHT
        } else {
            least
        };
        let row_height = ((height - TOP - BOTTOM) / rows).clamp(least, least.max(MAX_ROW_HEIGHT));
        BarLayout {
            row_height,
            height: TOP + rows * row_height + BOTTOM,
            ..self
        }
    }

    pub fn label_room(&self) -> f64 {
        self.label_right - 8.0
    }

    pub fn row_top(&self, row: usize) -> f64 {
        TOP + row as f64 * self.row_height
    }

    /// The height a row's bars are drawn in: the row, less the label line when stacked.
    pub fn band(&self) -> f64 {
        if self.stacked {
            self.row_height - STACKED_LABEL_LINE
        } else {
            self.row_height
        }
    }

    /// The middle of a row's bars (and of its value label).
    pub fn row_centre(&self, row: usize) -> f64 {
        self.row_top(row) + self.row_height - self.band() / 2.0
    }

    /// Where a row's label is written: its point, and how the text sits on it (right-aligned
    /// and centred beside the bar, or left-aligned above it).
    pub fn label_anchor(&self, row: usize) -> (f64, f64, LabelSide) {
        if self.stacked {
            (self.plot_left, self.row_top(row) + 2.0, LabelSide::Above)
        } else {
            (self.label_right, self.row_centre(row), LabelSide::Beside)
        }
    }

    pub fn rows_bottom(&self) -> f64 {
        self.row_top(self.rows)
    }

    /// The x of a value on an axis from 0 to `max`.
    pub fn x_of(&self, value: f64, max: f64) -> f64 {
        let share = if max > 0.0 {
            (value / max).clamp(0.0, 1.0)
        } else {
            0.0
        };
        self.plot_left + share * (self.plot_right - self.plot_left)
    }

    /// The row under a point, for tooltips and clicks.
    pub fn row_at(&self, y: f64) -> Option<usize> {
        if y < TOP {
            return None;
        }
        let row = ((y - TOP) / self.row_height) as usize;
        (row < self.rows).then_some(row)
    }
}

/// Converts CSS pixels to device pixels and makes text styles at the chart's scale.
#[derive(Clone, Copy)]
pub struct Pen {
    pub scale: f64,
    pub font: &'static str,
}

impl Pen {
    pub fn px(self, css: f64) -> i32 {
        (css * self.scale).round() as i32
    }

    pub fn point(self, x: f64, y: f64) -> (i32, i32) {
        (self.px(x), self.px(y))
    }

    /// A line width in device pixels, at least one.
    pub fn stroke(self, css: f64) -> u32 {
        (css * self.scale).round().max(1.0) as u32
    }

    pub fn text(self, size: f64) -> plotters::style::TextStyle<'static> {
        plotters::style::TextStyle::from((self.font, size * self.scale))
    }
}

/// Where a row's label sits against its point (see [`BarLayout::label_anchor`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LabelSide {
    Beside,
    Above,
}

/// The height a chart of `rows` bars needs, labels beside the bars.
pub fn chart_height(rows: usize) -> f64 {
    TOP + rows.max(1) as f64 * ROW_HEIGHT + BOTTOM
}

/// The height a chart of `rows` bars needs at `width` (taller where labels go above bars; a
/// width of 0, not yet measured, counts as wide).
pub fn chart_height_at(width: f64, rows: usize) -> f64 {
    if width > 0.0 && width.max(240.0) < STACK_BELOW {
        TOP + rows.max(1) as f64 * STACKED_ROW_HEIGHT + BOTTOM
    } else {
        chart_height(rows)
    }
}

/// How many rows a chart `height` layout pixels tall holds (at least one): the inverse of
/// [`chart_height`].
pub fn rows_fitting(height: f64) -> usize {
    rows_fitting_at(height, ROW_HEIGHT)
}

/// How many rows of at least `row_height` a chart `height` tall holds (at least one).
pub fn rows_fitting_at(height: f64, row_height: f64) -> usize {
    (((height - TOP - BOTTOM) / row_height).floor() as usize).max(1)
}

/// How many rows a chart `width` × `height` holds with rows of at least `row_height` (or the
/// stacked rows a narrow chart takes).
pub fn rows_fitting_in(width: f64, height: f64, row_height: f64) -> usize {
    if width < STACK_BELOW {
        rows_fitting_at(height, STACKED_ROW_HEIGHT)
    } else {
        rows_fitting_at(height, row_height)
    }
}

/// The least row height on a slide: a line of label type (13) with room around it, so that
/// at the room's type size (24 CSS px and up) more bars fit than the dashboard's rows allow.
pub const SLIDE_ROW_HEIGHT: f64 = 20.0;

/// Round axis ticks from 0 to at least `max`: steps of 1, 2 or 5 times a power of ten.
pub fn nice_ticks(max: f64) -> Vec<f64> {
    if max <= 0.0 {
        return vec![0.0, 1.0];
    }
    let rough = max / 5.0;
    let magnitude = 10f64.powf(rough.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * magnitude)
        .find(|step| *step >= rough)
        .unwrap_or(10.0 * magnitude)
        .max(1.0);
    let mut ticks = vec![0.0];
    while *ticks.last().unwrap() < max {
        ticks.push(ticks.last().unwrap() + step);
    }
    ticks
}

/// The hatching of a rectangle (device pixels, `[(left, top), (right, bottom)]`) as one
/// polyline: lines rising at 45° every `step` pixels, joined along the rectangle's edges, so a
/// hatched bar is one stroke (with an outline over the joins) rather than a stroke per line.
pub fn hatch_path(corners: [(i32, i32); 2], step: i32) -> Vec<(i32, i32)> {
    let [(x0, y0), (x1, y1)] = corners;
    let (width, height) = (x1 - x0, y1 - y0);
    let step = step.max(1);
    // Each line starts on the left or bottom edge and ends on the top or right edge.
    let mut lines = Vec::new();
    let mut offset = -height + step / 2;
    while offset < width {
        let from = offset.max(0);
        let to = (offset + height).min(width);
        if from < to {
            lines.push((
                (x0 + from, y1 - (from - offset)),
                (x0 + to, y1 - (to - offset)),
            ));
        }
        offset += step;
    }
    let mut path: Vec<(i32, i32)> = Vec::with_capacity(lines.len() * 3);
    // Joining two points on the boundary: through the corner between them where they are on
    // different edges (left to bottom, or top to right), so the join never cuts across.
    let join = |path: &mut Vec<(i32, i32)>, point: (i32, i32)| {
        if let Some(&last) = path.last() {
            if last.0 == x0 && point.1 == y1 && last.1 != y1 {
                path.push((x0, y1));
            } else if last.1 == y0 && point.0 == x1 && last.0 != x1 {
                path.push((x1, y0));
            }
        }
        path.push(point);
    };
    for (i, (start, end)) in lines.into_iter().enumerate() {
        let (a, b) = if i % 2 == 0 {
            (start, end)
        } else {
            (end, start)
        };
        join(&mut path, a);
        path.push(b);
    }
    path
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_is_wider_than_latin() {
        assert_eq!(text_width("工业设计", 10.0), 40.0);
        assert!(text_width("5G", 10.0) < 15.0);
    }

    #[test]
    fn long_names_are_cut_with_an_ellipsis_and_fit() {
        let name = "跨境电商B2B数据运营职业技能等级证书 · 中级（2021年第一批）";
        let cut = fit_text(name, 150.0, 13.0);
        assert!(cut.ends_with('…'), "{cut}");
        assert!(text_width(&cut, 13.0) <= 150.0, "{cut}");
        assert_eq!(fit_text("会计", 150.0, 13.0), "会计");
    }

    #[test]
    fn a_long_note_wraps_at_a_clause_and_every_line_fits() {
        let note =
            "第 1–6 个证书等级，共 38 个；浅色条：报考不足 10 人的小样本，黑线为 95% 置信区间";
        let lines = wrap_text(note, 360.0, 12.0, 2);
        assert_eq!(lines.len(), 2, "{lines:?}");
        assert!(
            lines[0].ends_with('；') || lines[0].ends_with('，'),
            "{lines:?}"
        );
        for line in &lines {
            assert!(text_width(line, 12.0) <= 360.0, "{line}");
        }
        assert_eq!(lines.concat().replace(' ', ""), note.replace(' ', ""));
        // Short text stays on one line; too long for two lines ends in an ellipsis.
        assert_eq!(wrap_text("共 3 个", 300.0, 12.0, 2), vec!["共 3 个"]);
        let cut = wrap_text(&note.repeat(4), 300.0, 12.0, 2);
        assert_eq!(cut.len(), 2);
        assert!(cut[1].ends_with('…'));
    }

    #[test]
    fn rows_do_not_overlap_and_hit_tests_find_them() {
        let layout = BarLayout::new(1000.0, 38, 300.0);
        for row in 0..38 {
            assert!(layout.row_top(row + 1) - layout.row_top(row) >= LABEL_FONT * 1.5);
            assert_eq!(layout.row_at(layout.row_centre(row)), Some(row));
        }
        assert_eq!(layout.row_at(TOP - 1.0), None);
        assert_eq!(layout.row_at(layout.rows_bottom() + 1.0), None);
    }

    #[test]
    fn few_rows_grow_to_fill_a_tall_area_and_many_keep_their_height() {
        // Three groups on a slide 700 px tall: rows grow, but not past the maximum.
        let few = BarLayout::new(1000.0, 3, 200.0).filling(700.0);
        assert_eq!(few.row_height, MAX_ROW_HEIGHT);
        assert!(few.height <= 700.0);
        // Ten rows share the room between them.
        let ten = BarLayout::new(1000.0, 10, 200.0).filling(600.0);
        assert!((ten.row_height - (600.0 - TOP - BOTTOM) / 10.0).abs() < 1e-9);
        assert!((ten.height - 600.0).abs() < 1e-9);
        for row in 0..10 {
            assert_eq!(ten.row_at(ten.row_centre(row)), Some(row));
        }
        // A dashboard canvas is exactly as tall as its rows need: nothing changes; a shorter
        // area never squeezes rows below their height.
        let many = BarLayout::new(1000.0, 38, 200.0);
        assert_eq!(many.filling(chart_height(38)), many);
        assert_eq!(many.filling(100.0).row_height, ROW_HEIGHT);
    }

    #[test]
    fn the_label_column_never_takes_the_plot() {
        let layout = BarLayout::new(800.0, 5, 2000.0);
        assert!(layout.label_right <= 800.0 * 0.42);
        assert!(layout.plot_right - layout.plot_left >= 60.0);
        assert_eq!(layout.x_of(100.0, 100.0), layout.plot_right);
        assert_eq!(layout.x_of(0.0, 100.0), layout.plot_left);
    }

    #[test]
    fn ticks_are_round() {
        assert_eq!(nice_ticks(100.0), vec![0.0, 20.0, 40.0, 60.0, 80.0, 100.0]);
        assert_eq!(nice_ticks(297.0), vec![0.0, 100.0, 200.0, 300.0]);
        assert_eq!(nice_ticks(3.0), vec![0.0, 1.0, 2.0, 3.0]);
    }

    #[test]
    fn hatching_is_one_path_that_stays_on_the_bar() {
        let corners = [(100, 40), (400, 70)];
        let path = hatch_path(corners, 6);
        // About one line per step across width + height, each two points, plus corners.
        assert!(path.len() >= 2 * (300 + 30) / 6, "{} points", path.len());
        let on_edge = |(x, y): (i32, i32)| x == 100 || x == 400 || y == 40 || y == 70;
        for &(x, y) in &path {
            assert!(
                (100..=400).contains(&x) && (40..=70).contains(&y),
                "({x}, {y})"
            );
            assert!(on_edge((x, y)), "({x}, {y}) is inside the bar");
        }
        // Every piece is either a 45° hatch line or runs along one edge.
        let mut diagonals = 0;
        for pair in path.windows(2) {
            let ((ax, ay), (bx, by)) = (pair[0], pair[1]);
            let (dx, dy) = (bx - ax, by - ay);
            if dx == -dy && dx != 0 {
                diagonals += 1;
            } else {
                assert!(
                    (ax == bx && (ax == 100 || ax == 400)) || (ay == by && (ay == 40 || ay == 70)),
                    "({ax}, {ay}) → ({bx}, {by}) cuts across the bar"
                );
            }
        }
        assert_eq!(diagonals, (300 + 30) / 6);
    }

    #[test]
    fn a_bar_too_thin_for_hatching_has_little_or_none() {
        assert!(hatch_path([(10, 10), (10, 30)], 6).is_empty());
        assert!(hatch_path([(10, 10), (11, 30)], 6).len() <= 8);
    }

    #[test]
    fn narrow_charts_put_labels_above_the_bars() {
        let narrow = BarLayout::new(330.0, 38, 260.0);
        assert!(narrow.stacked);
        assert_eq!(narrow.label_room(), 330.0 - 16.0);
        assert!(narrow.plot_right - narrow.plot_left >= 150.0);
        let (x, y, side) = narrow.label_anchor(0);
        assert_eq!(side, LabelSide::Above);
        assert!(x >= 0.0 && y < narrow.row_centre(0) - narrow.band() / 2.0);
        assert_eq!(narrow.height, chart_height_at(330.0, 38));
        assert_eq!(narrow.row_at(narrow.row_centre(1)), Some(1));
        let wide = BarLayout::new(1000.0, 38, 260.0);
        assert!(!wide.stacked);
        assert_eq!(wide.label_anchor(0).2, LabelSide::Beside);
        assert_eq!(wide.height, chart_height_at(1000.0, 38));
    }

    #[test]
    fn cut_labels_keep_their_batch() {
        let a = "数控车铣加工职业技能等级证书 · 中级（2021年第一批）";
        let b = "数控车铣加工职业技能等级证书 · 中级（2021年沿用批次）";
        let (fa, fb) = (fit_label(a, 200.0, 13.0), fit_label(b, 200.0, 13.0));
        assert_ne!(fa, fb);
        assert!(fa.ends_with("（2021年第一批）"), "{fa}");
        assert!(fa.contains('…'), "{fa}");
        assert!(text_width(&fa, 13.0) <= 200.0, "{fa}");
        let english = "Web front-end development · Intermediate (2021 batch 1)";
        let cut = fit_label(english, 240.0, 13.0);
        assert!(
            cut.contains("·Intermediate (…") && cut.ends_with(" 1)"),
            "{cut}"
        );
        assert!(text_width(&cut, 13.0) <= 240.0, "{cut}");
        // What fits is left alone; a label without an aside is cut at the end.
        assert_eq!(fit_label("物流管理 · 中级", 200.0, 13.0), "物流管理 · 中级");
        assert!(fit_label(&"物".repeat(40), 200.0, 13.0).ends_with('…'));
        // A dot or bracket inside a name is no level nor aside.
        assert!(fit_label("数据·分析与应用(初)技能证书", 60.0, 13.0).ends_with('…'));
        // The level stays where the name is cut (two levels of one certificate).
        let level = fit_label("数控车铣加工职业技能等级证书 · 高级", 150.0, 13.0);
        assert!(level.ends_with("… · 高级"), "{level}");
        // In a narrow room the batch keeps its end, which tells the two rows apart.
        let narrow =
            |batch: &str| fit_label(&format!("数控车铣加工 · 中级（{batch}）"), 150.0, 13.0);
        let (second, kept) = (narrow("2021年第二批"), narrow("2021年沿用批次"));
        assert_ne!(second, kept);
        assert!(
            second.starts_with("数控") && second.contains("·中级（…"),
            "{second}"
        );
        assert!(kept.ends_with("批次）"), "{kept}");
        for label in [&second, &kept, &level] {
            assert!(text_width(label, 13.0) <= 150.0, "{label}");
        }
    }

    #[test]
    fn rows_fitting_undoes_chart_height() {
        for rows in [1, 6, 40] {
            assert_eq!(rows_fitting(chart_height(rows)), rows);
            assert_eq!(rows_fitting(chart_height(rows) + ROW_HEIGHT - 0.5), rows);
        }
        assert_eq!(rows_fitting(10.0), 1);
    }
}
