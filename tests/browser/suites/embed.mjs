// Static-site embedding (issue 7): the single-file demo from disk with no network,
// the example storefront under a sub-path with the custom element and its events,
// a second visit offline through the service worker, and `./build.sh demo` end to end.
// The single file, the storefront and the demo data live in the demo folder (`dist`
// here, build/demo-dist); the offline visit is tried on the deploy folder too.
import { spawn, execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { parseMail } from '../../receiver/mail.mjs';
import { watchErrors } from '../harness.mjs';
import { check, click, onScreen, state, typeInto, until } from './flow_lib.mjs';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm',
  '.json': 'application/json', '.ttf': 'font/ttf',
};

// From the items screen of an eligible order to the done screen: one line, a reason,
// a refund, the address typed in where the order has none.
async function finishReturn(page, { line = 'l2', reason = 'changed_mind', address = true } = {}) {
  await onScreen(page, 'items');
  await click(page, `line_${line}`);
  await click(page, 'next');
  await onScreen(page, 'reasons');
  await click(page, `reason_${line}_${reason}`);
  await click(page, 'next');
  await onScreen(page, 'resolution');
  await click(page, 'res_refund');
  await click(page, 'next');
  await onScreen(page, 'summary');
  if (address) {
    await typeInto(page, 'name', 'Jørgen Müller');
    await typeInto(page, 'line1', 'Straße 5');
    // A postcode in the format of the country prefilled from the order (Confirm checks it).
    const country = (await state(page)).shopper.country;
    const [postcode, city] = { DE: ['10115', 'Berlin'], AT: ['1010', 'Wien'], NL: ['1012 AB', 'Amsterdam'] }[country] || ['2100', 'København'];
    await typeInto(page, 'postcode', postcode);
    await typeInto(page, 'city', city);
  }
  await click(page, 'confirm');
  await onScreen(page, 'done');
  return state(page);
}

function freePort() {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
  });
}

