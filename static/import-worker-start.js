// Starts the import worker (Trunk builds `import-worker.js` and its wasm from the
// `import-worker` binary). The page asks for this script with the build's version of the
// worker (`?v=…`), and it asks for the others the same way, so that no cache hands out another
// build's copy of files whose names carry no hash. A reader that does not load is thrown out of
// the promise, so that the page hears of it at once (an error event) instead of waiting out
// its time limit.
const version = self.location.search;
importScripts(`./import-worker.js${version}`);
wasm_bindgen({ module_or_path: `./import-worker_bg.wasm${version}` }).catch((error) => {
  setTimeout(() => {
    throw error;
  });
});
