//! The pure core: the dataset model, its parser and validator, derived figures, filters and
//! reconciliation. Nothing here touches the browser, so all of it is tested natively.

pub mod builtin;
pub mod caption;
pub mod chart_data;
pub mod compare;
pub mod deck;
pub mod edit;
pub mod error;
pub mod fields;
pub mod figures;
pub mod filter;
pub mod glossary;
pub mod import;
pub mod index;
pub mod lang;
pub mod library;
pub mod link;
pub mod majors;
pub mod model;
pub mod numbers;
pub mod parse;
pub mod reconcile;
pub mod saved;
pub mod share;
pub mod sort;
pub mod standalone;
pub mod stats;
pub mod suggest;
pub mod summary;
pub mod table;
pub mod terms;
pub mod view;

pub use error::{DatasetError, Problem};
pub use figures::{Ratio, Totals};
pub use filter::Filter;
pub use lang::Lang;
pub use model::{Dataset, Level, Major, Record, ReportedTotals, SummaryItem, batch_key};
pub use parse::parse_dataset;
pub use reconcile::{Reconciliation, reconcile};