// dist under `prefix`, a policy at <prefix>policy.json and a receiver at /hook.
async function startSubPathShop(dist, root, prefix) {
  const shop = { hooks: [], policy: null };
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    if (url.pathname === '/hook') {
      if (req.method === 'OPTIONS') { res.writeHead(204).end(); return; }
      let body = '';
      req.on('data', (c) => { body += c; });
      req.on('end', () => { shop.hooks.push(JSON.parse(body)); res.writeHead(200).end('{"status":"stored"}'); });
      return;
    }
    // The receiver's status of a stored return, as `retour hook` answers GET /status/<id>.
    const asked = url.pathname.match(/^\/status\/(req_[0-9a-f]+)$/);
    const stored = asked && shop.hooks.find((h) => h.data.id === asked[1]);
    if (stored) {
      shop.statusAsked = url.search;
      res.writeHead(200, { 'content-type': TYPES['.json'] }).end(JSON.stringify({
        id: stored.data.id, currency: 'EUR', locale: 'en', rma: stored.data.rma, state: 'requested',
        events: [{ at: stored.data.created_at, label: 'Return requested', type: 'requested' }],
      }));
      return;
    }
    if (!url.pathname.startsWith(prefix)) { res.writeHead(404).end(); return; }
    const rel = decodeURIComponent(url.pathname.slice(prefix.length)) || 'index.html';
    if (rel === 'policy.json') {
      res.writeHead(200, { 'content-type': TYPES['.json'] }).end(JSON.stringify(shop.policy));
      return;
    }
    const file = path.join(dist, rel);
    if (!file.startsWith(path.resolve(dist)) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  shop.origin = `http://127.0.0.1:${server.address().port}`;
  shop.close = () => server.close();
  const policy = JSON.parse(fs.readFileSync(path.join(root, 'web/demo/policy.json'), 'utf8'));
  delete policy.demo;
  policy.webhook = { url: `${shop.origin}/hook`, content_type: 'application/json' };
  policy.lookup = { mode: 'signed_link', identifier: 'email' };
  shop.keys = crypto.generateKeyPairSync('ed25519');
  policy.public_key = shop.keys.publicKey.export({ format: 'jwk' }).x;
  shop.policy = policy;
  return shop;
}

// An order of one wool cap (line l2), delivered four days ago: eligible.
function capOrder(id, number, country) {
  const day = (n) => new Date(Date.now() + n * 86400000).toISOString().slice(0, 10);
  return {
    currency: 'EUR', delivered_at: day(-4), email: 'ria@example.com', id, ship_to_country: country,
    lines: [{ id: 'l2', quantity: 1, sku: 'CAP-W', title: 'Wool cap', unit_price: 2500, category: 'accessories' }],
    number, placed_at: day(-7),
  };
}

function signedToken(order, privateKey) {
  const payload = Buffer.from(JSON.stringify(order));
  return `${payload.toString('base64url')}.${crypto.sign(null, payload, privateKey).toString('base64url')}`;
}

export default function register({ test, browser, dist, deploy, out, root }) {
  test('the single-file demo opens from disk with no network and completes a return', async () => {
    const ctx = await browser.newContext({ viewport: { width: 900, height: 1000 }, locale: 'en-US' });
    await ctx.route(/^https?:/, (route) => route.abort());  // no network at all
    await ctx.setOffline(true);
    const page = await ctx.newPage();
    const errors = watchErrors(page);
    await page.goto(pathToFileURL(path.join(dist, 'retour-demo.html')).href);
    await until(page, () => window.retour && window.retour.frames() > 0, null, 'first frame', 30000);
    await onScreen(page, 'find_order');
    check((await state(page)).demo === true, 'demo mode is on');
    await click(page, 'demo_eligible');
    const done = await finishReturn(page, { address: false });
    check(/^[A-Z0-9]{2,6}-[0-9A-HJKMNP-TV-Z]{12}$/.test(done.rma), `an RMA number ending in a letter or digit: ${done.rma}`);
    check(done.demo_outbox && done.demo_outbox.length === 1, `the request is in the in-page outbox: ${JSON.stringify(done.demo_outbox)}`);
    await page.screenshot({ path: path.join(out, 'single-file-demo-done.png') });
    check(errors.length === 0, `console errors: ${errors.join(' | ')}`);
    await ctx.close();
  }, 90000);

  test('the example storefront under /shop/returns/ embeds the portal and hears retour:submitted', async () => {
    const shop = await startSubPathShop(dist, root, '/shop/returns/');
    try {
      const order = capOrder('sub-1', 'S-101', 'DK');
      const ctx = await browser.newContext({ viewport: { width: 1100, height: 1000 }, locale: 'en-US' });
      const page = await ctx.newPage();
      const errors = watchErrors(page);
      await page.goto(`${shop.origin}/shop/returns/examples/storefront.html#order=${signedToken(order, shop.keys.privateKey)}`);
      await until(page, () => window.retour && window.retour.frames() > 0, null, 'first frame', 30000);
      const inShadow = await page.evaluate(() => !!document.querySelector('retour-portal').shadowRoot.querySelector('canvas'));
      check(inShadow, 'the custom element holds the canvas in its shadow root');
      const done = await finishReturn(page);
      await until(page, () => window.lastSubmitted, null, 'the host page got retour:submitted');
      const detail = await page.evaluate(() => window.lastSubmitted);
      check(detail.rma === done.rma, `event carries the RMA: ${JSON.stringify(detail)}`);
      await until(page, () => window.retour.state().delivery === 'sent', null, 'posted');
      check(shop.hooks.length === 1 && shop.hooks[0].data.order.number === 'S-101', `one request posted: ${shop.hooks.length}`);
      // Once posted, the done screen asks the receiver where the return stands.
      await until(page, () => (window.retour.state().done.timeline || []).length === 1, null, 'the timeline is shown');
      check(shop.statusAsked === '?lang=en', `asked in the shopper's language: ${shop.statusAsked}`);
      await page.screenshot({ path: path.join(out, 'storefront-subpath.png') });
      check(errors.length === 0, `console errors: ${errors.join(' | ')}`);
      await ctx.close();
    } finally {
      shop.close();
    }
  }, 90000);

  // Issue 15's whole life over loopback: the portal submits to a real `retour hook` (with
  // e-mail to a local SMTP server and signed forwarding to an endpoint of this test), the
  // shell approves, receives and refunds, and the shopper's done screen shows every step
  // in German after each reload; the mails and the signed events arrive.
  test('a real retour hook: the life of a return, its German timeline, four e-mails and signed events', async () => {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'retour-life-'));
    fs.cpSync(deploy, path.join(work, 'site'), { recursive: true });
    const portalPort = await freePort();
    const hookPort = await freePort();
    const keys = crypto.generateKeyPairSync('ed25519');
    const policy = JSON.parse(fs.readFileSync(path.join(root, 'web/demo/policy.json'), 'utf8'));
    delete policy.demo;
    policy.webhook = { url: `http://127.0.0.1:${hookPort}/webhook`, content_type: 'application/json' };
    policy.lookup = { mode: 'signed_link', identifier: 'email' };
    policy.public_key = keys.publicKey.export({ format: 'jwk' }).x;
    policy.notifications = { email: true };
    fs.writeFileSync(path.join(work, 'site', 'policy.json'), JSON.stringify(policy));
    const retour = path.join(root, 'build/native/tools/retour');
    const db = path.join(work, 'returns.db');

    // The SMTP server (STARTTLS + login) the receiver's own mail test uses.
    const box = path.join(work, 'mailbox');
    fs.mkdirSync(box);
    const cert = path.join(work, 'smtp-cert.pem'), key = path.join(work, 'smtp-key.pem');
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '2',
      '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore', timeout: 20000 });
    const sink = spawn('/usr/bin/python3', [path.join(root, 'tests/receiver/smtp_sink.py'), box, cert, key, 'shop', 's3cret'],
      { stdio: ['ignore', 'pipe', 'ignore'] });
    const smtpPort = await new Promise((resolve, reject) => {
      let text = '';
      const timer = setTimeout(() => reject(new Error('SMTP sink did not start')), 15000);
      sink.stdout.on('data', (d) => {
        text += d;
        const m = /listening (\d+)/.exec(text);
        if (m) { clearTimeout(timer); resolve(Number(m[1])); }
      });
    });
    fs.writeFileSync(path.join(work, 'smtp.pass'), 's3cret\n', { mode: 0o600 });
    fs.writeFileSync(path.join(work, 'mail.json'), JSON.stringify({
      smtp_url: `smtp://127.0.0.1:${smtpPort}`, username: 'shop', password_file: 'smtp.pass', ca_file: 'smtp-cert.pem',
      from: 'returns@shop.example.com', merchant: 'orders@shop.example.com',
      status_url: `http://127.0.0.1:${portalPort}/?status={id}`, retry: { first_delay_seconds: 0.2, max_delay_seconds: 0.5 } }));

    // The merchant's endpoint for signed events, checked with the reference verifier.
    const secret = `whsec_${crypto.randomBytes(24).toString('base64')}`;
    fs.writeFileSync(path.join(work, 'endpoint.whsec'), `${secret}\n`, { mode: 0o600 });
    const { Webhook } = createRequire(import.meta.url)(path.join(root, '.deps/npm/node_modules/standardwebhooks'));
    const verifier = new Webhook(secret.slice('whsec_'.length));
    const events = [];
    const endpoint = http.createServer((req, res) => {
      let body = '';
      req.on('data', (d) => { body += d; });
      req.on('end', () => {
        let verified = false;
        try { verifier.verify(body, req.headers); verified = true; } catch { /* recorded as not verified */ }
        events.push({ type: JSON.parse(body).type, verified });
        res.writeHead(200).end();
      });
    });
    const endpointPort = await freePort();
    await new Promise((resolve) => endpoint.listen(endpointPort, '127.0.0.1', resolve));
    fs.writeFileSync(path.join(work, 'forward.json'), JSON.stringify({
      endpoints: [{ url: `http://127.0.0.1:${endpointPort}/events`, secret_file: 'endpoint.whsec' }], timeout_seconds: 5,
      retry: { first_delay_seconds: 0.2, max_delay_seconds: 1 } }));

    const hook = spawn(retour, ['hook', '--policy', path.join(work, 'site', 'policy.json'), '--db', db, '--port', String(hookPort),
      '--allow-origin', `http://127.0.0.1:${portalPort}`, '--mail', path.join(work, 'mail.json'),
      '--forward', path.join(work, 'forward.json')], { stdio: 'ignore' });
    const site = http.createServer((req, res) => {
      const rel = decodeURIComponent(new URL(req.url, 'http://x').pathname.slice(1)) || 'index.html';
      const file = path.join(work, 'site', rel);
      if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) { res.writeHead(404).end(); return; }
      res.writeHead(200, { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream' });
      fs.createReadStream(file).pipe(res);
    });
    await new Promise((resolve) => site.listen(portalPort, '127.0.0.1', resolve));
    const waitFor = async (test, what, ms = 30000) => {
      const end = Date.now() + ms;
      while (!test()) {
        if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    };
    try {
      for (let i = 0; ; i++) {
        const up = await fetch(`http://127.0.0.1:${hookPort}/health`).then((r) => r.ok, () => false);
        if (up) break;
        if (i > 150) throw new Error('retour hook did not start');
        await new Promise((r) => setTimeout(r, 100));
      }
      const order = capOrder('live-1', 'S-202', 'DE');
      const ctx = await browser.newContext({ viewport: { width: 900, height: 1000 }, locale: 'de-DE' });
      const page = await ctx.newPage();
      const errors = watchErrors(page);
      await page.goto(`http://127.0.0.1:${portalPort}/#order=${signedToken(order, keys.privateKey)}`);
      await until(page, () => window.retour && window.retour.frames() > 0, null, 'first frame', 30000);
      const done = await finishReturn(page);
      await until(page, () => window.retour.state().delivery === 'sent', null, 'stored by retour hook');
      await until(page, () => (window.retour.state().done.timeline || []).length === 1, null, 'the timeline is shown');
      const labels = async () => (await state(page)).done.timeline.map((step) => step.label);
      check((await labels()).join() === 'Rücksendung angemeldet', `German: ${await labels()}`);

      const expected = ['Rücksendung angemeldet', 'Genehmigt', 'Angekommen und geprüft', 'Erstattet'];
      const changes = [['approve'], ['receive', '--inspect', 'as_new'], ['refund']];
      for (let i = 0; i < changes.length; i++) {
        execFileSync(retour, ['return', changes[i][0], done.request_id, '--db', db, '--by', 'ana', ...changes[i].slice(1)]);
        await page.reload();
        await until(page, () => window.retour && window.retour.frames() > 0, null, 'first frame', 30000);
        await onScreen(page, 'done');
        await until(page, (n) => (window.retour.state().done.timeline || []).length === n, i + 2, `step ${i + 2} shown`);
        check((await labels()).join() === expected.slice(0, i + 2).join(), `after ${changes[i][0]}: ${await labels()}`);
      }
      await page.screenshot({ path: path.join(out, 'status-timeline-de.png') });
      check(errors.length === 0, `console errors: ${errors.join(' | ')}`);
      await ctx.close();

      // Four mails to the shopper in German (the confirmation with the label and the status
      // link, then one per change), one notice to the shop; four signed events.
      const mails = () => fs.readdirSync(box).filter((f) => f.endsWith('.eml'))
        .map((f) => parseMail(fs.readFileSync(path.join(box, f), 'utf8')));
      await waitFor(() => mails().length >= 5, 'five e-mails');
      const toShopper = mails().filter((m) => m.to === 'ria@example.com');
      const toShop = mails().filter((m) => m.to === 'orders@shop.example.com');
      check(toShopper.length === 4 && toShop.length === 1, `mails: ${mails().map((m) => `${m.to}: ${m.subject}`).join(' | ')}`);
      const confirmation = toShopper.find((m) => m.attachment);
      check(confirmation && confirmation.subject.startsWith(`Ihre Rücksendung ${done.rma}`) &&
        /\.pdf$/.test(confirmation.attachment.filename) && confirmation.attachment.body.subarray(0, 5).toString() === '%PDF-' &&
        confirmation.text.includes(`?status=${done.request_id}`) && confirmation.text.includes('Hier verfolgen Sie Ihre Rücksendung'),
        `confirmation: ${confirmation && confirmation.subject}`);
      for (const state of ['Genehmigt', 'Angekommen und geprüft', 'Erstattet'])
        check(toShopper.some((m) => m.subject === `Ihre Rücksendung ${done.rma}: ${state}`), `a mail says ${state}`);
      await waitFor(() => events.length >= 4, 'four signed events');
      check(events.map((e) => e.type).join() === 'return.requested,return.approved,return.received,return.refunded' &&
        events.every((e) => e.verified), `events: ${JSON.stringify(events)}`);
    } finally {
      hook.kill('SIGTERM');
      sink.kill('SIGTERM');
      site.close();
      endpoint.close();
      fs.rmSync(work, { recursive: true, force: true });
    }
  }, 180000);

  // The deploy folder with the shop's own policy, and the demo folder with ?demo.
  for (const [folder, query, name] of [[deploy, '', 'deploy folder'], [dist, '?demo', 'demo folder']]) {
    test(`after one online visit the portal loads offline (service worker, ${name})`, async () => {
      const shop = await startSubPathShop(folder, root, '/returns/');
      shop.policy.lookup = { mode: 'published', identifier: 'email' };
      try {
        const ctx = await browser.newContext({ viewport: { width: 900, height: 800 } });
        const page = await ctx.newPage();
        await page.goto(`${shop.origin}/returns/${query}`);
        await until(page, () => window.retour && window.retour.frames() > 0, null, 'first frame', 30000);
        await onScreen(page, 'find_order');
        await page.evaluate(() => navigator.serviceWorker.ready);
        await ctx.setOffline(true);
        await page.reload();
        await until(page, () => window.retour && window.retour.frames() > 0, null, 'first frame offline', 30000);
        await onScreen(page, 'find_order');
        check(await page.evaluate(() => !!navigator.serviceWorker.controller), 'the page is served by the worker');
        await page.screenshot({ path: path.join(out, `offline-second-visit-${query ? 'demo' : 'deploy'}.png`) });
        await ctx.close();
      } finally {
        shop.close();
      }
    }, 90000);
  }

  test('./build.sh demo serves the portal; its signed link opens an order, the return lands in its database, number + e-mail find it too', async () => {
    const port = await freePort();
    const data = fs.mkdtempSync(path.join(os.tmpdir(), 'retour-demo-'));
    const child = spawn(path.join(root, 'build.sh'), ['demo'], {
      env: { ...process.env, RETOUR_PORT: String(port), RETOUR_DEMO_DATA: data }, stdio: ['ignore', 'pipe', 'pipe'], detached: true,
    });
    let output = '';
    child.stdout.on('data', (c) => { output += c; });
    child.stderr.on('data', (c) => { output += c; });
    try {
      const deadline = Date.now() + 180000;
      while (!/Ctrl-C stops the demo/.test(output)) {
        if (Date.now() > deadline || child.exitCode !== null) throw new Error(`demo did not start:\n${output.slice(-2000)}`);
        await new Promise((r) => setTimeout(r, 200));
      }
      const health = await fetch(`http://127.0.0.1:${port}/health`);
      check(health.status === 200, `health: ${health.status}`);
      const link = output.match(/^ {2}eligible .*\n {4}(http\S+)/m);
      check(link, `a link for the eligible demo order in:\n${output}`);
      const ctx = await browser.newContext({ viewport: { width: 900, height: 1000 }, locale: 'en-US' });
      const page = await ctx.newPage();
      await page.goto(link[1]);
      await until(page, () => window.retour && window.retour.frames() > 0, null, 'first frame', 30000);
      const done = await finishReturn(page);
      await until(page, () => window.retour.state().delivery === 'sent', null, 'accepted by the demo receiver');
      const rows = execFileSync('sqlite3', [path.join(data, 'returns.db'), 'SELECT rma FROM requests;'], { encoding: 'utf8' }).trim();
      check(rows === done.rma, `stored: "${rows}", shown: "${done.rma}"`);

      // The same order found by number + e-mail: the published, encrypted file (Argon2id in wasm).
      const find = await ctx.newPage();
      await find.goto(`http://127.0.0.1:${port}/`);
      await until(find, () => window.retour && window.retour.frames() > 0, null, 'first frame', 30000);
      await onScreen(find, 'find_order');
      await typeInto(find, 'order_number', '1001');
      await typeInto(find, 'email', ' Alex@Example.com ');
      await click(find, 'find_order');
      await onScreen(find, 'items');
      const found = await state(find);
      check(found.order.number === '1001' && found.order.source === 'published', `found: ${JSON.stringify(found.order).slice(0, 200)}`);
      await ctx.close();
    } finally {
      try { process.kill(-child.pid, 'SIGINT'); } catch {}
      await new Promise((r) => { if (child.exitCode !== null) r(); else child.on('exit', r); setTimeout(r, 5000); });
      fs.rmSync(data, { recursive: true, force: true });
    }
  }, 240000);
}
