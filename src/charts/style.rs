//! Colours, type and scale shared by the charts.

use plotters::style::RGBColor;

/// A font stack with CJK glyphs on Windows (Microsoft YaHei), macOS (PingFang SC) and Linux
/// (Noto Sans CJK / WenQuanYi), ending in the generic family. Written without quotes, so it
/// can go verbatim into a canvas `font` and an SVG `font-family`.
pub const FONT_STACK: &str = "Microsoft YaHei, PingFang SC, Hiragino Sans GB, Noto Sans CJK SC, Noto Sans SC, Source Han Sans SC, WenQuanYi Micro Hei, sans-serif";

/// The colours a chart is drawn in. Two series that meet (registered and certified) differ by
/// a hatch pattern as well as by colour, in every palette.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Palette {
    /// The ground, also the ink of a value label written inside a bar.
    pub paper: RGBColor,
    pub ink: RGBColor,
    pub ink_soft: RGBColor,
    pub grid: RGBColor,
    /// Pass-rate bars and certified counts.
    pub bar: RGBColor,
    /// Registered counts (hatched).
    pub bar_light: RGBColor,
    /// The hatch lines over `bar_light`.
    pub hatch: RGBColor,
    /// Small-sample bars are drawn lighter so the whisker reads as the message.
    pub bar_small: RGBColor,
    pub reference: RGBColor,
    pub muted: RGBColor,
}

impl Palette {
    /// On screen, light theme; also what exports and printouts use.
    pub const LIGHT: Palette = Palette {
        paper: RGBColor(255, 255, 255),
        ink: RGBColor(28, 36, 48),
        ink_soft: RGBColor(86, 96, 110),
        grid: RGBColor(226, 230, 236),
        // A saturated blue that survives a washed-out projector.
        bar: RGBColor(11, 92, 173),
        bar_light: RGBColor(160, 196, 232),
        hatch: RGBColor(84, 136, 196),
        bar_small: RGBColor(110, 160, 212),
        reference: RGBColor(196, 82, 0),
        muted: RGBColor(120, 128, 140),
    };

    pub const DARK: Palette = Palette {
        paper: RGBColor(27, 32, 41),
        ink: RGBColor(232, 236, 242),
        ink_soft: RGBColor(180, 189, 200),
        grid: RGBColor(60, 68, 80),
        bar: RGBColor(102, 170, 238),
        bar_light: RGBColor(48, 84, 124),
        hatch: RGBColor(102, 150, 206),
        bar_small: RGBColor(70, 120, 170),
        reference: RGBColor(255, 160, 72),
        muted: RGBColor(150, 158, 170),
    };

    /// Black on white, nothing pale.
    pub const CONTRAST: Palette = Palette {
        paper: RGBColor(255, 255, 255),
        ink: RGBColor(0, 0, 0),
        ink_soft: RGBColor(0, 0, 0),
        grid: RGBColor(150, 150, 150),
        bar: RGBColor(0, 51, 153),
        bar_light: RGBColor(255, 255, 255),
        hatch: RGBColor(0, 0, 0),
        bar_small: RGBColor(51, 102, 204),
        reference: RGBColor(192, 0, 0),
        muted: RGBColor(60, 60, 60),
    };

    /// For a projector: dark text on white and the Okabe–Ito blue and orange, which stay apart
    /// when the picture is washed out and for colour-blind viewers.
    pub const PROJECTOR: Palette = Palette {
        paper: RGBColor(255, 255, 255),
        ink: RGBColor(0, 0, 0),
        ink_soft: RGBColor(40, 40, 40),
        grid: RGBColor(210, 210, 210),
        bar: RGBColor(0, 114, 178),
        bar_light: RGBColor(240, 190, 90),
        hatch: RGBColor(160, 100, 0),
        bar_small: RGBColor(86, 180, 233),
        reference: RGBColor(213, 94, 0),
        muted: RGBColor(70, 70, 70),
    };
}

/// How a chart is drawn: its scale (device pixels per CSS pixel), the font stack and colours.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ChartStyle {
    /// Device pixels per layout pixel: `devicePixelRatio` on screen, 1 for SVG, more for
    /// slides and exports, where the whole chart is drawn larger.
    pub scale: f64,
    pub font: &'static str,
    pub palette: Palette,
    /// The least height of a bar row, in layout pixels: the dashboard's, or a slide's
    /// compact one.
    pub row_height: f64,
}

impl ChartStyle {
    /// What the drawing code measures and writes with at this style's scale.
    pub fn pen(&self) -> super::layout::Pen {
        super::layout::Pen {
            scale: self.scale,
            font: self.font,
        }
    }
}

impl Default for ChartStyle {
    fn default() -> Self {
        ChartStyle {
            scale: 1.0,
            font: FONT_STACK,
            palette: Palette::LIGHT,
            row_height: super::layout::ROW_HEIGHT,
        }
    }
}
