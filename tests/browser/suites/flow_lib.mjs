// Helpers for the shopper-flow suites (flow_*.mjs): a test shop (the dist folder, a
// test policy, and a webhook receiver on the same origin) and ways to drive the
// portal through its test hook. No suite of its own.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { assert } from '../harness.mjs';
import { state } from '../portal.mjs';

export default function register() {}

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm',
  '.json': 'application/json', '.ttf': 'font/ttf',
};

// Serves `dist` plus /test/shop.html (the portal with policy test/policy.json and the
// built-in demo orders),
// /test/policy.json (shop.policy, changeable per test) and POST /hook (records
// every request; shop.answer decides the status).
export async function startShop(dist, root) {
  const demoPolicy = JSON.parse(fs.readFileSync(path.join(root, 'web/demo/policy.json'), 'utf8'));
  const shop = { hooks: [], policy: null, answer: 200, pages: {}, origin: '' };
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    if (url.pathname === '/hook') {
      if (req.method === 'OPTIONS') { res.writeHead(204).end(); return; }
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (c) => { body += c; });
      req.on('end', () => {
        shop.hooks.push({ headers: req.headers, body, json: JSON.parse(body) });
        res.writeHead(shop.answer, { 'content-type': 'application/json' }).end('{"status":"stored"}');
      });
      return;
    }
    if (url.pathname === '/test/policy.json') {
      if (!shop.policy) { res.writeHead(404).end('no policy'); return; }
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(shop.policy));
      return;
    }
    if (url.pathname === '/test/shop.html') {
      res.writeHead(200, { 'content-type': TYPES['.html'] }).end(`<!doctype html><html><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Returns</title><link rel="icon" href="data:,">
<style>html,body{margin:0;height:100%;background:#F7F7F5}retour-portal{position:fixed;inset:0}</style></head>
<body><retour-portal policy="test/policy.json" demo="true" offline="false"></retour-portal><script src="../embed.js"></script></body></html>`);
      return;
    }
    const rel = decodeURIComponent(url.pathname.slice(1)) || 'index.html';
    const file = path.join(dist, rel);
    if (!file.startsWith(path.resolve(dist)) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  shop.origin = `http://127.0.0.1:${server.address().port}`;
  shop.url = `${shop.origin}/test/shop.html`;
  // The demo policy and orders, posting to our receiver.
  shop.demoPolicy = () => ({ ...structuredClone(demoPolicy), webhook: { url: `${shop.origin}/hook`, content_type: 'application/json' } });
  shop.policy = shop.demoPolicy();
  shop.close = () => server.close();
  return shop;
}

export { state };

export async function until(page, fn, arg, what, timeout = 15000) {
  try {
    await page.waitForFunction(fn, arg, { timeout, polling: 20 });
  } catch (err) {
    const s = await state(page).catch(() => ({}));
    throw new Error(`waiting for ${what}: ${err.message.split('\n')[0]}\n     state: ${JSON.stringify({ ...s, items: undefined }).slice(0, 1500)}`);
  }
}

export const onScreen = (page, name) =>
  until(page, (n) => window.retour && window.retour.state().screen === n, name, `screen ${name}`);

// Runs `action` (input), then waits until the portal has drawn `n` frames since
// (input is applied over frames; every input asks for at least three).
export async function frames(page, n, action) {
  const start = await page.evaluate(() => window.retour.frames());
  await action();
  await until(page, ([s, k]) => window.retour.frames() >= s + k, [start, n], `${n} frames`);
}

// Scrolls (mouse wheel) until the marked item is fully visible; returns its rect in page
// coordinates (item rects are canvas coordinates; an embedded canvas may sit anywhere).
export async function reveal(page, id) {
  const vh = page.viewportSize().height;
  const canvas = await page.evaluate(() => {
    const r = window.retour.canvas.getBoundingClientRect();
    return { x: r.left, y: r.top, h: r.height };
  });
  const visibleBottom = Math.min(canvas.h, vh - canvas.y);
  for (let i = 0; i < 30; i++) {
    const items = (await state(page)).items;
    const r = items[id];
    if (r && r[1] >= 0 && r[1] + r[3] <= visibleBottom) return [r[0] + canvas.x, r[1] + canvas.y, r[2], r[3]];
    const below = !r || r[1] + r[3] > visibleBottom;
    await page.mouse.move(canvas.x + 20, canvas.y + visibleBottom / 2);
    await frames(page, 2, () => page.mouse.wheel(0, below ? 250 : -250));
  }
  throw new Error(`item "${id}" never came into view (have: ${Object.keys((await state(page)).items).join(', ')})`);
}

export async function click(page, id) {
  const [x, y, w, h] = await reveal(page, id);
  await frames(page, 3, () => page.mouse.click(x + w / 2, y + h / 2));
}

export async function focusField(page, id) {
  await click(page, id);
  await until(page, () => window.retour.textFocused(), null, `text focus in ${id}`);
}

// Replaces a field's text: click, Ctrl+A, then keyboard.type (key events) or insertText (input events).
export async function typeInto(page, id, text, how = 'type') {
  await focusField(page, id);
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  await frames(page, 2, () => (how === 'insert' ? page.keyboard.insertText(text) : page.keyboard.type(text)));
  await until(page, ([t]) => JSON.stringify(window.retour.state()).includes(JSON.stringify(t).slice(1, -1)), [text], `text "${text}" in the state`);
}

export async function shot(page, out, name) {
  await page.screenshot({ path: path.join(out, name) });
}

export function check(cond, message) { assert(cond, message); }
