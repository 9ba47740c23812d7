// A complete return in each of the five languages, each through a different demo
// scenario, posting to a receiver in the test: the amounts the shopper sees and the
// request the shop receives.
import { watchErrors } from '../harness.mjs';
import { check, click, frames, onScreen, shot, startShop, state, typeInto, until } from './flow_lib.mjs';

// Walks the flow from the find screen to done; `plan` says what to pick.
export async function completeReturn(page, plan, out) {
  const snap = (n) => (plan.screenshots ? shot(page, out, `flow-${plan.locale}-${n}.png`) : null);
  await onScreen(page, 'find_order');
  await snap('1-find');
  await click(page, `demo_${plan.scenario}`);
  await onScreen(page, 'items');
  if (plan.onItems) await plan.onItems(await state(page));
  for (const line of plan.lines) {
    await click(page, `line_${line.id}`);
    await until(page, (id) => window.retour.state().order.lines.find((l) => l.id === id).selected, line.id, `line ${line.id} selected`);
    for (let q = 1; q < (line.qty || 1); q++) {
      await click(page, `qty_${line.id}_plus`);
      await until(page, ([id, n]) => window.retour.state().order.lines.find((l) => l.id === id).quantity === n, [line.id, q + 1], 'quantity');
    }
  }
  await snap('2-items');
  await click(page, 'next');
  await onScreen(page, 'reasons');
  for (const line of plan.lines) {
    await click(page, `reason_${line.id}_${line.reason}`);
    if (line.sub) await click(page, `sub_${line.id}_${line.sub}`);
    if (line.photo) await click(page, `photo_${line.id}`);
    if (line.comment) await typeInto(page, `comment_${line.id}`, line.comment, line.commentHow);
  }
  if (plan.onReasons) await plan.onReasons();
  await snap('3-reasons');
  await click(page, 'next');
  await onScreen(page, 'resolution');
  await click(page, `res_${plan.resolution}`);
  if (plan.variant) await click(page, `variant_${plan.lines[0].id}_${plan.variant}`);
  await until(page, (r) => window.retour.state().resolution === r, plan.resolution, 'resolution chosen');
  await snap('4-resolution');
  await click(page, 'next');
  await onScreen(page, 'summary');
  if (plan.method) await click(page, `method_${plan.method}`);
  for (const [field, text, how] of plan.typing || []) await typeInto(page, field, text, how);
  const summary = await state(page);
  await snap('5-summary');
  await click(page, 'confirm');
  await onScreen(page, 'done');
  return summary;
}

