//! The charts. Each is one function generic over the plotters `DrawingBackend`, so the same
//! code draws on a `<canvas>` in the browser and to an SVG string in native tests (and, later,
//! for export). What to draw is prepared in `domain::chart_data`; where to draw it is worked out
//! in `layout`, which is plain arithmetic and tested on its own.

pub mod counts_bars;
pub mod layout;
pub mod rate_bars;
pub mod style;

pub use counts_bars::draw_counts_chart;
pub use rate_bars::draw_rate_chart;
pub use style::ChartStyle;
