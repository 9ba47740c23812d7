// Foundation: first frame, render on demand, text input bridge, high-DPI.
// (The dist folder has no policy.json of its own: these open the built-in demo.)
import path from 'node:path';
import { assert, assertEqual, openPortal, settle, watchErrors } from '../harness.mjs';
import { clickItem, distinctColours, focusField, state } from '../portal.mjs';

export default function register({ test, browser, server, out }) {
  async function desktop() {
    return browser.newContext({ viewport: { width: 1024, height: 720 }, deviceScaleFactor: 1 });
  }

  test('the first frame renders with no console errors and is not blank', async () => {
    const ctx = await desktop();
    const { page, errors } = await openPortal(ctx, server.url + '?demo');
    await page.waitForFunction(() => window.retour.state().screen === 'find_order');
    await settle(page, 300);
    const colours = await distinctColours(page);
    await page.screenshot({ path: path.join(out, 'first-frame.png') });
    assert(colours > 8, `canvas looks blank: ${colours} distinct colours`);
    assertEqual(errors, [], 'console errors');
    assertEqual((await state(page)).screen, 'find_order', 'first screen');
    await ctx.close();
  });

  test('no frame is rendered while nothing changes (render on demand)', async () => {
    const ctx = await desktop();
    const { page } = await openPortal(ctx, server.url + '?demo');
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
    const { page, errors } = await openPortal(ctx, server.url + '?demo');
    await page.waitForFunction(() => window.retour.state().screen === 'find_order');
    await focusField(page, 'order_number');
    await page.keyboard.type('Rückgabe – Jørgen Müller, Straße 5');
    await settle(page);
    assertEqual((await state(page)).order_number,
      'Rückgabe – Jørgen Müller, Straße 5', 'order number after keyboard.type');
    await focusField(page, 'email');
    await page.keyboard.insertText('æøå ß Pengembalian €');
    await settle(page);
    assertEqual((await state(page)).email, 'æøå ß Pengembalian €', 'email after insertText');
    await page.keyboard.press('Backspace');
    await settle(page);
    assertEqual((await state(page)).email, 'æøå ß Pengembalian ', 'email after Backspace');
    await page.screenshot({ path: path.join(out, 'typed-text.png') });
    assertEqual(errors, [], 'console errors');
    await ctx.close();
  });

  test('a high-DPI phone gets a sharp framebuffer at its pixel ratio', async () => {
    const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true });
    const { page } = await openPortal(ctx, server.url + '?demo');
    const size = await page.evaluate(() => { const c = window.retour.canvas; return [c.width, c.height]; });
    assertEqual(size, [1170, 2532], 'canvas backing size');
    await settle(page, 300);
    await page.screenshot({ path: path.join(out, 'phone.png') });
    await ctx.close();
  });
  // The portal needs WebAssembly exception handling (-fwasm-exceptions). A browser
  // without it gets a message in the portal's language instead of a blank page.
  test('a browser without WebAssembly exception handling is told to update, in its language', async () => {
    for (const [locale, words] of [['de-DE', /zu alt.*Safari 15\.2/], ['en-US', /too old.*Firefox 100/]]) {
      const ctx = await browser.newContext({ viewport: { width: 1024, height: 720 }, locale });
      await ctx.addInitScript(() => {
        const validate = WebAssembly.validate;
        // An engine without the proposal rejects any module using `try`/`catch_all`.
        WebAssembly.validate = (bytes) => !new Uint8Array(bytes).includes(0x19) && validate(bytes);
      });
      const page = await ctx.newPage();
      const errors = watchErrors(page);
      await page.goto(server.url + '?demo');
      const alert = page.getByRole('alert');
      await alert.waitFor({ timeout: 15000 });
      const text = await alert.textContent();
      assert(words.test(text), `${locale}: ${text}`);
      assertEqual(await page.locator('canvas').count(), 0, 'no canvas left behind');
      assertEqual(errors, [], 'console errors');
      await ctx.close();
    }
  });
}
