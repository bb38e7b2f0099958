//! The import worker (a Web Worker that Trunk builds beside the app): reads workbooks and
//! tables for the import preview. See `pilot_board::import_worker`.

fn main() {
    console_error_panic_hook::set_once();
    pilot_board::import_worker::run();
}
