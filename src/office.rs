//! Files for office suites, made from the data on screen: plain Rust (no web APIs), tested
//! natively, loaded on demand in the page (the `office` chunk).

pub mod xlsx;
