//! The app's reactive state: the dataset on screen and its edits, what the user is looking at
//! (the view), the errors of the last file that could not be opened, whether the work is saved
//! in the browser, and everything derived from them, as memos computed once per change and read
//! by the components. One file per concern: the store and its memos (`store`), the stored work
//! (`work`), opening files and the import (`opening`), the library (`library`, in its chunk) and
//! the charts and slides as the views show them (`charts`).

pub mod charts;
pub mod library;
mod opening;
mod store;
mod work;

pub use store::{BoardState, DatasetSignal, Notice, PreviousWork, RefusedFile, SaveStatus, Shared};
pub use work::read_stored;
