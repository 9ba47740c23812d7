// After Confirm: the done screen in every delivery state (sent, waiting to be sent,
// refused), drawn for real (pixels, not only the state hook), surviving reloads;
// browser history inside the portal; the returns made on this device; signed-link
// mode without a link; a new #order= link on an open page.
import crypto from 'node:crypto';
import http from 'node:http';
import path from 'node:path';
import { watchErrors } from '../harness.mjs';
import { check, click, frames, onScreen, startShop, state, until } from './flow_lib.mjs';
import { completeReturn } from './flow_languages.mjs';

// A webhook receiver on its own origin (so the portal's POST is cross-origin, as in
// production). `cors: false` refuses the preflight like a receiver without
// --allow-origin; `answer` gives the status and body of each POST.
async function startHook({ cors = true } = {}) {
  const hook = { hooks: [], answer: () => [200, { status: 'accepted' }] };
  const server = http.createServer((req, res) => {
    const allow = cors ? {
      'access-control-allow-origin': req.headers.origin || '*',
      'access-control-allow-headers': 'content-type, webhook-id, webhook-timestamp',
      'access-control-allow-methods': 'POST, OPTIONS',
    } : {};
    if (req.method === 'OPTIONS') { res.writeHead(cors ? 204 : 403, allow).end(); return; }
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c) => { body += c; });
    req.on('end', () => {
      const json = JSON.parse(body);
      hook.hooks.push({ headers: req.headers, body, json });
      const [status, answer] = hook.answer(json);
      setTimeout(() => res.writeHead(status, { 'content-type': 'application/json', ...allow }).end(JSON.stringify(answer)), hook.delay || 0);
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  hook.url = `http://127.0.0.1:${server.address().port}/webhook`;
  hook.close = () => server.close();
  return hook;
}

// Pixels of the canvas inside a CSS-pixel rectangle: how many differ clearly from
// the page/card white and how many distinct colours there are. A part that is only
// reported but not drawn (or painted over) has no ink.
async function ink(page, rect) {
  return page.evaluate(([x, y, w, h]) => {
    const src = window.retour.canvas;
    const ratio = src.width / src.getBoundingClientRect().width;
    const c = document.createElement('canvas');
    c.width = src.width; c.height = src.height;
    const g = c.getContext('2d');
    g.drawImage(src, 0, 0);
    const px = (v) => Math.max(0, Math.round(v * ratio));
    const d = g.getImageData(px(x), px(y), Math.max(1, px(w)), Math.max(1, px(h))).data;
    let inked = 0;
    const colours = new Set();
    for (let i = 0; i < d.length; i += 4) {
      colours.add((d[i] << 16) | (d[i + 1] << 8) | d[i + 2]);
      if (Math.min(d[i], d[i + 1], d[i + 2]) < 200) inked++;
    }
    return { inked, colours: colours.size };
  }, rect);
}

async function checkDrawn(page, ids, what) {
  const s = await state(page);
  for (const id of ids) {
    const r = s.items[id];
    check(r, `${what}: "${id}" is not on screen (have: ${Object.keys(s.items).join(', ')})`);
    const { inked, colours } = await ink(page, r);
    check(inked >= 12 && colours >= 2, `${what}: "${id}" at ${JSON.stringify(r)} is not drawn (${inked} inked pixels, ${colours} colours)`);
  }
  // The header band (accent colour, logo, languages) above everything.
  const band = await ink(page, [0, 0, page.viewportSize().width, 60]);
  check(band.inked > 1000, `${what}: the header is not drawn (${band.inked} inked pixels)`);
}

const DESKTOP = { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 };
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

export default function register({ test, browser, dist, out, root }) {
  let shop;
  const open = async (options = {}, url, prepare) => {
    shop = shop || (await startShop(dist, root));
    const ctx = await browser.newContext({ ...DESKTOP, locale: 'en-US', ...options });
    if (prepare) await prepare(ctx);
    const page = await ctx.newPage();
    const errors = watchErrors(page);
    await page.goto(url || shop.url);
    await until(page, () => window.retour && window.retour.frames() > 0, null, 'first frame', 30000);
    return { ctx, page, errors };
  };
  const reload = async (page) => {
    await page.reload();
    await until(page, () => window.retour && window.retour.frames() > 0 && window.retour.state().screen !== 'loading', null, 'portal after reload', 30000);
  };
  const usePolicy = (webhookUrl) => {
    shop.policy = shop.demoPolicy();
    shop.policy.webhook = { url: webhookUrl, content_type: 'application/json' };
  };
  const plan = (locale) => ({
    locale, scenario: 'eligible', lines: [{ id: 'l2', reason: 'changed_mind' }], resolution: 'refund', method: 'print_label',
  });

  // --- 1: the done screen is drawn whatever happened to the request -----------------
  const unreachable = [
    ['offline', DESKTOP, 'en-US'],
    ['offline', PHONE, 'id-ID'],
    ['a wrong webhook URL', DESKTOP, 'id-ID'],
    ['a wrong webhook URL', PHONE, 'en-US'],
    ['a CORS refusal', DESKTOP, 'en-US'],
    ['a CORS refusal', PHONE, 'id-ID'],
  ];
  for (const [how, size, locale] of unreachable) {
    const name = `${how}, ${size === PHONE ? 'phone' : 'desktop'}, ${locale.slice(0, 2)}`;
    test(`walk done: with ${name} the done screen is fully drawn and says the return waits to be sent`, async () => {
      shop = shop || (await startShop(dist, root));
      const refusing = how === 'a CORS refusal' ? await startHook({ cors: false }) : null;
      usePolicy(how === 'a wrong webhook URL' ? 'http://127.0.0.1:9/webhook' : refusing ? refusing.url : `${shop.origin}/hook`);
      const { ctx, page, errors } = await open({ ...size, locale });
      await onScreen(page, 'find_order');
      // The demo orders are already loaded: the whole walk works offline.
      if (how === 'offline') await ctx.setOffline(true);
      await completeReturn(page, plan(locale), out);
      await until(page, () => ['queued'].includes(window.retour.state().delivery), null, 'waiting to be sent', 20000);
      await page.waitForTimeout(200);
      await checkDrawn(page, ['rma', 'download_pdf', 'delivery', 'done_icon', 'done_title'], name);
      const s = await state(page);
      check(s.done && s.done.icon === 'pending' && s.done.title === 'done.title_queued', `looks different from registered: ${JSON.stringify(s.done)}`);
      await page.screenshot({ path: path.join(out, `walk-done-${how.replace(/\W+/g, '-')}-${size === PHONE ? 'phone' : 'desktop'}-${locale.slice(0, 2)}.png`) });
      check(!errors.some((e) => /abort|assert|exception/i.test(e)), `errors: ${errors.join(' | ')}`);
      await ctx.close();
      if (refusing) refusing.close();
    }, 90000);
  }

  // --- 3: refused and waiting returns look different, say what to do, survive reloads
  test('walk done: a refused return (422) is not shown as registered, survives a reload, and can be corrected and sent again', async () => {
    shop = shop || (await startShop(dist, root));
    const hook = await startHook();
    hook.answer = () => [422, { status: 'rejected', error: 'verification_failed',
      differences: [{ pointer: '/quote/totals/refund', code: 'quote_differs', message: 'refund differs' }] }];
    usePolicy(hook.url);
    const { ctx, page } = await open();
    await completeReturn(page, plan('en-US'), out);
    // `items` are those of the last drawn frame and the state changes before the next
    // draw: wait for the refused screen to be drawn (its "send again" button) before
    // checking what it shows (a loaded machine drew the old frame's label button).
    await until(page, () => window.retour.state().delivery === 'rejected' && !!window.retour.state().items.resend, null, 'refused, drawn');
    let s = await state(page);
    const refusedRma = s.rma;
    check(s.done.icon === 'refused' && s.done.title === 'done.title_refused', `refused look: ${JSON.stringify(s.done)}`);
    check(!s.done.labels && !s.items.download_pdf, 'no label for a refused return');
    check(s.done.resend && /send it again/.test(s.done.status), `says what to do: ${s.done.status}`);
    check(s.items.shop_contact && s.items.contact_email, 'the shop\'s contact details are shown');
    await checkDrawn(page, ['done_icon', 'done_title', 'delivery', 'resend', 'shop_contact'], 'refused');
    await page.screenshot({ path: path.join(out, 'walk-done-refused.png') });

    await reload(page);
    await onScreen(page, 'done');
    s = await state(page);
    check(s.rma === refusedRma && s.delivery === 'rejected' && s.done.icon === 'refused', `after reload: ${s.rma} ${s.delivery} ${JSON.stringify(s.done)}`);
    check(hook.hooks.length === 1, `a refused request is not sent again by itself: ${hook.hooks.length}`);

    hook.answer = () => [200, { status: 'accepted' }];
    // The shop changed its rules after the refusal: the correction is made against them.
    shop.policy.shop.name = 'Rules Changed Shop';
    await click(page, 'resend');
    await onScreen(page, 'summary');
    s = await state(page);
    check(s.shop === 'Rules Changed Shop', `the policy is fetched again before correcting: ${s.shop}`);
    check(s.order.lines[1].selected && s.order.lines[1].reason === 'changed_mind', `choices kept: ${JSON.stringify(s.order.lines[1])}`);
    await click(page, 'confirm');
    await onScreen(page, 'done');
    await until(page, () => window.retour.state().delivery === 'sent', null, 'sent after correcting');
    s = await state(page);
    check(s.done.icon === 'check' && s.done.title === 'done.title' && s.done.labels, `registered look: ${JSON.stringify(s.done)}`);
    // Same id and RMA: a label printed while it waited still matches the parcel.
    check(hook.hooks.length === 2 && hook.hooks[1].json.id === hook.hooks[0].json.id && hook.hooks[1].json.id === s.request_id &&
      s.rma === refusedRma, `the corrected request keeps the refused one's id: ${hook.hooks.map((h) => h.json.id)} ${s.rma} vs ${refusedRma}`);
    check(s.outbox.length === 0, `the refused entry left the outbox: ${JSON.stringify(s.outbox)}`);
    check(s.device_returns.filter((r) => r.rma === s.rma).length === 1 && s.device_returns[0].rma === s.rma &&
      s.device_returns[0].delivery === 'sent', `device returns: ${JSON.stringify(s.device_returns)}`);
    await ctx.close();
    hook.close();
  }, 120000);

  test('walk done: while it is being sent, the status says what happens (not the title again), in the catalog\'s German', async () => {
    shop = shop || (await startShop(dist, root));
    const hook = await startHook();
    hook.delay = 4000;
    usePolicy(hook.url);
    const { ctx, page } = await open({ locale: 'de-DE' });
    await completeReturn(page, plan('de-DE'), out);
    const s = await state(page);
    check(s.delivery === 'sending' && s.done.title === 'done.title_sending', `sending: ${s.delivery} ${JSON.stringify(s.done)}`);
    check(/übergeben sie gerade an/.test(s.done.status) && !/Deine|deine/.test(s.done.status), `status: ${s.done.status}`);
    await until(page, () => window.retour.state().delivery === 'sent', null, 'sent', 15000);
    await ctx.close();
    hook.close();
  }, 120000);

  test('walk done: a refusal names the fields to correct (400), says to contact the shop (403, too late: after a reload too), names the line with too many units; a review is not a promise', async () => {
    shop = shop || (await startShop(dist, root));
    const hook = await startHook();
    hook.answer = () => [400, { status: 'rejected', error: 'invalid_request',
      errors: [{ pointer: '/data/shopper/address/postcode', message: 'expected a postcode' }] }];
    usePolicy(hook.url);
    const { ctx, page } = await open({ locale: 'de-DE' });
    await completeReturn(page, plan('de-DE'), out);
    await until(page, () => window.retour.state().delivery === 'rejected', null, 'refused');
    let s = await state(page);
    check(s.done.resend && /PLZ|Postleitzahl/.test(s.done.status), `names the field: ${s.done.status}`);
    hook.answer = () => [403, { status: 'rejected', error: 'origin_not_allowed', origin: 'x' }];
    await click(page, 'start_over');
    await completeReturn(page, { ...plan('de-DE'), lines: [{ id: 'l1', reason: 'too_small' }] }, out);
    // The test hook's items are those of the last drawn frame: wait for the one showing the contact.
    await until(page, () => { const t = window.retour.state(); return t.delivery === 'rejected' && !!t.items.shop_contact; },
      null, 'refused, with the shop\'s contact drawn');
    s = await state(page);
    check(!s.done.resend && /origin_not_allowed/.test(s.done.status) && s.items.shop_contact, `contact the shop: ${s.done.status}`);

    // Too late (issue 14): said in the shopper's words with the shop's contact, after a reload too.
    hook.answer = () => [422, { status: 'rejected', error: 'too_late',
      differences: [{ pointer: '/created_at', code: 'too_late', message: 'the request was made 9 day(s) ago' }] }];
    await click(page, 'start_over');
    await completeReturn(page, { ...plan('de-DE'), lines: [{ id: 'l1', reason: 'too_small' }] }, out);
    await until(page, () => window.retour.state().delivery === 'rejected', null, 'refused as too late');
    await reload(page);
    await onScreen(page, 'done');
    await until(page, () => !!window.retour.state().items.shop_contact, null, 'the shop\'s contact drawn after the reload');
    s = await state(page);
    check(s.delivery === 'rejected' && s.refusal.code === 'too_late' && /zu spät/.test(s.done.status) && !s.done.resend &&
      s.items.shop_contact, `too late, after a reload: ${s.refusal.code} ${s.done.status}`);

    // Too many units (earlier returns of the order): which line, how many are left, back to the items.
    hook.answer = () => [422, { status: 'rejected', error: 'verification_failed', left: 0,
      differences: [{ pointer: '/data/lines/0/quantity', code: 'quantity_above_returnable', expected: 0, got: 1, message: 'x' }] }];
    await click(page, 'start_over');
    await completeReturn(page, { ...plan('de-DE'), lines: [{ id: 'l1', reason: 'too_small' }] }, out);
    await until(page, () => window.retour.state().delivery === 'rejected', null, 'refused: over-return');
    s = await state(page);
    check(s.done.fix_items && s.refusal.over_line === 0 && /noch 0/.test(s.done.status), `over-return: ${JSON.stringify(s.refusal)} ${s.done.status}`);
    await click(page, 'fix_items');
    await onScreen(page, 'items');

    // Stored for review by the shop's receiver: no amount is promised.
    hook.answer = () => [200, { status: 'accepted', needs_review: true, review_reasons: ['customer_return_limit'] }];
    for (const [button, next] of [['next', 'reasons'], ['next', 'resolution'], ['next', 'summary'], ['confirm', 'done']]) {
      await click(page, button);
      await onScreen(page, next);
    }
    await until(page, () => window.retour.state().delivery === 'sent', null, 'sent for review');
    s = await state(page);
    check(s.review && /prüft sie/.test(s.done.status) && s.done.next.length === 1, `review: ${s.done.status} ${JSON.stringify(s.done.next)}`);
    await ctx.close();
    hook.close();
  }, 120000);

  test('walk done: a return waiting to be sent stays visible after a reload and goes out once the shop answers', async () => {
    shop = shop || (await startShop(dist, root));
    usePolicy('http://127.0.0.1:9/webhook');
    const { ctx, page } = await open();
    await completeReturn(page, plan('en-US'), out);
    await until(page, () => window.retour.state().delivery === 'queued', null, 'waiting');
    const rma = (await state(page)).rma;
    await reload(page);
    await onScreen(page, 'done');
    await until(page, () => window.retour.state().delivery === 'queued', null, 'still waiting after reload');
    let s = await state(page);
    check(s.rma === rma && s.done.icon === 'pending' && s.done.title === 'done.title_queued', `after reload: ${JSON.stringify(s.done)}`);
    usePolicy(`${shop.origin}/hook`);
    await reload(page);
    await until(page, () => window.retour.state().delivery === 'sent', null, 'sent once the shop answers');
    s = await state(page);
    check(s.rma === rma && s.done.icon === 'check', 'the same return, now registered');
    check(shop.hooks.filter((h) => h.json.id === s.request_id).length === 1, 'received once');
    await ctx.close();
  }, 120000);

  // --- 8: what happens next, per resolution ------------------------------------------
  test('walk done: the next steps promise what was chosen (store credit, exchange with a difference to pay), not a refund', async () => {
    shop = shop || (await startShop(dist, root));
    shop.policy = shop.demoPolicy();
    const { ctx, page } = await open();
    await completeReturn(page, { ...plan('en-US'), resolution: 'store_credit' }, out);
    let s = await state(page);
    check(s.done.next.some((t) => /store credit/.test(t) && /€/.test(t)) && !s.done.next.some((t) => /refund/.test(t)), `store credit: ${s.done.next}`);
    await click(page, 'start_over');
    const summary = await completeReturn(page, {
      locale: 'en-US', scenario: 'exchange', lines: [{ id: 'l1', reason: 'too_large' }], resolution: 'exchange', variant: 'SHIRT-LIN-PREM-M',
    }, out);
    check(summary.items.you_pay && summary.items.you_pay_how, `the summary says how the difference is paid: ${Object.keys(summary.items)}`);
    s = await state(page);
    check(s.done.next.some((t) => /replacement/.test(t)) && s.done.next.some((t) => /€10\.00 more/.test(t) && /don't pay anything now/.test(t)) &&
      !s.done.next.some((t) => /refund/.test(t)), `exchange: ${s.done.next}`);
    await ctx.close();
  }, 120000);

  // --- 6: history, reloads on the done screen, returns on this device ----------------
  test('walk done: browser Back and Forward move between the portal\'s steps', async () => {
    shop = shop || (await startShop(dist, root));
    shop.policy = shop.demoPolicy();
    const { ctx, page } = await open();
    await onScreen(page, 'find_order');
    const start = await page.evaluate(() => history.length);
    await click(page, 'demo_eligible');
    await onScreen(page, 'items');
    await click(page, 'line_l2');
    await click(page, 'next');
    await onScreen(page, 'reasons');
    check(await page.evaluate(() => history.length) === start + 2, 'two steps, two entries');
    await page.goBack();
    await onScreen(page, 'items');
    await page.goBack();
    await onScreen(page, 'find_order');
    await page.goForward();
    await onScreen(page, 'items');
    await page.goForward();
    await onScreen(page, 'reasons');
    check((await state(page)).order.lines[1].selected, 'choices survive going back and forth');
    // The portal's own Back button goes back in the browser's history too.
    await click(page, 'back');
    await onScreen(page, 'items');
    await page.goForward();
    await onScreen(page, 'reasons');
    check(page.url() === shop.url, `the address stays: ${page.url()}`);
    await ctx.close();
  }, 90000);

  test('walk done: the done screen survives a reload, Back leads to this device\'s returns, and a later return with the same contents is sent', async () => {
    shop = shop || (await startShop(dist, root));
    shop.policy = shop.demoPolicy();
    const { ctx, page } = await open();
    // One of the T-shirt's two units (l2, the jeans, has one unit).
    const shirt = { ...plan('en-US'), lines: [{ id: 'l1', reason: 'too_small' }] };
    await completeReturn(page, shirt, out);
    await until(page, () => window.retour.state().delivery === 'sent', null, 'sent');
    const first = await state(page);
    await reload(page);
    await onScreen(page, 'done');
    let s = await state(page);
    check(s.rma === first.rma && s.delivery === 'sent' && s.done.labels, `after reload: ${s.rma} ${s.delivery}`);
    await click(page, 'download_pdf');
    await until(page, () => window.retour.downloads().length === 1, null, 'label downloaded after reload');
    const file = (await page.evaluate(() => window.retour.downloads()))[0];
    check(file.name.includes(first.rma) && file.size > 1000, `label: ${JSON.stringify(file)}`);
    // A new tab starts a new return and lists this one.
    const tab = await ctx.newPage();
    await tab.goto(shop.url);
    await until(tab, () => window.retour && window.retour.state().screen === 'find_order', null, 'a new tab starts at find', 30000);
    check((await state(tab)).device_returns[0].rma === first.rma, 'the new tab lists the return');
    await tab.close();

    await page.goBack();
    await onScreen(page, 'find_order');
    s = await state(page);
    check(s.device_returns.length >= 1 && s.device_returns[0].rma === first.rma && s.device_returns[0].delivery === 'sent',
      `listed: ${JSON.stringify(s.device_returns)}`);
    await checkDrawn(page, ['device_returns', 'device_return_0'], 'device returns');
    await click(page, 'device_return_0');
    await onScreen(page, 'done');
    check((await state(page)).rma === first.rma, 'reopened from the list');

    // A later return with the same contents (the order's second unit, same reason) is
    // a new return: sent, with its own RMA. The unit this device sent is not offered again.
    await click(page, 'start_over');
    const posted = shop.hooks.length;
    let left = null, note = false;
    await completeReturn(page, { ...shirt, onItems: (st) => { left = st.order.lines.find((l) => l.id === 'l1'); note = !!st.items?.taken_l1; } }, out);
    check(left?.returnable === 1 && note, `one unit left to choose, with "1 of 2 already returned or requested": ${JSON.stringify(left)} ${note}`);
    await until(page, () => window.retour.state().delivery === 'sent', null, 'second return sent');
    s = await state(page);
    check(s.rma !== first.rma && s.request_id !== first.request_id, `a new return: ${s.rma} vs ${first.rma}`);
    check(shop.hooks.length === posted + 1 && shop.hooks[posted].json.id === s.request_id, `posted once (${shop.hooks.length - posted} new)`);
    check(s.device_returns.length >= 2 && s.device_returns[1].rma === first.rma, `both listed: ${JSON.stringify(s.device_returns)}`);
    await ctx.close();
  }, 120000);

  test('walk done: returns older than 90 days are removed from this device (they hold personal data)', async () => {
    shop = shop || (await startShop(dist, root));
    shop.policy = shop.demoPolicy();
    const { ctx, page } = await open();
    await completeReturn(page, plan('en-US'), out);
    await until(page, () => window.retour.state().delivery === 'sent', null, 'sent');
    const old = new Date(Date.now() - 91 * 86400e3).toISOString().replace(/\.\d+Z$/, 'Z');
    const aged = await page.evaluate((at) => {
      for (let i = 0; i < localStorage.length; i++) {
        const k = localStorage.key(i);
        if (!/returns$/.test(k)) continue;
        const doc = JSON.parse(localStorage.getItem(k));
        doc.returns[0].created_at = at;
        localStorage.setItem(k, JSON.stringify(doc));
        return k;
      }
      return null;
    }, old);
    check(aged, 'the device returns are stored');
    await page.goto(shop.url.replace(/#.*$/, '') + '#');
    await reload(page);
    await onScreen(page, 'find_order');
    const s = await state(page);
    check(s.device_returns.length === 0, `an old return is dropped: ${JSON.stringify(s.device_returns)}`);
    const stored = await page.evaluate((k) => localStorage.getItem(k), aged);
    check(!stored.includes(old), 'and removed from storage');
    await ctx.close();
  }, 120000);

  const toSummary = async (page) => {
    await onScreen(page, 'find_order');
    await click(page, 'demo_eligible');
    await onScreen(page, 'items');
    await click(page, 'line_l2');
    await click(page, 'next');
    await onScreen(page, 'reasons');
    await click(page, 'reason_l2_changed_mind');
    await click(page, 'next');
    await onScreen(page, 'resolution');
    await click(page, 'res_refund');
    await click(page, 'next');
    await onScreen(page, 'summary');
  };

  test('walk done: one return confirmed in two tabs (or again after a reload) is one return, not two', async () => {
    shop = shop || (await startShop(dist, root));
    shop.policy = shop.demoPolicy();
    const { ctx, page } = await open();
    await toSummary(page);
    await page.waitForTimeout(300);  // the draft is saved
    const other = await ctx.newPage();
    await other.goto(shop.url);
    await until(other, () => window.retour && window.retour.state().screen === 'summary', null, 'the draft reopens in a second tab', 30000);
    const posted = shop.hooks.length;
    await click(page, 'confirm');
    await onScreen(page, 'done');
    await until(page, () => window.retour.state().delivery === 'sent', null, 'sent');
    const first = await state(page);
    await click(other, 'confirm');
    await onScreen(other, 'done');
    await other.waitForTimeout(500);
    const second = await state(other);
    check(second.request_id === first.request_id && second.rma === first.rma, `the same return: ${second.rma} vs ${first.rma}`);
    const ids = new Set(shop.hooks.slice(posted).map((h) => h.json.id));
    check(ids.size === 1 && ids.has(first.request_id), `only this return's id was posted: ${[...ids]}`);
    check(second.device_returns.filter((r) => r.id === first.request_id).length === 1, `listed once: ${JSON.stringify(second.device_returns)}`);
    await ctx.close();
  }, 120000);

  test('walk done: two tabs confirming different returns keep both on this device', async () => {
    shop = shop || (await startShop(dist, root));
    shop.policy = shop.demoPolicy();
    const { ctx, page } = await open();
    const other = await ctx.newPage();
    await other.goto(shop.url);
    // Settled on the first step (policy loaded, no draft yet) before the first tab saves
    // one: a tab still loading would reopen that draft, which is the other test's case.
    await until(other, () => window.retour && window.retour.state().screen === 'find_order', null, 'second tab', 30000);
    await completeReturn(page, plan('en-US'), out);
    await completeReturn(other, { ...plan('en-US'), lines: [{ id: 'l1', reason: 'changed_mind' }] }, out);
    await until(page, () => window.retour.state().delivery === 'sent', null, 'first sent');
    await until(other, () => window.retour.state().delivery === 'sent', null, 'second sent');
    const a = await state(page);
    const b = await state(other);
    check(a.rma !== b.rma, 'two returns');
    await reload(page);
    await click(page, 'start_over');
    await onScreen(page, 'find_order');
    const listed = (await state(page)).device_returns.map((r) => r.rma);
    check(listed.includes(a.rma) && listed.includes(b.rma), `both tabs' returns are kept: ${listed} (${a.rma}, ${b.rma})`);
    await ctx.close();
  }, 120000);

  // --- 7: signed-link mode without a link; a new link in an open tab ------------------
  test('walk done: signed-link mode without a link says what to do with the shop\'s contact; a new #order= opens without reload', async () => {
    shop = shop || (await startShop(dist, root));
    const keys = crypto.generateKeyPairSync('ed25519');
    const policy = shop.demoPolicy();
    delete policy.demo;
    policy.lookup = { mode: 'signed_link', identifier: 'email' };
    policy.public_key = keys.publicKey.export({ format: 'jwk' }).x;
    shop.policy = policy;
    const day = (n) => new Date(Date.now() + n * 86400000).toISOString().slice(0, 10);
    const token = (number) => {
      const order = {
        currency: 'EUR', delivered_at: day(-3), email: 'ria@example.com', id: `signed-${number}`,
        lines: [{ id: 'a', quantity: 1, sku: 'CAP', title: 'Wool cap', unit_price: 2500 }],
        number, placed_at: day(-6), ship_to_country: 'DE',
      };
      const payload = Buffer.from(JSON.stringify(order));
      return `${payload.toString('base64url')}.${crypto.sign(null, payload, keys.privateKey).toString('base64url')}`;
    };
    // The shop's own page, without the test shop's demo attribute: links are the only way in.
    const linkPage = `${shop.origin}/test/link.html`;
    const { ctx, page } = await open({}, linkPage, (c) => c.route(linkPage, (route) => route.fulfill({
      contentType: 'text/html; charset=utf-8',
      body: `<!doctype html><html><head><meta charset="utf-8"><style>html,body{margin:0;height:100%}retour-portal{position:fixed;inset:0}</style></head>
<body><retour-portal policy="test/policy.json" offline="false"></retour-portal><script src="../embed.js"></script></body></html>`,
    })));
    await onScreen(page, 'find_order');
    const s = await state(page);
    check(s.items.link_help && !s.items.find_order && !s.items.order_number, `no form, an instruction: ${Object.keys(s.items)}`);
    check(s.items.shop_contact && s.items.contact_email && s.items.contact_phone, `contact details: ${Object.keys(s.items)}`);
    await checkDrawn(page, ['link_help', 'shop_contact'], 'signed-link help');
    await page.evaluate(() => { window.__sameDocument = true; });
    await page.evaluate((t) => { location.hash = `order=${t}`; }, token('S-1'));
    await until(page, () => window.retour.state().order && window.retour.state().order.number === 'S-1', null, 'the linked order opens');
    await onScreen(page, 'items');
    await page.evaluate((t) => { location.hash = `order=${t}`; }, token('S-2'));
    await until(page, () => window.retour.state().order.number === 'S-2', null, 'a second link opens its order');
    check(await page.evaluate(() => window.__sameDocument === true), 'no reload');
    await ctx.close();
    shop.policy = shop.demoPolicy();
  }, 90000);

  test('walk done: close the test shop', async () => { if (shop) shop.close(); });
}
