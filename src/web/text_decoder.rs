//! GB18030 text decoded by the browser's own `TextDecoder` (the WHATWG Encoding Standard),
//! which keeps the tables out of the app's download.

/// `None` where the bytes are not GB18030 text.
pub fn gb18030(bytes: &[u8]) -> Option<String> {
    let options = web_sys::TextDecoderOptions::new();
    options.set_fatal(true);
    let decoder = web_sys::TextDecoder::new_with_label_and_options("gb18030", &options).ok()?;
    decoder.decode_with_u8_array(bytes).ok()
}
