// Shared pieces of the browser tests: a static server on loopback, Debian's
// Chromium through playwright-core, and a tiny test runner that ends with the
// plain "N passed, N failed" line build.sh adds up.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export function loadPlaywright(depsDir) {
  return require(path.join(depsDir, 'npm', 'node_modules', 'playwright-core'));
}

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.wasm': 'application/wasm', '.json': 'application/json', '.ttf': 'font/ttf',
  '.svg': 'image/svg+xml', '.pdf': 'application/pdf', '.css': 'text/css',
};

// Serves `root` under `prefix` (e.g. "/shop/returns/") on 127.0.0.1 and a free port.
export async function serveStatic(root, prefix = '/') {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    if (!url.pathname.startsWith(prefix)) { res.writeHead(404).end(); return; }
    let rel = decodeURIComponent(url.pathname.slice(prefix.length)) || 'index.html';
    const file = path.join(root, rel);
    if (!file.startsWith(path.resolve(root)) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${server.address().port}${prefix}`, close: () => server.close() };
}

// Flags: no sandbox as root, software WebGL (SwiftShader), and none of Chromium's
// background traffic (this machine reaches no other network).
export const CHROMIUM_ARGS = [
  '--headless=new', '--no-sandbox', '--disable-gpu', '--enable-unsafe-swiftshader', '--use-angle=swiftshader',
  '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--disable-features=Translate,MediaRouter,OptimizationHints', '--mute-audio',
];

export async function launch(playwright) {
  return playwright.chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS, headless: true });
}

// Collects console errors and uncaught exceptions of a page.
export function watchErrors(page) {
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  return errors;
}

// Opens the portal and waits until its first frame is drawn.
export async function openPortal(context, url) {
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(url);
  await page.waitForFunction(() => window.retour && window.retour.frames() > 0, null, { timeout: 30000 });
  return { page, errors };
}

export async function settle(page, ms = 150) {
  await page.waitForTimeout(ms);
}

export function parseArgs(argv) {
  const out = {};
  for (let i = 2; i < argv.length; i++) {
    if (argv[i].startsWith('--')) out[argv[i].slice(2)] = argv[i + 1]?.startsWith('--') ? true : argv[++i];
  }
  return out;
}

// test(name, fn) registers; run() executes in order with a per-test time limit.
export function makeRunner() {
  const tests = [];
  return {
    test: (name, fn, timeoutMs = 60000) => tests.push({ name, fn, timeoutMs }),
    async run(filter) {
      let passed = 0, failed = 0;
      for (const t of tests) {
        if (filter && !t.name.includes(filter)) continue;
        const started = Date.now();
        let timer;
        try {
          await Promise.race([
            t.fn(),
            new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`timed out after ${t.timeoutMs} ms`)), t.timeoutMs); }),
          ]);
          passed++;
          console.log(`ok   ${t.name} (${Date.now() - started} ms)`);
        } catch (err) {
          failed++;
          console.log(`FAIL ${t.name}\n     ${String(err && err.stack || err).split('\n').join('\n     ')}`);
        } finally {
          clearTimeout(timer);
        }
      }
      console.log(`${passed} passed, ${failed} failed`);
      return failed === 0;
    },
  };
}

export function assert(cond, message) {
  if (!cond) throw new Error(message);
}

export function assertEqual(actual, expected, what) {
  if (JSON.stringify(actual) !== JSON.stringify(expected)) {
    throw new Error(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
  }
}
