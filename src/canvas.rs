//! The plotters backend the charts draw on in the browser: plotters-canvas's `CanvasBackend`
//! for shapes, with text drawn here so that the font, alignment and colour are set on the
//! canvas only when they change. plotters-canvas sets all four before every `fillText`, and
//! parsing a CJK font stack hundreds of times per redraw is a measurable part of a repaint
//! (docs/performance.md).

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
    text: TextState,
}

/// What the context's text settings are known to be; `None` is "unknown, set it".
#[derive(Default)]
struct TextState {
    font: Option<String>,
    align: Option<&'static str>,
    baseline: Option<&'static str>,
    /// Shapes set the fill colour too, so this is forgotten after every shape.
    fill: Option<((u8, u8, u8), f64)>,
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

/// Draws `spec` on `canvas`, first sizing it to `device` pixels (resizing a canvas clears and
/// reallocates it, so only when the size really changes). Returns the layout used, in layout
/// pixels, for hit-testing.
pub fn paint(
    canvas: &HtmlCanvasElement,
    spec: &crate::charts::ChartSpec,
    device: (u32, u32),
    style: &crate::charts::ChartStyle,
) -> std::result::Result<crate::charts::layout::BarLayout, String> {
    use plotters::prelude::IntoDrawingArea;
    if canvas.width() != device.0 {
        canvas.set_width(device.0);
    }
    if canvas.height() != device.1 {
        canvas.set_height(device.1);
    }
    let backend = Canvas::new(canvas.clone()).ok_or("no 2D context")?;
    let area = backend.into_drawing_area();
    spec.draw(&area, style)
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
            text: TextState::default(),
        })
    }

    /// Runs a shape-drawing call, after which the fill colour is no longer known.
    fn shape(
        &mut self,
        draw: impl FnOnce(&mut CanvasBackend) -> std::result::Result<(), DrawingErrorKind<ShapeError>>,
    ) -> Result {
        self.text.fill = None;
        draw(&mut self.shapes).map_err(from_shapes)
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
        self.shape(|s| s.draw_rect(upper_left, bottom_right, style, fill))
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result {
        self.shape(|s| s.draw_path(path, style))
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
            self.text = TextState::default();
            return self.shapes.draw_text(text, style, pos).map_err(from_shapes);
        }
        let ctx = &self.context;
        let state = &mut self.text;
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
        if state.fill != Some((color.rgb, color.alpha)) {
            let (r, g, b) = color.rgb;
            ctx.set_fill_style_str(&format!("rgba({r},{g},{b},{})", color.alpha));
            state.fill = Some((color.rgb, color.alpha));
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
