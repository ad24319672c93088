// Journeyscope's service worker: keeps the app shell so the app opens with no network.
// Pages are fetched from the network first (so a new release is picked up on the next visit)
// and from the cache when offline; the hashed files a page names never change, so they come
// from the cache first. Maps are in localStorage, which the worker never touches.
const CACHE = 'journeyscope-shell';
// Trunk names files with up to 16 hex digits of their hash (a leading zero is dropped).
const HASHED = /-[0-9a-f]{8,16}(_bg)?\.(js|wasm|css)$/;

// The files a text names, as absolute addresses on this origin.
function assetsOf(text, pattern) {
  const urls = new Set();
  for (const [, url] of text.matchAll(pattern)) {
    const absolute = new URL(url, self.registration.scope);
    if (absolute.origin === self.location.origin) urls.add(absolute.href);
  }
  return [...urls];
}

const fetched = async (cache, url) => {
  if (!(await cache.match(url))) await cache.add(url);
};

// Stores a fresh copy of the page, everything it names and the app modules its inline loader
// names, and forgets what it no longer names.
async function keep(pageResponse) {
  const cache = await caches.open(CACHE);
  const html = await pageResponse.clone().text();
  const wanted = [
    ...new Set([
      ...assetsOf(html, /(?:href|src)="([^"#]+)"/g),
      ...assetsOf(html, /["'](\.\/[^"'#]+\.(?:js|wasm))["']/g),
    ]),
  ];
  await cache.put(new URL('./', self.registration.scope).href, pageResponse);
  await Promise.all(wanted.map((url) => fetched(cache, url)));
  for (const request of await cache.keys()) {
    if (HASHED.test(new URL(request.url).pathname) && !wanted.includes(request.url)) {
      await cache.delete(request);
    }
  }
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    fetch(new URL('./', self.registration.scope), { cache: 'no-cache' })
      .then(keep)
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    event.respondWith(
      fetch(request)
        .then((response) => {
          if (response.ok) event.waitUntil(keep(response.clone()));
          return response;
        })
        .catch(async () => (await caches.match(new URL('./', self.registration.scope).href)) ?? Response.error()),
    );
    return;
  }
  if (HASHED.test(url.pathname)) {
    event.respondWith(caches.match(request).then((hit) => hit ?? fetch(request)));
    return;
  }
  event.respondWith(fetch(request).catch(async () => (await caches.match(request)) ?? Response.error()));
});
