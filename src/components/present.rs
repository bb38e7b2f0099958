//! Presentation mode: the dashboard's charts as slides.

pub mod presentation;
