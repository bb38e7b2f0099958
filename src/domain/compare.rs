//! Two datasets side by side, as a yearly report compares this year with last: each side's
//! figures and their change, and the certificate + level pilots matched across the two (batches
//! summed within a side; names matched by a rule that forgives how colleges spell them, with the
//! links and unlinks the user made where the rule is wrong). In three parts: the matching
//! (`matching`), the words (`words`) and what the charts draw (`charts`); their items are all
//! here.

mod charts;
mod matching;
mod words;

pub use super::terms::RowOrder;
pub use charts::*;
pub use matching::*;
pub use words::*;
