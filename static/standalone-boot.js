// The boot script of a standalone page (导出独立网页, src/domain/standalone.rs writes the page).
// The page holds the app's files deflated in base64 (#pb-bundle) and its own description
// (#pb-standalone). This script unpacks the files, gives each JavaScript module a blob: URL
// under an import map ("pilot-board/<name>"), answers the app's fetch of a chunk's wasm from
// them, and starts the app as Trunk's page does. Nothing here reads or writes the network:
// browsers refuse fetch of file:// URLs, module imports of sibling files and service workers.
(() => {
  const say = (text) => {
    let line = document.getElementById('pb-boot-status');
    if (!line) {
      line = document.createElement('p');
      line.id = 'pb-boot-status';
      line.setAttribute('role', 'status');
      line.style.cssText = 'font: 16px/1.6 system-ui, sans-serif; margin: 2rem; color: #333';
      document.body.append(line);
    }
    line.textContent = text;
  };

  // The archive: "pilot-board-files 1", a "name<TAB>length" line per file, an empty line,
  // then the files' bytes.
  const unarchive = (bytes) => {
    let end = 0;
    while (end + 1 < bytes.length && !(bytes[end] === 10 && bytes[end + 1] === 10)) end++;
    const lines = new TextDecoder().decode(bytes.subarray(0, end)).split('\n');
    if (lines.shift() !== 'pilot-board-files 1') throw new Error('not an archive of the app');
    const files = new Map();
    let at = end + 2;
    for (const line of lines) {
      const [name, length] = line.split('\t');
      files.set(name, bytes.subarray(at, at + Number(length)));
      at += Number(length);
    }
    if (at !== bytes.length) throw new Error('the archive is cut short');
    return files;
  };

  const start = async () => {
    const meta = JSON.parse(document.getElementById('pb-standalone').textContent);
    window.pilotStandalone = meta;
    const text = atob(document.getElementById('pb-bundle').textContent.trim());
    const packed = new Uint8Array(text.length);
    for (let i = 0; i < text.length; i++) packed[i] = text.charCodeAt(i);
    const inflated = new Blob([packed]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
    const files = unarchive(new Uint8Array(await new Response(inflated).arrayBuffer()));

    const imports = {};
    for (const [name, bytes] of files) {
      if (name.endsWith('.js')) {
        imports['pilot-board/' + name] = URL.createObjectURL(new Blob([bytes], { type: 'text/javascript' }));
      }
    }
    const map = document.createElement('script');
    map.type = 'importmap';
    map.textContent = JSON.stringify({ imports });
    document.head.append(map);

    // A chunk's wasm comes from the archive; any other request goes to the browser as it is.
    const browserFetch = window.fetch.bind(window);
    window.fetch = (input, init) => {
      const url = typeof input === 'string' ? input : input instanceof Request ? input.url : String(input);
      const name = url.split(/[?#]/)[0].split('/').pop();
      const bytes = name.endsWith('.wasm') ? files.get(name) : undefined;
      return bytes
        ? Promise.resolve(new Response(bytes, { headers: { 'Content-Type': 'application/wasm' } }))
        : browserFetch(input, init);
    };

    const glue = await import('pilot-board/' + meta.glue);
    const wasm = await glue.default({ module_or_path: window.fetch(meta.wasm) });
    window.wasmBindings = glue;
    document.getElementById('pb-boot-status')?.remove();
    dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));
  };

  say('正在打开离线报告…');
  start().catch((error) => {
    console.error(error);
    say('这个浏览器打不开这份离线报告（' + error + '）。请用新版的 Chrome、Edge、Firefox 或 Safari 打开它，或向发送人要 JSON 数据文件。');
  });
})();
