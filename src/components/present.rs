//! Presentation mode: the slide show (`present` chunk) and the dashboard's deck in it; the
//! comparison's deck asks for the same show.

pub mod presentation;
pub mod slides;
