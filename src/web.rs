//! The page's glue to the browser: everything that calls a web API directly, apart from the
//! components' own DOM. The domain never reaches here; the components and the state call in.
//!
//! First screen: `storage` (reading the stored work's key), `prefs` (language and theme),
//! `address` (the view in the page address), `standalone` (whether the page is a standalone
//! file, whose storage keys `storage` keeps apart), `canvas` (the charts' backend), `hooks` (element
//! sizes), `offline` (registering the service worker). On demand, with the chunks that use them:
//! `download` and `export` (files and pictures), `fullscreen` (the slides), `compress` (links that carry data), `file_reader` and `text_decoder` (opening
//! files), `library_store` (the library of datasets, in IndexedDB); see ARCHITECTURE.md for which chunk holds what.

pub mod address;
pub mod canvas;
pub mod compress;
pub mod download;
pub mod export;
pub mod file_reader;
pub mod fullscreen;
pub mod hooks;
pub mod library_store;
pub mod offline;
pub mod prefs;
pub mod sheets;
pub mod standalone;
pub mod storage;
pub mod text_decoder;
