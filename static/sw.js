// The app's service worker: after one visit the app opens and works with no network.
//
// The build writes its own id over BUILD below (scripts/stamp-service-worker.sh), so every
// deployment changes this file: the browser notices, installs the new version beside the old
// one, and the page offers to reload into it. Nothing here names a host or a path: the worker's
// scope is the folder it is served from, so the app works from any sub-path.
const BUILD = 'BUILD';
const CACHE = `pilot-board-${BUILD}`;
// Dataset files fetched beside the app (?data=): kept across deployments, so a file read once
// still opens offline after an update.
const DATA_CACHE = 'pilot-board-data'; // (the page reads it too: src/app.rs, last_copy)
// How long a dataset file's request may wait for the network before the last copy is used.
const NETWORK_PATIENCE_MS = 3000;

// The files the page does not link: the import worker's (it starts on the first workbook or
// table) and the standalone page's boot script (fetched when one is exported). The page asks for
// each with the version index.html names (their names carry no hash).
const ON_DEMAND = ['import-worker-start.js', 'import-worker.js', 'import-worker_bg.wasm', 'standalone-boot.js'];
// The chunks of the page's code that load on first use, and their loader: the build writes
// their names here (scripts/split/post-build.sh). Their names carry their content's hash.
const CHUNKS = [];

// The app's own files: the page and whatever it links (Trunk's hashed JS, wasm and CSS).
async function appFiles() {
  // The folder's address, or index.html by name where the server lists no folder index.
  let response = await fetch('./', { cache: 'no-cache' });
  if (!response.ok) response = await fetch('./index.html', { cache: 'no-cache' });
  if (!response.ok) throw new Error(`index: HTTP ${response.status}`);
  const html = await response.clone().text();
  const version = /<meta name="import-worker-version" content="([^"]*)"/.exec(html)?.[1];
  const onDemand = (version
    ? ON_DEMAND.map((file) => new URL(`${file}?v=${version}`, self.registration.scope).href)
    : []
  ).concat(CHUNKS.map((file) => new URL(file, self.registration.scope).href));
  const linked = [...html.matchAll(/(?:href|src|module_or_path:|from)\s*=?\s*['"]([^'"]+\.(?:js|wasm|css))['"]/g)]
    .map((match) => new URL(match[1], self.registration.scope).href);
  return { index: response, linked: [...new Set(linked)], onDemand };
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      const { index, linked, onDemand } = await appFiles();
      await cache.addAll(linked);
      // After the first paint (the page registers this worker then), so they never delay it.
      await cache.addAll(onDemand);
      await cache.put(self.registration.scope, index);
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith('pilot-board-') && name !== CACHE && name !== DATA_CACHE) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

// The page asks a waiting version to take over when the user chooses to reload.
self.addEventListener('message', (event) => {
  if (event.data === 'take-over') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  const scopePath = new URL(self.registration.scope).pathname;
  if (request.mode === 'navigate' && (url.pathname === scopePath || url.pathname === `${scopePath}index.html`)) {
    // The page, whatever its query (?data=, filters): this version's copy, else the network.
    // (Other addresses opened in a tab, a dataset file say, are left to the rules below.)
    event.respondWith(
      (async () => {
        const cache = await caches.open(CACHE);
        return (await cache.match(self.registration.scope)) ?? fetch(request);
      })(),
    );
    return;
  }
  // The worker stays alive until the cache has the network's copy, even when the page was
  // answered from the cache before that.
  let done;
  event.waitUntil(new Promise((resolve) => (done = resolve)));
  event.respondWith(
    (async () => {
      const appFile = /\.(?:js|wasm|css)$/.test(url.pathname);
      const cacheName = appFile ? CACHE : DATA_CACHE;
      // (match with a cache name does not create the cache when it is not there yet)
      const cached = await caches.match(request, { cacheName });
      if (cached && appFile) {
        done();
        return cached;
      }
      // Anything else (a dataset file beside the app, for ?data=): the network first, so a
      // newer copy shows; the last copy fetched when there is no network, or when the network
      // is too slow to answer within NETWORK_PATIENCE_MS (a meeting room's poor connection).
      const fromNetwork = fetch(request).then(async (response) => {
        if (response.ok) await (await caches.open(cacheName)).put(request, response.clone());
        return response;
      });
      fromNetwork.then(done, done);
      if (!cached) return fromNetwork;
      const late = new Promise((resolve) => setTimeout(() => resolve(cached), NETWORK_PATIENCE_MS));
      // A server error (a proxy in front of a server that is down) is no better than no network.
      const answer = fromNetwork.then((response) => (response.status >= 500 ? cached : response));
      return Promise.race([answer.catch(() => cached), late]);
    })().catch((error) => {
      done();
      throw error;
    }),
  );
});
