//! Reads a file the user picked or dropped, in the browser.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// The whole content of a picked file.
pub async fn read_bytes(file: &web_sys::File) -> Result<Vec<u8>, JsValue> {
    let buffer: js_sys::ArrayBuffer = JsFuture::from(file.array_buffer()).await?.dyn_into()?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// Reads `file` and opens it on the board; a file the browser cannot read is refused, with
/// nothing changed.
pub fn open_on_board(state: crate::state::BoardState, file: web_sys::File) {
    leptos::task::spawn_local(async move {
        let name = file.name();
        match read_bytes(&file).await {
            Ok(bytes) => {
                state.open_file(&name, &bytes);
            }
            Err(_) => state.refuse_unreadable(&name),
        }
    });
}

crate::on_demand! { files:
    /// [`open_on_board`], from the chunk that reads files.
    pub fn open_picked(state: crate::state::BoardState, file: web_sys::File) -> () {
        open_on_board(state, file)
    }
}

crate::on_demand! { files:
    /// Opens bytes as a file named `name` (a paste, a fetched `?data=` file).
    pub fn open_bytes(state: crate::state::BoardState, name: String, bytes: Vec<u8>) -> () {
        state.open_file(&name, &bytes);
    }
}
