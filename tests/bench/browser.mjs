// Browser figures for `./build.sh bench`, portal (build/dist) vs the bare "hello"
// ImGui page (tests/bench/hello) in Debian's headless Chromium (SwiftShader WebGL).
//   bytes        every file fetched on a first visit (fresh context, until the first frame
//                and 1 s after), raw, gzip -9 and brotli (quality 11), per file and total
//   first_frame  navigation start → performance.mark('retour-first-frame'), set by
//                web/platform.js when the first frame is drawn; fresh context per run,
//                runs interleaved (portal, hello, hello, portal, …) after one warm-up each
//   idle_frames  frames drawn in 5 s without input, 1 s after the first frame
//   cpu          renderer main-thread busy time (CDP Performance.getMetrics TaskDuration)
//                per frame drawn while the mouse moves over the canvas for 3 s
//   served       the same files as `retour serve` (and `retour demo`) sends them to a
//                browser that accepts br: the build's precompressed siblings where it wrote
//                them (tools/dist/assemble.mjs), the file itself otherwise
// Usage: node browser.mjs --dist DIR --hello DIR --runs N --out FILE [--retour PATH]
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { launch, loadPlaywright, parseArgs, serveStatic } from '../browser/harness.mjs';

const args = parseArgs(process.argv);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const RUNS = Number(args.runs || 10);
const playwright = loadPlaywright(path.join(ROOT, '.deps'));
const sites = {
  portal: { dir: path.resolve(args.dist) },
  hello: { dir: path.resolve(args.hello) },
};
for (const s of Object.values(sites)) s.server = await serveStatic(s.dir);
const browser = await launch(playwright);
const newContext = () => browser.newContext({ viewport: { width: 1024, height: 720 }, deviceScaleFactor: 1 });

const median = (v) => { const s = [...v].sort((a, b) => a - b); const n = s.length; return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2; };
const FIRST_FRAME = () => performance.getEntriesByName('retour-first-frame').length > 0;

async function firstFrameMs(page) {
  await page.waitForFunction(FIRST_FRAME, null, { timeout: 30000, polling: 10 });
  return page.evaluate(() => performance.getEntriesByName('retour-first-frame')[0].startTime);
}

function sizes(buf) {
  return {
    raw: buf.length,
    gzip: zlib.gzipSync(buf, { level: 9 }).length,
    brotli: zlib.brotliCompressSync(buf, { params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: buf.length } }).length,
  };
}

async function firstVisitBytes(site) {
  const ctx = await newContext();
  // Which files the page fetched; their bytes come from disk (the server sends files
  // as they are), since Chromium does not hand out bodies of streamed wasm.
  const files = new Set();
  ctx.on('response', (r) => {
    const url = new URL(r.url());
    if (url.href.startsWith(site.server.url) && r.status() === 200) files.add(decodeURIComponent(url.pathname.slice(1)) || 'index.html');
  });
  const page = await ctx.newPage();
  await page.goto(site.server.url);
  await firstFrameMs(page);
  await page.waitForTimeout(1000);
  await ctx.close();
  const out = [...files].map((name) => ({ name, ...sizes(fs.readFileSync(path.join(site.dir, name))) }));
  // The example policy a merchant starts from, counted even when the first screen does not fetch it.
  const policy = path.join(site.dir, 'policy.example.json');
  if (!out.some((f) => f.name.includes('policy')) && fs.existsSync(policy)) {
    out.push({ name: 'policy.example.json (not fetched, added)', ...sizes(fs.readFileSync(policy)) });
  }
  const total = { raw: 0, gzip: 0, brotli: 0 };
  for (const f of out) for (const k of Object.keys(total)) total[k] += f[k];
  return { files: out, total };
}