export default function register({ test, browser, dist, out, root }) {
  let shop;
  const open = async (locale, extra = {}) => {
    shop = shop || (await startShop(dist, root));
    const ctx = await browser.newContext({ viewport: { width: 900, height: 1000 }, deviceScaleFactor: 1, locale, ...extra });
    const page = await ctx.newPage();
    const errors = watchErrors(page);
    await page.goto(shop.url);
    await until(page, () => window.retour && window.retour.frames() > 0, null, 'first frame', 30000);
    return { ctx, page, errors };
  };
  const received = async (id) => {
    const deadline = Date.now() + 15000;
    while (!shop.hooks.some((h) => h.json.id === id) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    const hits = shop.hooks.filter((h) => h.json.id === id);
    check(hits.length === 1, `request ${id} received ${hits.length} times`);
    return hits[0];
  };

  const plans = [
    {
      locale: 'en-GB', tag: 'en', scenario: 'eligible', screenshots: true,
      lines: [{ id: 'l1', qty: 2, reason: 'too_small' }],
      resolution: 'refund', method: 'print_label',
      typing: [['name', 'Jørgen Müller, Straße 5', 'type']],
      expect: { paid: '€59.90', restocking_fees: '€2.99', label_fee: '€3.95', refund: '€52.96' },
      total: ['refund', 5296],
      shopperName: 'Jørgen Müller, Straße 5',
    },
    {
      locale: 'de-DE', tag: 'de', scenario: 'exchange',
      lines: [{ id: 'l1', reason: 'too_large' }],
      resolution: 'exchange', variant: 'SHIRT-LIN-PREM-M',
      typing: [['line1', 'Jørgen Müller, Straße 5', 'insert']],
      expect: { paid: '59,00 €', customer_pays: '10,00 €', label_fee: '0,00 €' },
      total: ['customer_pays', 1000],
      shopperLine1: 'Jørgen Müller, Straße 5',
    },
    {
      locale: 'nl-NL', tag: 'nl', scenario: 'partly_returned',
      lines: [{ id: 'l1', qty: 2, reason: 'changed_mind' }],
      resolution: 'store_credit', method: 'drop_off',
      onItems: (s) => check(s.order.lines[0].returnable === 2, `socks returnable: ${s.order.lines[0].returnable}`),
      expect: { paid: '€ 30,00', bonus: '€ 2,85', store_credit: '€ 27,40' },
      total: ['store_credit', 2740],
    },
    {
      locale: 'da-DK', tag: 'da', scenario: 'needs_review',
      lines: [{ id: 'l1', reason: 'damaged', photo: true }],
      resolution: 'gift_card', method: 'drop_off',
      onItems: (s) => check(s.order.lines[0].status === 'review', `coat status ${s.order.lines[0].status}`),
      expect: { paid: '349,00 €', fees: '0,00 €', gift_card: '349,00 €' },
      total: ['gift_card', 34900],
    },
    {
      locale: 'id-ID', tag: 'id', scenario: 'final_sale',
      lines: [{ id: 'l2', reason: 'not_as_described', sub: 'colour', comment: 'Warnanya jauh lebih gelap – agak kecewa', commentHow: 'insert' }],
      resolution: 'refund',
      onItems: (s) => {
        check(s.order.lines[0].status === 'ineligible' && s.order.lines[0].returnable === 0, 'parka is final sale');
        check(/obral|final/i.test(s.order.lines[0].decision_text), `final sale in words: ${s.order.lines[0].decision_text}`);
      },
      expect: { paid: '€34,50', restocking_fees: '€1,72', refund: '€28,83' },
      total: ['refund', 2883],
    },
  ];

  for (const plan of plans) {
    test(`a ${plan.tag} shopper completes a "${plan.scenario}" return and the shop receives it`, async () => {
      const { ctx, page, errors } = await open(plan.locale);
      await onScreen(page, 'find_order');
      check((await state(page)).locale === plan.tag, `locale from navigator.language: ${(await state(page)).locale}`);
      const summary = await completeReturn(page, plan, out);
      for (const [k, v] of Object.entries(plan.expect)) {
        check(summary.amounts[k] === v, `${plan.tag} ${k}: shown ${JSON.stringify(summary.amounts[k])}, want ${v}`);
      }
      await until(page, () => window.retour.state().delivery === 'sent', null, 'delivery sent');
      const done = await state(page);
      if (plan.screenshots) await shot(page, out, `flow-${plan.tag}-6-done.png`);
      const hook = await received(done.request_id);
      const req = hook.json.data;
      check(hook.json.type === 'return.requested', 'envelope type');
      check(hook.headers['webhook-id'] === done.request_id, 'webhook-id header');
      check(/^\d+$/.test(hook.headers['webhook-timestamp'] || ''), 'webhook-timestamp header');
      check(req.rma === done.rma && /^NL-/.test(req.rma), `rma ${req.rma} vs shown ${done.rma}`);
      check(req.locale === plan.tag, `request locale ${req.locale}`);
      check(req.demo === true, 'demo flag');
      check(req.lines.length === plan.lines.length && req.lines[0].line_id === plan.lines[0].id, 'lines');
      check(req.lines[0].quantity === (plan.lines[0].qty || 1), 'quantity');
      check(req.lines[0].reason === plan.lines[0].reason && req.lines[0].resolution === plan.resolution, 'reason and resolution');
      if (plan.lines[0].comment) check(req.lines[0].comment === plan.lines[0].comment, `comment ${JSON.stringify(req.lines[0].comment)}`);
      if (plan.lines[0].sub) check(req.lines[0].sub_reason === plan.lines[0].sub, 'sub-reason');
      if (plan.variant) check(req.lines[0].exchange_sku === plan.variant, 'exchange variant');
      const [key, minor] = plan.total;
      check(req.quote.totals[key] === minor, `posted ${key} ${JSON.stringify(req.quote.totals)}`);
      if (plan.shopperName) check(req.shopper.name === plan.shopperName, `name typed with keyboard.type: ${JSON.stringify(req.shopper.name)}`);
      if (plan.shopperLine1) check(req.shopper.address.line1 === plan.shopperLine1, `street inserted with insertText: ${JSON.stringify(req.shopper.address.line1)}`);
      check(done.outbox.length === 0 && done.posted === 1, `outbox after 2xx: ${JSON.stringify(done.outbox)}`);
      const events = await page.evaluate(() => window.__submitted || null);
      check(errors.length === 0, `console errors: ${errors.join(' | ')}`);
      void events;
      await ctx.close();
    }, 90000);
  }

  test('close the language test shop', async () => { if (shop) shop.close(); });
}
