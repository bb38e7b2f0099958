//! The plotters backend the charts draw on in the browser. Rectangles, paths and text are drawn
//! here so that the colours, line width, font and alignment are set on the canvas only when
//! they change: plotters-canvas sets them before every call, and formatting a colour, passing
//! it to JavaScript and parsing it (or a CJK font stack) thousands of times per redraw was most
//! of a repaint (docs/performance.md). Circles, polygons, pixels and rotated text are left to
//! plotters-canvas's `CanvasBackend`, after which nothing is assumed about the context.

use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
    FontTransform,
};
use plotters_canvas::CanvasBackend;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

/// A canvas that plotters can draw on.
pub struct Canvas {
    shapes: CanvasBackend,
    context: CanvasRenderingContext2d,
    state: ContextState,
}

/// A colour as the context holds it.
type Rgba = ((u8, u8, u8), f64);

/// What the context's settings are known to be; `None` is "unknown, set it".
#[derive(Default)]
struct ContextState {
    font: Option<String>,
    align: Option<&'static str>,
    baseline: Option<&'static str>,
    fill: Option<Rgba>,
    stroke: Option<Rgba>,
    line_width: Option<u32>,
}

fn css_colour((rgb, alpha): Rgba) -> String {
    let (r, g, b) = rgb;
    format!("rgba({r},{g},{b},{alpha})")
}

/// A drawing call the browser refused.
#[derive(Debug)]
pub struct CanvasError(String);

impl std::fmt::Display for CanvasError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "canvas: {}", self.0)
    }
}

impl std::error::Error for CanvasError {}

type ShapeError = <CanvasBackend as DrawingBackend>::ErrorType;
type Result = std::result::Result<(), DrawingErrorKind<CanvasError>>;

fn from_shapes(error: DrawingErrorKind<ShapeError>) -> DrawingErrorKind<CanvasError> {
    match error {
        DrawingErrorKind::DrawingError(e) => {
            DrawingErrorKind::DrawingError(CanvasError(e.to_string()))
        }
        DrawingErrorKind::FontError(e) => DrawingErrorKind::FontError(e),
    }
}

fn from_js(error: wasm_bindgen::JsValue) -> DrawingErrorKind<CanvasError> {
    DrawingErrorKind::DrawingError(CanvasError(format!("{error:?}")))
}

/// Draws `spec` on `canvas`, first sizing it to `device` pixels. Returns the layout used, in
/// layout pixels, for hit-testing.
pub fn paint(
    canvas: &HtmlCanvasElement,
    spec: &crate::charts::ChartSpec,
    device: (u32, u32),
    style: &crate::charts::ChartStyle,
) -> std::result::Result<crate::charts::layout::BarLayout, String> {
    paint_with(canvas, device, |area| spec.draw(area, style))
}

/// The whole canvas as a plotters drawing area.
pub type Area = plotters::drawing::DrawingArea<Canvas, plotters::coord::Shift>;

/// Sizes `canvas` to `device` pixels (resizing a canvas clears and reallocates it, so only when
/// the size really changes), runs `draw` over it and presents the result.
pub fn paint_with<T>(
    canvas: &HtmlCanvasElement,
    device: (u32, u32),
    draw: impl FnOnce(
        &Area,
    )
        -> std::result::Result<T, plotters::drawing::DrawingAreaErrorKind<CanvasError>>,
) -> std::result::Result<T, String> {
    use plotters::prelude::IntoDrawingArea;
    if canvas.width() != device.0 {
        canvas.set_width(device.0);
    }
    if canvas.height() != device.1 {
        canvas.set_height(device.1);
    }
    let backend = Canvas::new(canvas.clone()).ok_or("no 2D context")?;
    let area = backend.into_drawing_area();
    draw(&area)
        .and_then(|drawn| area.present().map(|_| drawn))
        .map_err(|error| format!("{error:?}"))
}

impl Canvas {
    /// `None` where the canvas has no 2D context (it was taken for WebGL, or memory ran out).
    pub fn new(canvas: HtmlCanvasElement) -> Option<Self> {
        let context = canvas.get_context("2d").ok()??.dyn_into().ok()?;
        let shapes = CanvasBackend::with_canvas_object(canvas)?;
        Some(Self {
            shapes,
            context,
            state: ContextState::default(),
        })
    }

