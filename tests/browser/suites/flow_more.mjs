// The shopper flow beyond the happy path: keyboard only, a phone with touch, going
// offline mid-return, a draft surviving a reload, signed links (valid, cut off,
// forged), a policy that fails to load, and the idle-frame / frame-CPU figures.
import crypto from 'node:crypto';
import path from 'node:path';
import { watchErrors } from '../harness.mjs';
import { check, click, frames, onScreen, startShop, state, typeInto, until } from './flow_lib.mjs';
import { completeReturn } from './flow_languages.mjs';

export default function register({ test, browser, dist, out, root }) {
  let shop;
  const open = async (url, options = {}) => {
    shop = shop || (await startShop(dist, root));
    const ctx = await browser.newContext({ viewport: { width: 900, height: 1000 }, deviceScaleFactor: 1, locale: 'en-US', ...options });
    const page = await ctx.newPage();
    const errors = watchErrors(page);
    await page.goto(url || shop.url);
    await until(page, () => window.retour && window.retour.frames() > 0, null, 'first frame', 30000);
    return { ctx, page, errors };
  };
  const key = async (page, name) => frames(page, 2, () => page.keyboard.press(name));
  const tabTo = async (page, id) => {
    for (let i = 0; i < 40; i++) {
      if ((await state(page)).focus === id) return;
      await key(page, 'Tab');
    }
    throw new Error(`Tab never reached ${id}; focus is ${(await state(page)).focus}`);
  };

  test('a return can be completed with the keyboard alone (Tab, Shift-Tab, Space, Enter)', async () => {
    shop = shop || (await startShop(dist, root));
    shop.policy = shop.demoPolicy();
    const { ctx, page, errors } = await open();
    await onScreen(page, 'find_order');
    await page.focus('retour-portal');
    await tabTo(page, 'order_number');
    await until(page, () => window.retour.textFocused(), null, 'the text bridge has focus');
    await frames(page, 2, () => page.keyboard.type('1001'));
    await key(page, 'Tab');
    await until(page, () => window.retour.state().focus === 'email' && window.retour.textFocused(), null, 'Tab to the email field');
    await frames(page, 2, () => page.keyboard.type('alex@example.com'));
    await key(page, 'Shift+Tab');
    await until(page, () => window.retour.state().focus === 'order_number', null, 'Shift-Tab back to the order number');
    await key(page, 'Tab');
    await key(page, 'Enter');  // Enter in the last field finds the order
    await onScreen(page, 'items');
    await tabTo(page, 'line_l2');
    await key(page, 'Space');
    await until(page, () => window.retour.state().order.lines[1].selected, null, 'Space selects the jeans');
    await tabTo(page, 'next');
    await key(page, 'Enter');
    await onScreen(page, 'reasons');
    await tabTo(page, 'reason_l2_too_large');
    await key(page, 'Space');
    await tabTo(page, 'next');
    await key(page, 'Enter');
    await onScreen(page, 'resolution');
    await tabTo(page, 'res_store_credit');
    await key(page, 'Enter');
    await until(page, () => window.retour.state().resolution === 'store_credit', null, 'Enter picks store credit');
    await tabTo(page, 'next');
    await key(page, 'Enter');
    await onScreen(page, 'summary');
    await tabTo(page, 'back');
    await key(page, 'Enter');
    await onScreen(page, 'resolution');
    check((await state(page)).resolution === 'store_credit', 'Back goes back without losing the choice');
    await tabTo(page, 'next');
    await key(page, 'Enter');
    await onScreen(page, 'summary');
    await tabTo(page, 'confirm');
    await key(page, 'Enter');
    await onScreen(page, 'done');
    await until(page, () => window.retour.state().delivery === 'sent', null, 'sent');
    const done = await state(page);
    const hook = shop.hooks.find((h) => h.json.id === done.request_id);
    check(hook && hook.json.data.lines[0].line_id === 'l2' && hook.json.data.lines[0].resolution === 'store_credit', 'posted request');
    check(errors.length === 0, `console errors: ${errors.join(' | ')}`);
    await ctx.close();
  }, 180000);  // some 40 Tab presses, each waiting for the frame it causes: slow on a loaded machine

  test('on a 390×844 phone, taps select and a finger drag scrolls', async () => {
    shop = shop || (await startShop(dist, root));
    shop.policy = shop.demoPolicy();
    const { ctx, page } = await open(null, { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    await onScreen(page, 'find_order');
    await page.screenshot({ path: path.join(out, 'flow-phone-1-find.png') });
    const before = (await state(page)).items.find_order;
    // Drag up with one finger (CDP touch events: Pointer Events of type "touch").
    const cdp = await ctx.newCDPSession(page);
    const touch = (type, y) => cdp.send('Input.dispatchTouchEvent', { type, touchPoints: type === 'touchEnd' ? [] : [{ x: 200, y }] });
    await frames(page, 2, async () => {
      await touch('touchStart', 700);
      for (let y = 680; y >= 300; y -= 40) await touch('touchMove', y);
      await touch('touchEnd');
    });
    await until(page, (y0) => { const r = window.retour.state().items.find_order; return !r || r[1] < y0 - 200; }, before[1], 'the page scrolled by the drag');
    check((await state(page)).screen === 'find_order', 'a drag is not a tap');
    await page.screenshot({ path: path.join(out, 'flow-phone-2-scrolled.png') });
    const r = (await state(page)).items.demo_exchange || (await state(page)).items.demo_needs_review;
    check(r, 'a demo order button is on screen after scrolling');
    const id = (await state(page)).items.demo_exchange ? 'exchange' : 'needs_review';
    await frames(page, 3, () => page.touchscreen.tap(r[0] + r[2] / 2, r[1] + r[3] / 2));
    await onScreen(page, 'items');
    const s = await state(page);
    check(s.order.number === (id === 'exchange' ? '1005' : '1006'), `tapped order ${s.order.number}`);
    const line = s.items.line_l1;
    await frames(page, 3, () => page.touchscreen.tap(line[0] + line[2] / 2, line[1] + line[3] / 2));
    await until(page, () => window.retour.state().order.lines[0].selected, null, 'tap selects the line');
    await page.screenshot({ path: path.join(out, 'flow-phone-3-items.png') });
    await ctx.close();
  }, 60000);

  test('offline at confirmation: queued, then posted exactly once when back online', async () => {
    shop = shop || (await startShop(dist, root));
    shop.policy = shop.demoPolicy();
    const { ctx, page } = await open();
    await onScreen(page, 'find_order');
    await click(page, 'demo_eligible');
    await click(page, 'line_l2');
    await click(page, 'next');
    await click(page, 'reason_l2_changed_mind');
    await click(page, 'next');
    await click(page, 'res_refund');
    await click(page, 'next');
    await onScreen(page, 'summary');
    await ctx.setOffline(true);
    await click(page, 'confirm');
    await onScreen(page, 'done');
    await until(page, () => window.retour.state().delivery === 'queued', null, 'queued while offline');
    const s = await state(page);
    check(s.outbox.length === 1 && s.outbox[0].id === s.request_id, `outbox holds the request: ${JSON.stringify(s.outbox)}`);
    const stored = await page.evaluate(() => localStorage.getItem('retour:outbox'));
    check(stored && stored.includes(s.request_id), 'the outbox is in localStorage');
    check(!shop.hooks.some((h) => h.json.id === s.request_id), 'nothing arrived while offline');
    await page.screenshot({ path: path.join(out, 'flow-offline-queued.png') });
    await ctx.setOffline(false);
    await until(page, () => window.retour.state().delivery === 'sent', null, 'sent after coming back online');
    await until(page, () => window.retour.state().outbox.length === 0, null, 'outbox emptied');
    const hits = shop.hooks.filter((h) => h.json.id === s.request_id);
    check(hits.length === 1, `received ${hits.length} times`);
    await ctx.close();
  }, 60000);

  test('a draft survives a reload: screen, choices and typed text come back', async () => {
    shop = shop || (await startShop(dist, root));
    shop.policy = shop.demoPolicy();
    const { ctx, page } = await open();
    await onScreen(page, 'find_order');
    await click(page, 'demo_eligible');
    await click(page, 'line_l1');
    await click(page, 'next');
    await click(page, 'reason_l1_too_small');
    await typeInto(page, 'comment_l1', 'Fällt klein aus – æøå', 'insert');
    await page.reload();
    await until(page, () => window.retour && window.retour.frames() > 0 && window.retour.state().screen === 'reasons', null, 'back on the reasons screen');
    const l1 = (await state(page)).order.lines[0];
    check(l1.selected && l1.reason === 'too_small' && l1.comment === 'Fällt klein aus – æøå', `restored: ${JSON.stringify(l1)}`);
    await ctx.close();
  }, 60000);

  test('signed order links: a valid one opens the order, cut-off and forged ones say why', async () => {
    shop = shop || (await startShop(dist, root));
    const keys = crypto.generateKeyPairSync('ed25519');
    const other = crypto.generateKeyPairSync('ed25519');
    const policy = shop.demoPolicy();
    delete policy.demo;
    policy.lookup = { mode: 'signed_link', identifier: 'email' };
    policy.public_key = keys.publicKey.export({ format: 'jwk' }).x;
    shop.policy = policy;
    const day = (n) => new Date(Date.now() + n * 86400000).toISOString().slice(0, 10);
    const order = {
      currency: 'EUR', delivered_at: day(-3), email: 'ria@example.com', id: 'signed-1',
      lines: [{ id: 'a', quantity: 1, sku: 'CAP', title: 'Wool cap', unit_price: 2500 }],
      number: 'S-77', placed_at: day(-6), ship_to_country: 'DE',
    };
    const payload = Buffer.from(JSON.stringify(order));
    const b64 = (b) => Buffer.from(b).toString('base64url');
    const token = (key) => `${b64(payload)}.${b64(crypto.sign(null, payload, key))}`;
    const good = token(keys.privateKey);

    let { ctx, page } = await open(`${shop.url}#order=${good}`);
    await onScreen(page, 'items');
    let s = await state(page);
    check(s.order.number === 'S-77' && s.order.source === 'link', 'the signed order opened');
    await ctx.close();

    ({ ctx, page } = await open(`${shop.url}#order=${good.slice(0, -20)}`));
    await onScreen(page, 'find_order');
    s = await state(page);
    check(s.problem_code === 'token_truncated' && /incomplete|cut off/.test(s.problem), `cut-off link: ${s.problem_code} ${s.problem}`);
    await ctx.close();

    ({ ctx, page } = await open(`${shop.url}#order=${token(other.privateKey)}`, { locale: 'de-DE' }));
    await onScreen(page, 'find_order');
    s = await state(page);
    check(s.problem_code === 'token_bad_signature' && s.locale === 'de' && s.problem.length > 10, `other shop's link: ${s.problem_code} ${s.problem}`);
    await page.screenshot({ path: path.join(out, 'flow-link-forged.png') });
    await ctx.close();
    shop.policy = shop.demoPolicy();
  }, 60000);

  test('a policy that fails to load shows an error with a retry that works', async () => {
    shop = shop || (await startShop(dist, root));
    shop.policy = null;
    const { ctx, page } = await open();
    await onScreen(page, 'policy_error');
    await page.screenshot({ path: path.join(out, 'flow-policy-error.png') });
    shop.policy = shop.demoPolicy();
    await click(page, 'retry');
    await onScreen(page, 'find_order');
    await ctx.close();
  }, 60000);

  test('idle: at most 2 frames in 2 s; frame CPU time reported', async () => {
    shop = shop || (await startShop(dist, root));
    shop.policy = shop.demoPolicy();
    const { ctx, page } = await open();
    await completeReturn(page, {
      locale: 'en', scenario: 'exchange', lines: [{ id: 'l1', reason: 'too_small' }], resolution: 'exchange', variant: 'SHIRT-LIN-L',
    }, out);
    await click(page, 'download_pdf');
    await click(page, 'download_zpl');
    await until(page, () => window.retour.downloads().length === 2, null, 'two label downloads');
    const files = await page.evaluate(() => window.retour.downloads());
    check(files[0].type === 'application/pdf' && files[0].size > 1000 && /^return-label-NL-.*\.pdf$/.test(files[0].name), `pdf: ${JSON.stringify(files[0])}`);
    check(/zpl/.test(files[1].name) && files[1].size > 200, `zpl: ${JSON.stringify(files[1])}`);
    // Interaction frames: move the mouse around over the done screen.
    for (let i = 0; i < 20; i++) await page.mouse.move(100 + i * 20, 200 + i * 10);
    await until(page, () => window.retour.state().delivery === 'sent', null, 'sent');
    await page.waitForTimeout(300);  // let the last requested frames finish before counting idleness
    const before = await page.evaluate(() => window.retour.frames());
    await page.waitForTimeout(2000);
    const idle = (await page.evaluate(() => window.retour.frames())) - before;
    const cpu = (await state(page)).frame_cpu;
    console.log(`     idle frames in 2 s: ${idle}; frame CPU: avg ${cpu.avg_ms.toFixed(2)} ms, max ${cpu.max_ms.toFixed(1)} ms over ${cpu.frames} frames`);
    check(idle <= 2, `${idle} frames while idle`);
    await ctx.close();
    shop.close();
  }, 90000);
}