// Body bytes `retour serve` answers for each file, asked as Chromium asks.
async function servedBytes(retour, dir, names) {
  const child = spawn(retour, ['serve', '--root', dir, '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d) => { out += d; const m = out.match(/:(\d+)\//); if (m) resolve(Number(m[1])); });
    child.on('exit', (code) => reject(new Error(`retour serve exited with ${code}`)));
  });
  const get = (name) => new Promise((resolve, reject) => {
    http.get({ host: '127.0.0.1', port, path: '/' + encodeURI(name), headers: { 'accept-encoding': 'gzip, deflate, br' } }, (res) => {
      let n = 0;
      res.on('data', (c) => { n += c.length; });
      res.on('end', () => resolve({ n, encoding: res.headers['content-encoding'] || 'identity' }));
    }).on('error', reject);
  });
  const out = {};
  for (const name of names) out[name] = await get(name);
  child.kill('SIGTERM');
  return out;
}

async function timeFirstFrame(site) {
  const ctx = await newContext();
  const page = await ctx.newPage();
  await page.goto(site.server.url);
  const ms = await firstFrameMs(page);
  await ctx.close();
  return ms;
}

async function idleAndCpu(site) {
  const ctx = await newContext();
  const page = await ctx.newPage();
  await page.goto(site.server.url);
  await firstFrameMs(page);
  await page.waitForFunction(() => window.retour && window.retour.frames() > 0, null, { timeout: 30000 });
  await page.waitForTimeout(1000);
  const frames = () => page.evaluate(() => window.retour.frames());
  const f0 = await frames();
  await page.waitForTimeout(5000);
  const idle = (await frames()) - f0;

  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Performance.enable');
  const metric = async (name) => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === name).value;
  const t0 = await metric('TaskDuration');
  const s0 = await metric('ScriptDuration');
  const f1 = await frames();
  const started = Date.now();
  for (let i = 0; Date.now() - started < 3000; i++) {
    await page.mouse.move(300 + 200 * Math.cos(i / 10), 300 + 150 * Math.sin(i / 10));
    await page.waitForTimeout(16);
  }
  await page.waitForTimeout(200);
  const drawn = (await frames()) - f1;
  const task = (await metric('TaskDuration')) - t0;
  const script = (await metric('ScriptDuration')) - s0;
  await ctx.close();
  return {
    idle_frames_5s: idle,
    interaction_frames: drawn,
    cpu_ms_per_frame: drawn ? (task * 1000) / drawn : null,
    script_ms_per_frame: drawn ? (script * 1000) / drawn : null,
  };
}

const result = { runs: RUNS, bytes: {}, first_frame_ms: { portal: [], hello: [] }, interaction: {} };
for (const name of ['portal', 'hello']) result.bytes[name] = await firstVisitBytes(sites[name]);
if (args.retour) {
  const portal = result.bytes.portal;
  const fetched = portal.files.filter((f) => fs.existsSync(path.join(sites.portal.dir, f.name)));
  const served = await servedBytes(args.retour, sites.portal.dir, fetched.map((f) => f.name));
  portal.total.served = 0;
  for (const f of fetched) {
    f.served = served[f.name].n;
    f.served_encoding = served[f.name].encoding;
    portal.total.served += f.served;
  }
}
for (const name of ['portal', 'hello']) await timeFirstFrame(sites[name]);  // warm-up, not counted
for (let i = 0; i < RUNS; i++) {
  const order = i % 2 ? ['hello', 'portal'] : ['portal', 'hello'];
  for (const name of order) result.first_frame_ms[name].push(await timeFirstFrame(sites[name]));
}
result.first_frame_ms.portal_median = median(result.first_frame_ms.portal);
result.first_frame_ms.hello_median = median(result.first_frame_ms.hello);
for (const name of ['portal', 'hello']) result.interaction[name] = await idleAndCpu(sites[name]);

await browser.close();
for (const s of Object.values(sites)) s.server.close();
fs.writeFileSync(args.out, JSON.stringify(result, null, 1));
console.error(`browser figures written to ${args.out}`);