    /// Runs a drawing call of plotters-canvas, after which the context's settings are unknown.
    fn shape(
        &mut self,
        draw: impl FnOnce(&mut CanvasBackend) -> std::result::Result<(), DrawingErrorKind<ShapeError>>,
    ) -> Result {
        self.state = ContextState::default();
        draw(&mut self.shapes).map_err(from_shapes)
    }

    fn set_fill(&mut self, colour: BackendColor) {
        let colour = (colour.rgb, colour.alpha);
        if self.state.fill != Some(colour) {
            self.context.set_fill_style_str(&css_colour(colour));
            self.state.fill = Some(colour);
        }
    }

    fn set_line<S: BackendStyle>(&mut self, style: &S) {
        let colour = (style.color().rgb, style.color().alpha);
        if self.state.stroke != Some(colour) {
            self.context.set_stroke_style_str(&css_colour(colour));
            self.state.stroke = Some(colour);
        }
        let width = style.stroke_width();
        if self.state.line_width != Some(width) {
            self.context.set_line_width(f64::from(width));
            self.state.line_width = Some(width);
        }
    }
}

impl DrawingBackend for Canvas {
    type ErrorType = CanvasError;

    fn get_size(&self) -> (u32, u32) {
        self.shapes.get_size()
    }

    fn ensure_prepared(&mut self) -> Result {
        Ok(())
    }

    fn present(&mut self) -> Result {
        Ok(())
    }

    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> Result {
        self.shape(|s| s.draw_pixel(point, color))
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result {
        self.shape(|s| s.draw_line(from, to, style))
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        let (x, y) = (f64::from(upper_left.0), f64::from(upper_left.1));
        let (w, h) = (
            f64::from(bottom_right.0 - upper_left.0),
            f64::from(bottom_right.1 - upper_left.1),
        );
        if fill {
            self.set_fill(style.color());
            self.context.fill_rect(x, y, w, h);
        } else {
            self.set_line(style);
            self.context.stroke_rect(x, y, w, h);
        }
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        let mut path = path.into_iter();
        let Some((x, y)) = path.next() else {
            return Ok(());
        };
        self.set_line(style);
        let ctx = &self.context;
        ctx.begin_path();
        ctx.move_to(f64::from(x), f64::from(y));
        for (x, y) in path {
            ctx.line_to(f64::from(x), f64::from(y));
        }
        ctx.stroke();
        Ok(())
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result {
        self.shape(|s| s.draw_circle(center, radius, style, fill))
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Result {
        self.shape(|s| s.fill_polygon(vert, style))
    }

    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        pos: BackendCoord,
    ) -> Result {
        let color = style.color();
        if color.alpha == 0.0 {
            return Ok(());
        }
        if !matches!(style.transform(), FontTransform::None) {
            // Rotated text saves and restores the context: leave it to plotters-canvas and
            // forget what the context held.
            return self.shape(|s| s.draw_text(text, style, pos));
        }
        self.set_fill(color);
        let ctx = &self.context;
        let state = &mut self.state;
        let baseline = match style.anchor().v_pos {
            VPos::Top => "top",
            VPos::Center => "middle",
            VPos::Bottom => "bottom",
        };
        if state.baseline != Some(baseline) {
            ctx.set_text_baseline(baseline);
            state.baseline = Some(baseline);
        }
        let align = match style.anchor().h_pos {
            HPos::Left => "start",
            HPos::Right => "end",
            HPos::Center => "center",
        };
        if state.align != Some(align) {
            ctx.set_text_align(align);
            state.align = Some(align);
        }
        let font = format!(
            "{} {}px {}",
            style.style().as_str(),
            style.size(),
            style.family().as_str()
        );
        if state.font.as_deref() != Some(font.as_str()) {
            ctx.set_font(&font);
            state.font = Some(font);
        }
        ctx.fill_text(text, f64::from(pos.0), f64::from(pos.1))
            .map_err(from_js)
    }
}
