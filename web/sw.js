// Retour's service worker: a second visit works offline. Content-hashed files never
// change, so they are served from the cache; the entry points (the page, embed.js)
// and data (policy, orders) go to the network first and fall back to the cache.
// Posts (the webhook) are never touched: the app's outbox handles being offline.
const VERSION = '/*RETOUR_VERSION*/';
const CACHE = 'retour-' + VERSION;
const PRECACHE = /*RETOUR_PRECACHE*/[]/*END_RETOUR_PRECACHE*/;
const HASHED = /\.[0-9a-f]{12}\.(js|wasm|ttf)$/;

// The merchant's policy lives beside the portal but is not part of the build: cached
// at install when it is there, so even the first visit's data works offline later.
const OPTIONAL = ['policy.json'];

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((c) => Promise.all([
    c.addAll(PRECACHE),
    ...OPTIONAL.map((u) => c.add(u).catch(() => {})),
  ])).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('retour-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()));
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  const url = new URL(req.url);
  if (req.method !== 'GET' || url.origin !== location.origin) return;
  if (!url.pathname.startsWith(new URL('./', location.href).pathname)) return;
  if (HASHED.test(url.pathname)) {
    event.respondWith(caches.match(req).then((hit) => hit || fetch(req)));
    return;
  }
  event.respondWith(
    fetch(req).then((res) => {
      if (res.ok) {
        const copy = res.clone();
        caches.open(CACHE).then((c) => c.put(req, copy));
      }
      return res;
    }).catch(() => caches.match(req, { ignoreSearch: true }).then((hit) => hit || Response.error())));
});
