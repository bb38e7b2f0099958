// Starts the import worker (Trunk builds `import-worker.js` and its wasm from the
// `import-worker` binary). A reader that does not load is thrown out of the promise, so that
// the page hears of it at once (an error event) instead of waiting out its time limit.
importScripts('./import-worker.js');
wasm_bindgen({ module_or_path: './import-worker_bg.wasm' }).catch((error) => {
  setTimeout(() => {
    throw error;
  });
});
