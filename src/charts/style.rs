//! Colours, type and scale shared by the charts.

use plotters::style::RGBColor;

/// A font stack with CJK glyphs on Windows (Microsoft YaHei), macOS (PingFang SC) and Linux
/// (Noto Sans CJK / WenQuanYi), ending in the generic family. Written without quotes, so it
/// can go verbatim into a canvas `font` and an SVG `font-family`.
pub const FONT_STACK: &str = "PingFang SC, Hiragino Sans GB, Microsoft YaHei, Noto Sans CJK SC, Noto Sans SC, Source Han Sans SC, WenQuanYi Micro Hei, sans-serif";

pub const INK: RGBColor = RGBColor(28, 36, 48);
pub const INK_SOFT: RGBColor = RGBColor(86, 96, 110);
pub const GRID: RGBColor = RGBColor(226, 230, 236);
/// Pass-rate bars and certified counts: a saturated blue that survives a washed-out projector.
pub const BAR: RGBColor = RGBColor(11, 92, 173);
/// Registered counts: a light tint of the same blue.
pub const BAR_LIGHT: RGBColor = RGBColor(160, 196, 232);
/// Small-sample bars are drawn lighter so the whisker reads as the message.
pub const BAR_SMALL: RGBColor = RGBColor(110, 160, 212);
pub const REFERENCE: RGBColor = RGBColor(196, 82, 0);
pub const MUTED: RGBColor = RGBColor(120, 128, 140);

/// How a chart is drawn: its scale (device pixels per CSS pixel) and the font stack.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ChartStyle {
    /// Device pixels per CSS pixel: `devicePixelRatio` on screen, 1 for SVG.
    pub scale: f64,
    pub font: &'static str,
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
        }
    }
}
