// Browser tests: the built portal (build/dist) in Debian's headless Chromium,
// driven by playwright-core. Usage: node run.mjs --dist DIR --out DIR [--only NAME]
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  assert, assertEqual, launch, loadPlaywright, makeRunner, openPortal, parseArgs, serveStatic, settle,
} from './harness.mjs';

const args = parseArgs(process.argv);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DIST = path.resolve(args.dist || path.join(ROOT, 'build/dist'));
const OUT = path.resolve(args.out || path.join(ROOT, 'build/screenshots'));
fs.mkdirSync(OUT, { recursive: true });

const playwright = loadPlaywright(path.join(ROOT, '.deps'));
const server = await serveStatic(DIST);
const browser = await launch(playwright);
const { test, run } = makeRunner();

async function desktop() {
  return browser.newContext({ viewport: { width: 1024, height: 720 }, deviceScaleFactor: 1 });
}

// Reads the canvas back and counts distinct colours: a blank canvas has one.
async function distinctColours(page) {
  return page.evaluate(() => {
    const src = document.querySelector('canvas');
    const c = document.createElement('canvas');
    c.width = src.width; c.height = src.height;
    const g = c.getContext('2d');
    g.drawImage(src, 0, 0);
    const d = g.getImageData(0, 0, c.width, c.height).data;
    const seen = new Set();
    for (let i = 0; i < d.length && seen.size < 64; i += 4 * 7) seen.add((d[i] << 16) | (d[i + 1] << 8) | d[i + 2]);
    return seen.size;
  });
}

async function clickItem(page, id) {
  const items = (await page.evaluate(() => window.retour.state())).items;
  assert(items[id], `item "${id}" is not on screen (have: ${Object.keys(items).join(', ')})`);
  const [x, y, w, h] = items[id];
  await page.mouse.click(x + w / 2, y + h / 2);
  await page.waitForFunction(() => true);
}

async function focusField(page, id) {
  await clickItem(page, id);
  await page.waitForFunction(() => window.retour.textFocused(), null, { timeout: 5000 });
}

test('the first frame renders with no console errors and is not blank', async () => {
  const ctx = await desktop();
  const { page, errors } = await openPortal(ctx, server.url);
  await settle(page, 300);
  const colours = await distinctColours(page);
  await page.screenshot({ path: path.join(OUT, 'first-frame.png') });
  assert(colours > 8, `canvas looks blank: ${colours} distinct colours`);
  assertEqual(errors, [], 'console errors');
  assertEqual((await page.evaluate(() => window.retour.state())).screen, 'find_order', 'first screen');
  await ctx.close();
});

test('no frame is rendered while nothing changes (render on demand)', async () => {
  const ctx = await desktop();
  const { page } = await openPortal(ctx, server.url);
  await settle(page, 500);
  const before = await page.evaluate(() => window.retour.frames());
  await page.waitForTimeout(2000);
  const idle = (await page.evaluate(() => window.retour.frames())) - before;
  console.log(`     idle frames in 2 s: ${idle}`);
  assert(idle <= 2, `rendered ${idle} frames in 2 s of idleness (want <= 2)`);
  // And it does wake up for input.
  await page.mouse.move(200, 200);
  await page.mouse.move(210, 220);
  await settle(page);
  assert((await page.evaluate(() => window.retour.frames())) > before + idle, 'no frame after input');
  await ctx.close();
});

test('text typed key by key and inserted at once arrives intact', async () => {
  const ctx = await desktop();
  const { page, errors } = await openPortal(ctx, server.url);
  await focusField(page, 'order_number');
  await page.keyboard.type('Rückgabe – Jørgen Müller, Straße 5');
  await settle(page);
  assertEqual((await page.evaluate(() => window.retour.state())).order_number,
    'Rückgabe – Jørgen Müller, Straße 5', 'order number after keyboard.type');
  await focusField(page, 'email');
  await page.keyboard.insertText('æøå ß Pengembalian €');
  await settle(page);
  assertEqual((await page.evaluate(() => window.retour.state())).email, 'æøå ß Pengembalian €', 'email after insertText');
  await page.keyboard.press('Backspace');
  await settle(page);
  assertEqual((await page.evaluate(() => window.retour.state())).email, 'æøå ß Pengembalian ', 'email after Backspace');
  await page.screenshot({ path: path.join(OUT, 'typed-text.png') });
  assertEqual(errors, [], 'console errors');
  await ctx.close();
});

test('a high-DPI phone gets a sharp framebuffer at its pixel ratio', async () => {
  const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true });
  const { page } = await openPortal(ctx, server.url);
  const size = await page.evaluate(() => { const c = document.querySelector('canvas'); return [c.width, c.height]; });
  assertEqual(size, [1170, 2532], 'canvas backing size');
  await settle(page, 300);
  await page.screenshot({ path: path.join(OUT, 'phone.png') });
  await ctx.close();
});

const ok = await run(args.only);
await browser.close();
server.close();
process.exit(ok ? 0 : 1);
