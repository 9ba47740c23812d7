// Receiver integration test (see run.sh). Talks only to 127.0.0.1, to receivers it
// started itself; every wait is bounded and the whole run is capped at 150 s.
import { spawn, execFileSync, spawnSync } from 'node:child_process';
import { createPrivateKey, createPublicKey } from 'node:crypto';
import { mkdtempSync, writeFileSync, readFileSync, copyFileSync, chmodSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import net from 'node:net';
import { cliChecks } from './cli.mjs';
import { hostileClients } from './hostile.mjs';
import { forwardChecks } from './forward.mjs';
import { lifeChecks } from './life.mjs';
import { mailChecks } from './mail.mjs';
import { serveChecks } from './serve.mjs';
import { groupCommitChecks } from './group_commit.mjs';

const retour = process.argv[2];
const fixtures = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'receiver');
const tmp = mkdtempSync(join(tmpdir(), 'retour-receiver-'));
const db = join(tmp, 'returns.db');
const ALLOWED = 'http://shop.test:8080';
const children = new Set();
let passed = 0, failed = 0;

function check(name, ok, detail = '') {
  if (ok) { passed++; console.log(`ok   ${name}`); }
  else { failed++; console.log(`FAIL ${name}${detail ? ': ' + detail : ''}`); }
}

function finish(code) {
  for (const c of children) c.kill('SIGKILL');
  rmSync(tmp, { recursive: true, force: true });
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(code ?? (failed ? 1 : 0));
}
const deadline = setTimeout(() => { failed++; console.log('FAIL whole run took longer than 150 s'); finish(1); }, 150_000);
deadline.unref();

// ---- fixtures: orders dated relative to today, keys, request bodies --------------------

const day = 86_400_000;
const iso = (ms) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
const date = (ms) => iso(ms).slice(0, 10);
const now = Date.now();
const baseOrder = JSON.parse(readFileSync(join(fixtures, 'order.json'), 'utf8'));
function writeOrder(name, deliveredMsAgo, id = baseOrder.id) {
  const o = structuredClone(baseOrder);
  o.id = id;
  o.placed_at = iso(now - deliveredMsAgo - 4 * day);
  o.fulfilled_at = iso(now - deliveredMsAgo - 3 * day);
  o.delivered_at = date(now - deliveredMsAgo);
  const path = join(tmp, name);
  writeFileSync(path, JSON.stringify(o));
  return path;
}
const freshOrder = writeOrder('order.json', 5 * day);      // window open (30 days)
const oldOrder = writeOrder('old-order.json', 45 * day);   // window closed 15 days ago
const shopKey = join(tmp, 'shop.key');
copyFileSync(join(fixtures, 'shop.key'), shopKey);
chmodSync(shopKey, 0o600);
const otherKey = join(tmp, 'other.key');  // another shop's key (seed 0x22)
writeFileSync(otherKey, 'IiIiIiIiIiIiIiIiIiIiIiIiIiIiIiIiIiIiIiIiIiI\n', { mode: 0o600 });
const policy = join(fixtures, 'policy.json');
const policyJson = JSON.parse(readFileSync(policy, 'utf8'));
// A copy of the policy with `edit` applied, as a merchant would change it.
let policySerial = 0;
function policyWith(edit) {
  const p = structuredClone(policyJson);
  edit(p);
  const path = join(tmp, `policy-${++policySerial}.json`);
  writeFileSync(path, JSON.stringify(p, null, 2));
  return path;
}
// The base64url public key of a 32-byte Ed25519 seed (PKCS#8 wrapping for node's crypto).
const publicKeyOfSeed = (seed) => createPublicKey(createPrivateKey({
  key: Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), seed]), format: 'der', type: 'pkcs8' }))
  .export({ format: 'jwk' }).x;
// Another shop's policy: the same rules under the other key, so make-request signs with it.
const otherPolicy = policyWith((p) => { p.public_key = publicKeyOfSeed(Buffer.alloc(32, 0x22)); });

// The canonical serialisation (core/canonical_json.h): keys sorted by their UTF-8 bytes,
// no whitespace. Tampered copies are re-serialised this way, as a careful attacker would.
const canon = (v) => Array.isArray(v) ? `[${v.map(canon).join(',')}]`
  : v && typeof v === 'object'
    ? `{${Object.keys(v).sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b))).map((k) => `${JSON.stringify(k)}:${canon(v[k])}`).join(',')}}`
    : JSON.stringify(v);

let serial = 0;
// Each request its own order by default: units returned from one order add up.
const ownOrder = () => writeOrder(`order-${++serial}.json`, 5 * day, `gid://shop/Order/${process.pid}-${serial}`);
function makeRequest({ order = ownOrder(), key = shopKey, at = now, id, policyPath = key === otherKey ? otherPolicy : policy, select } = {}) {
  id ??= `req_it_${process.pid}_${++serial}`;
  return JSON.parse(makeRequestText({ order, key, at, id, policyPath, select }));
}
// make-request's output as it printed it: the bytes the portal posts (both use webhook_body).
function makeRequestText({ order = ownOrder(), key = shopKey, at = now, id, policyPath = key === otherKey ? otherPolicy : policy,
  select = join(fixtures, 'selection.json'), extra = [] } = {}) {
  id ??= `req_it_${process.pid}_${++serial}`;
  return execFileSync(retour, ['make-request', '--policy', policyPath, '--order', order, '--key', key,
    '--select', select, '--now', iso(at), '--id', id, ...extra], { encoding: 'utf8', timeout: 10_000 }).trimEnd();
}
// A tampered copy keeps its (valid) id, RMA and token: only the named field changes.
const tamper = (msg, edit) => { const m = structuredClone(msg); edit(m.data); return m; };

const readIfThere = (path) => { try { return readFileSync(path, 'utf8'); } catch { return ''; } };

// ---- the receiver ----------------------------------------------------------------------

// `hook.log()` is what the receiver wrote to stderr so far (one line per request).
function startHook(dbPath, extra = [], policyPath = policy) {
  return new Promise((resolve, reject) => {
    const child = spawn(retour, ['hook', '--policy', policyPath, '--db', dbPath, '--port', '0',
      '--allow-origin', ALLOWED, '--rate', '500', '--burst', '500', ...extra], { stdio: ['ignore', 'pipe', 'pipe'] });
    children.add(child);
    child.on('exit', () => children.delete(child));
    let out = '', log = '';
    const timer = setTimeout(() => reject(new Error('receiver did not start within 10 s')), 10_000);
    child.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/listening on http:\/\/127\.0\.0\.1:(\d+)\//);
      if (m) { clearTimeout(timer); resolve({ child, port: Number(m[1]), log: () => log }); }
    });
    child.stderr.on('data', (d) => { log += d; });
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`receiver exited with ${code}: ${out}${log}`)); });
  });
}

// Stops a receiver and waits until it is gone (its port and database are free again).
async function stopHook(hook) {
  if (hook.child.exitCode !== null || hook.child.signalCode) return;
  const gone = new Promise((resolve) => hook.child.once('exit', resolve));
  hook.child.kill('SIGTERM');
  await gone;
}

async function post(port, body, { type = 'application/json', origin, headers = {} } = {}) {
  const h = { 'content-type': type, ...headers };
  if (origin) h.origin = origin;
  const text = typeof body === 'string' ? body : canon(body);
  const res = await fetch(`http://127.0.0.1:${port}/webhook`, { method: 'POST', headers: h, body: text,
    signal: AbortSignal.timeout(10_000) });
  let json = null;
  const raw = await res.text();
  try { json = JSON.parse(raw); } catch { /* 413 from the HTTP layer may be plain */ }
  return { status: res.status, json, headers: res.headers };
}

const sql = (query, dbPath = db) => execFileSync('sqlite3', [dbPath, query], { encoding: 'utf8', timeout: 10_000 }).trim();
const hasDifference = (r, code, pointer) =>
  (r.json?.differences ?? []).some((d) => d.code === code && (!pointer || d.pointer === pointer));
// Every pointer a refusal carries points into the posted body (400s and 422s alike): a
// request field is under /data.
const pointersIntoBody = (r) => [...(r.json?.errors ?? []), ...(r.json?.differences ?? [])]
  .every((e) => typeof e.pointer === 'string' && (e.pointer === '' || /^\/(data(\/|$)|id$|type$|created_at$)/.test(e.pointer)));
const pointersIntoData = (r) => (r.json?.differences ?? []).length > 0 &&
  r.json.differences.every((d) => d.pointer === '/data' || d.pointer.startsWith('/data/'));

// ---- the run ---------------------------------------------------------------------------

async function main() {
  let hook = await startHook(db);
  let port = hook.port;

  const valid = makeRequest();
  let r = await post(port, valid, { headers: { 'webhook-id': valid.id, 'webhook-timestamp': String(Math.floor(now / 1000)) } });
  check('valid request → 200 accepted', r.status === 200 && r.json?.status === 'accepted', JSON.stringify(r.json));
  r = await post(port, valid);
  check('same id, same body → 200 duplicate', r.status === 200 && r.json?.status === 'duplicate', JSON.stringify(r.json));
  r = await post(port, tamper(valid, (d) => { d.lines[0].comment = 'changed my mind about the comment'; }));
  check('same id, different body → 409', r.status === 409, `${r.status}`);

  const plain = makeRequest();
  r = await post(port, plain, { type: 'text/plain;charset=UTF-8' });
  check('text/plain body → 200 accepted', r.status === 200 && r.json?.status === 'accepted', `${r.status}`);

  r = await post(port, tamper(makeRequest(), (d) => { d.quote.totals.refund += 100; }));
  check('tampered refund → 422 at /data/quote/totals/refund (pointers into the body)', r.status === 422 && hasDifference(r, 'quote_differs', '/data/quote/totals/refund'), JSON.stringify(r.json));
  r = await post(port, tamper(makeRequest(), (d) => { d.quote.lines[1].paid -= 1; }));
  check('tampered line price → 422', r.status === 422 && hasDifference(r, 'quote_differs', '/data/quote/lines/1/paid'), JSON.stringify(r.json));
  r = await post(port, tamper(makeRequest(), (d) => { d.lines[1].quantity = 3; }));
  check('tampered quantity → 422', r.status === 422 && hasDifference(r, 'quote_differs'), JSON.stringify(r.json));
  r = await post(port, tamper(makeRequest(), (d) => { d.lines[0].reason = 'damaged'; }));
  check('tampered reason (to waive fees) → 422', r.status === 422 && hasDifference(r, 'quote_differs'), JSON.stringify(r.json));
  r = await post(port, tamper(makeRequest(), (d) => { d.lines[1].line_id = 'L9'; }));
  check('line not in the order → 422 line_not_in_order', r.status === 422 && hasDifference(r, 'line_not_in_order', '/data/lines/1/line_id'), JSON.stringify(r.json));
  r = await post(port, makeRequest({ key: otherKey }));
  check('token signed by another key → 422 token_bad_signature', r.status === 422 && hasDifference(r, 'token_bad_signature'), JSON.stringify(r.json));
  const refusals = [r];
  for (const change of [(d) => { d.quote.totals.refund += 1; d.lines[1].line_id = 'L9'; }, (d) => { d.policy.hash = 'sha256:00'; },
    (d) => { d.rma = 'XX-0000-0000'; }, (d) => { d.order.number = '#999'; }])
    refusals.push(await post(port, tamper(makeRequest(), change)));
  check('every 422 points into the posted body (/data/…), as the 400s do',
    refusals.every((x) => x.status === 422 && pointersIntoData(x) && pointersIntoBody(x)), JSON.stringify(refusals.map((x) => x.json)));

  // Quoted while the window was open, posted now: the receiver prices at created_at,
  // so the shopper must claim the old time, which is more than 10 minutes away…
  const oldQuote = makeRequest({ order: oldOrder, at: now - 20 * day });
  r = await post(port, oldQuote);
  check('back-dated created_at past the grace period → 422 too_late', r.status === 422 && r.json?.error === 'too_late' && hasDifference(r, 'too_late', '/data/created_at'), JSON.stringify(r.json));
  // …or claim now, and then the window is closed.
  const nowStamp = iso(now);
  const reDated = tamper(oldQuote, (d) => { d.created_at = nowStamp; });
  reDated.created_at = nowStamp;
  r = await post(port, reDated);
  check('closed window → 422 decision_differs window_closed',
    r.status === 422 && (r.json?.differences ?? []).some((d) => d.code === 'decision_differs' && d.expected?.codes?.includes('window_closed')),
    JSON.stringify(r.json));

  r = await post(port, JSON.stringify(valid).replace('"demo":false', '"demo":false,"x":' + '"a"'.padEnd(70_000, 'a') + '"'));
  check('body over 64 KiB → 413', r.status === 413, `${r.status}`);
  r = await post(port, '{"id": "req_12345678",\n "type": ');
  check('malformed JSON → 400 with the position', r.status === 400 && /line 2/.test(r.json?.errors?.[0]?.message ?? ''), JSON.stringify(r.json));
  r = await post(port, tamper(makeRequest(), (d) => { d.lines[0].discount = 5; }));
  check('unknown key → 400 with its pointer', r.status === 400 && r.json?.errors?.[0]?.pointer === '/data/lines/0/discount' && pointersIntoBody(r), JSON.stringify(r.json));
  r = await post(port, 'id=1', { type: 'application/x-www-form-urlencoded' });
  check('wrong content type → 415', r.status === 415, `${r.status}`);
  r = await post(port, makeRequest(), { headers: { 'webhook-id': 'req_not_the_same' } });
  check('webhook-id header not the body id → 400', r.status === 400, `${r.status}`);

  let pre = await fetch(`http://127.0.0.1:${port}/webhook`, { method: 'OPTIONS', headers: {
    origin: ALLOWED, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    signal: AbortSignal.timeout(10_000) });
  check('CORS preflight from the allowed origin → 204 with Allow-Origin',
    pre.status === 204 && pre.headers.get('access-control-allow-origin') === ALLOWED, `${pre.status}`);
  pre = await fetch(`http://127.0.0.1:${port}/webhook`, { method: 'OPTIONS', headers: {
    origin: 'http://evil.test', 'access-control-request-method': 'POST' }, signal: AbortSignal.timeout(10_000) });
  check('CORS preflight from another origin → 403 without Allow-Origin',
    pre.status === 403 && !pre.headers.get('access-control-allow-origin'), `${pre.status}`);
  r = await post(port, makeRequest(), { origin: 'http://evil.test', type: 'text/plain' });
  check('POST from another origin → 403', r.status === 403, `${r.status}`);
  await post(port, makeRequest(), { origin: 'https://www.shop.test', type: 'text/plain' });
  await fetch(`http://127.0.0.1:${port}/webhook`, { method: 'OPTIONS', headers: {
    origin: 'http://evil.test', 'access-control-request-method': 'POST' }, signal: AbortSignal.timeout(10_000) });
  {
    const log = hook.log();
    const advice = (o) => log.split('\n').filter((l) => l.includes(`--allow-origin ${o}`)).length;
    check('CORS refusal: the log names the refused origin and the fix, once per origin',
      advice('http://evil.test') === 1 && advice('https://www.shop.test') === 1 &&
      /OPTIONS \/webhook -> 403 origin_not_allowed: origin http:\/\/evil\.test/.test(log), log);
  }
  const fromShop = makeRequest();
  r = await post(port, fromShop, { origin: ALLOWED });
  check('POST from the allowed origin → 200 with Allow-Origin',
    r.status === 200 && r.headers.get('access-control-allow-origin') === ALLOWED, `${r.status}`);

  const health = await fetch(`http://127.0.0.1:${port}/health`, { signal: AbortSignal.timeout(10_000) });
  const healthText = await health.text();
  check('GET /health → 200 saying only ok (no row count, no policy version)', health.status === 200 && healthText === '{"status":"ok"}', healthText);

  // ---- what is stored ----
  const accepted = [valid.id, plain.id, fromShop.id];
  check('db holds exactly the accepted requests',
    sql('SELECT id FROM requests ORDER BY id') === [...accepted].sort().join('\n'), sql('SELECT id FROM requests'));
  check('db holds every line of each accepted request', sql('SELECT COUNT(*) FROM request_lines') === String(2 * accepted.length));
  check('stored body is the posted body byte for byte',
    sql(`SELECT body FROM requests WHERE id = '${valid.id}'`) === canon(valid));
  check('stored status and verification', sql(`SELECT status, json_extract(verification, '$.ok') FROM requests WHERE id = '${valid.id}'`) === 'review|1');
  check('rejections are logged with their status',
    sql('SELECT http_status, COUNT(*) FROM rejections GROUP BY http_status ORDER BY http_status') === '400|3\n403|2\n409|1\n415|1\n422|12',
    sql('SELECT http_status, COUNT(*) FROM rejections GROUP BY http_status'));
  check('database is in WAL mode', sql('PRAGMA journal_mode') === 'wal');

  // ---- killed mid-request: a slow post in flight, then SIGKILL ----
  const slow = JSON.stringify(makeRequest());
  const slowId = JSON.parse(slow).id;
  await new Promise((resolve) => {
    const sock = net.connect(port, '127.0.0.1', () => {
      sock.write(`POST /webhook HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(slow)}\r\n\r\n`);
      sock.write(slow.slice(0, slow.length >> 1));
      setTimeout(() => { hook.child.kill('SIGKILL'); resolve(); }, 300);
    });
    sock.on('error', () => {});
    sock.on('close', resolve);
  });
  await new Promise((resolve) => (hook.child.exitCode !== null || hook.child.signalCode ? resolve() : hook.child.once('exit', resolve)));

  // A burst of concurrent posts, killed while some are being verified or written.
  const burst = Array.from({ length: 16 }, () => makeRequest());
  hook = await startHook(db);
  port = hook.port;
  const answered = new Set();
  const inFlight = burst.map((m) => post(port, m).then((res) => { if (res.status === 200) answered.add(m.id); }).catch(() => {}));
  await new Promise((resolve) => setTimeout(resolve, 15));
  hook.child.kill('SIGKILL');
  await Promise.all(inFlight);

  hook = await startHook(db);
  port = hook.port;
  check('after SIGKILL: integrity check passes', sql('PRAGMA integrity_check') === 'ok');
  check('after SIGKILL: the slow request was not stored', sql(`SELECT COUNT(*) FROM requests WHERE id = '${slowId}'`) === '0');
  const stored = new Set(sql('SELECT id FROM requests').split('\n').filter(Boolean));
  console.log(`     (burst: ${answered.size} of ${burst.length} answered 200 before the kill, ${[...stored].filter((id) => burst.some((m) => m.id === id)).length} stored)`);
  check('after SIGKILL: every request answered 200 is stored (nothing lost)',
    [...accepted, ...answered].every((id) => stored.has(id)), `answered ${answered.size}, stored ${stored.size}`);
  check('after SIGKILL: no request is half stored',
    sql('SELECT COUNT(*) FROM requests r WHERE (SELECT COUNT(*) FROM request_lines l WHERE l.request_id = r.id) != 2') === '0' &&
    sql('SELECT COUNT(*) FROM request_lines WHERE request_id NOT IN (SELECT id FROM requests)') === '0');
  // The portal's outbox re-sends everything it has no 2xx for: all end up stored once.
  let resent = 0;
  for (const m of [JSON.parse(slow), ...burst]) {
    const res = await post(port, m);
    if (res.status === 200 && (res.json.status === 'accepted' || res.json.status === 'duplicate')) resent++;
  }
  check('after restart: re-sent requests are accepted or duplicate', resent === burst.length + 1, `${resent}`);
  check('after restart: each request stored exactly once',
    sql('SELECT COUNT(*), COUNT(DISTINCT id) FROM requests') === `${accepted.length + burst.length + 1}|${accepted.length + burst.length + 1}`,
    sql('SELECT COUNT(*), COUNT(DISTINCT id) FROM requests'));
  hook.child.kill('SIGTERM');

  // ---- export: the stored lines and the reasons summary ----
  const n = accepted.length + burst.length + 1;
  const csvPath = join(tmp, 'returns.csv');
  execFileSync(retour, ['export', '--db', db, '--csv', '-o', csvPath], { timeout: 10_000 });
  const rows = readFileSync(csvPath, 'utf8').trim().split('\r\n');
  check('export writes one row per returned line', rows.length === 1 + 2 * n && rows[0].startsWith('request_id,rma,status'), `${rows.length}`);
  const reasons = readFileSync(join(tmp, 'returns-reasons.csv'), 'utf8');
  check('export sums units and value per reason and SKU',
    reasons.includes(`too_small,*,${n},${n},${(129 * n).toFixed(2)},EUR`) &&
    reasons.includes(`damaged,SCK-43,${n},${2 * n},${(33.33 * n).toFixed(2)},EUR`), reasons);

  const rejectedCsv = readIfThere(join(tmp, 'returns-rejected.csv'));
  check('export lists refused posts with the reason',
    rejectedCsv.startsWith('received_at,http_status,error,reason,request_id,order_number,rma,policy_version') &&
    /,422,verification_failed,"?token_bad_signature at \/data\/order\/token/.test(rejectedCsv) &&
    /,403,origin_not_allowed,origin http:\/\/evil\.test/.test(rejectedCsv), rejectedCsv.slice(0, 600));

  await cumulativeLimits();
  await groupCommitChecks({ tmp, check, startHook, stopHook, post, makeRequestText, makeRequest, tamper, writeOrder, sql, day });
  await lateAndCounted();
  await canonicalBodies();
  await csvFormulas();
  await policyVersions();
  await boundedRejections();
  await portInUse();
  await serveChecks({ retour, tmp, check });
  await hostileClients({ retour, policy, startHook, stopHook, check, makeRequestText, sql, tmp });
  await forwardChecks({ retour, tmp, check, startHook, stopHook, post, makeRequestText, makeRequest, sql, tamper, shopKey, policyJson });
  await lifeChecks({ retour, tmp, check, startHook, stopHook, post, makeRequest, sql, policyWith, allowed: ALLOWED });
  await mailChecks({ retour, tmp, check, startHook, stopHook, post, makeRequestText, sql });
  await cliChecks({ retour, tmp, check, policy, policyJson, policyWith, shopKey, otherKey, freshOrder,
    selection: join(fixtures, 'selection.json') });

  // ---- rate limit: a second receiver with a tiny bucket ----
  const limited = await startHook(join(tmp, 'limited.db'), ['--rate', '0.2', '--burst', '2']);
  const codes = [];
  for (let i = 0; i < 3; i++) codes.push((await post(limited.port, '{}')).status);
  const last = await post(limited.port, '{}');
  check('per-IP rate limit → 429 with Retry-After after the burst',
    codes.join(',') === '400,400,429' && last.status === 429 && Number(last.headers.get('retry-after')) >= 1, codes.join(','));
  limited.child.kill('SIGTERM');
}

// One signed order link cannot return the same units again and again.
async function cumulativeLimits() {
  const ldb = join(tmp, 'limits.db');
  const h = await startHook(ldb);
  const order = writeOrder('shared-order.json', 5 * day, `gid://shop/Order/shared-${process.pid}`);
  // selection.json returns 1 of L1 (1 bought) and 2 of L2 (3 bought).
  let r = await post(h.port, makeRequestText({ order }));
  check('cumulative: the first request for an order → 200', r.status === 200, JSON.stringify(r.json));
  r = await post(h.port, makeRequestText({ order }));
  check('cumulative: the same units again → 422 at /lines/0/quantity with 0 left',
    r.status === 422 && hasDifference(r, 'quantity_above_returnable', '/data/lines/0/quantity') && r.json?.left === 0, JSON.stringify(r.json));
  const sel = join(tmp, 'socks-only.json');
  writeFileSync(sel, JSON.stringify({ lines: [{ line_id: 'L2', quantity: 1, reason: 'too_small', resolution: 'refund' }] }));
  r = await post(h.port, makeRequestText({ order, select: sel }));
  check('cumulative: the last sock left → 200', r.status === 200, JSON.stringify(r.json));
  r = await post(h.port, makeRequestText({ order, select: sel }));
  check('cumulative: one more sock → 422 with 0 left', r.status === 422 && hasDifference(r, 'quantity_above_returnable', '/data/lines/0/quantity'), JSON.stringify(r.json));
  // Ten posts racing for the one jacket of a new order: exactly one wins.
  const raceOrder = writeOrder('race-order.json', 5 * day, `gid://shop/Order/race-${process.pid}`);
  const jacket = join(tmp, 'jacket-only.json');
  writeFileSync(jacket, JSON.stringify({ lines: [{ line_id: 'L1', quantity: 1, reason: 'too_small', resolution: 'refund' }] }));
  const bodies = Array.from({ length: 10 }, () => makeRequestText({ order: raceOrder, select: jacket }));
  const results = await Promise.all(bodies.map((b) => post(h.port, b)));
  const codes = results.map((x) => x.status).sort().join(',');
  check('cumulative: 10 parallel posts for the same unit → one 200, nine 422', codes === '200,' + Array(9).fill('422').join(','), codes);
  await stopHook(h);
  check('cumulative: stored units never exceed what was bought',
    sql(`SELECT l.line_id, SUM(l.quantity) FROM request_lines l JOIN requests q ON q.id = l.request_id GROUP BY q.order_id, l.line_id ORDER BY q.order_id, l.line_id`, ldb) === 'L1|1\nL1|1\nL2|3',
    sql(`SELECT q.order_id, l.line_id, SUM(l.quantity) FROM request_lines l JOIN requests q ON q.id = l.request_id GROUP BY q.order_id, l.line_id`, ldb));
}

// Late but honest: the delivery attempt must be fresh (webhook-timestamp), the request
// may be days old within the policy's grace; earlier requests feed the review rules.
async function lateAndCounted() {
  const ldb = join(tmp, 'late.db');
  const limited = policyWith((p) => { p.review = { max_customer_returns: 1 }; });
  const h = await startHook(ldb, [], limited);
  const stamp = (ms) => ({ 'webhook-timestamp': String(Math.floor(ms / 1000)) });
  const mk = (opts = {}) => makeRequestText({ policyPath: limited, ...opts });
  const reviewOf = (id) => sql(`SELECT status, review_reasons FROM requests WHERE id = '${id}'`, ldb);

  const stale = mk();
  let r = await post(h.port, stale, { headers: stamp(now - 6 * 60_000) });
  check('late: a stale webhook-timestamp (6 min) → 408 stale_timestamp (retryable)',
    r.status === 408 && r.json?.error === 'stale_timestamp', JSON.stringify(r.json));
  r = await post(h.port, stale, { headers: stamp(Date.now()) });
  check('late: the same body with a fresh timestamp → 200', r.status === 200, JSON.stringify(r.json));
  r = await post(h.port, stale, { headers: { 'webhook-timestamp': '17e8' } });
  check('late: a webhook-timestamp that is not Unix seconds → 400', r.status === 400 && r.json?.error === 'invalid_timestamp', JSON.stringify(r.json));

  const twoDays = mk({ at: now - 2 * day });
  r = await post(h.port, twoDays, { headers: stamp(Date.now()) });
  check('late: a request created 2 days ago → 200 needs_review with late_delivery',
    r.status === 200 && r.json?.needs_review === true && r.json?.review_reasons?.includes('late_delivery'), JSON.stringify(r.json));
  check('late: … stored as review with the reason',
    /^review\|.*late_delivery/.test(reviewOf(JSON.parse(twoDays).id)), reviewOf(JSON.parse(twoDays).id));
  r = await post(h.port, twoDays);
  check('late: a retry is answered as the first time (duplicate, review, reasons)',
    r.status === 200 && r.json?.status === 'duplicate' && r.json?.needs_review === true && r.json?.review_reasons?.includes('late_delivery'),
    JSON.stringify(r.json));
  const eightDays = mk({ order: writeOrder(`late-${++serial}.json`, 12 * day, `gid://shop/Order/late-${process.pid}`), at: now - 8 * day });
  r = await post(h.port, eightDays, { headers: stamp(Date.now()) });
  check('late: a request created 8 days ago → 422 too_late, not stored',
    r.status === 422 && r.json?.error === 'too_late' && /contact the shop/.test(r.json?.differences?.[0]?.message ?? '') &&
    sql(`SELECT COUNT(*) FROM requests WHERE id = '${JSON.parse(eightDays).id}'`, ldb) === '0', JSON.stringify(r.json));

  // Three requests so far by the same customer (the fixture order's e-mail); the limit is 1.
  const third = mk();
  r = await post(h.port, third);
  check('counts: a customer over review.max_customer_returns → 200 stored as review (customer_return_limit)',
    r.status === 200 && r.json?.review_reasons?.includes('customer_return_limit') &&
    /^review\|.*customer_return_limit/.test(reviewOf(JSON.parse(third).id)), JSON.stringify(r.json));

  // A link that expired: judged at created_at, so one made in time and sent late counts.
  const expiring = (expMs, name) => {
    const o = { ...JSON.parse(readFileSync(ownOrder(), 'utf8')), exp: Math.floor(expMs / 1000) };
    const path = join(tmp, name);
    writeFileSync(path, JSON.stringify(o));
    return path;
  };
  r = await post(h.port, mk({ order: expiring(now - day, 'expired.json') }));
  check('expiry: a request made after the link expired → 422 token_expired',
    r.status === 422 && r.json?.error === 'token_expired' && hasDifference(r, 'token_expired', '/data/order/token'), JSON.stringify(r.json));
  r = await post(h.port, mk({ order: expiring(now - 3600_000, 'expired-late.json'), at: now - 2 * 3600_000 }));
  check('expiry: made before the expiry, delivered after → 200 (late_delivery)',
    r.status === 200 && r.json?.review_reasons?.includes('late_delivery'), JSON.stringify(r.json));
  await stopHook(h);
}

// The stored body must be what was verified: only the canonical serialisation is taken.
async function canonicalBodies() {
  const cdb = join(tmp, 'canonical.db');
  const c = await startHook(cdb, ['--max-body', String(4 << 20)]);
  const text = makeRequestText();
  let r = await post(c.port, text);
  check('canonical: make-request\'s bytes (the portal\'s webhook_body) → 200 accepted', r.status === 200, JSON.stringify(r.json));
  const refused = async (name, body, error, test) => {
    const res = await post(c.port, body);
    const e = res.json?.errors?.[0] ?? {};
    check(`canonical: ${name} → 400 ${error}`, res.status === 400 && res.json?.error === error && test(e), `${res.status} ${JSON.stringify(res.json)}`);
  };
  const msg = () => makeRequestText();
  await refused('duplicate key (a reader keeping the first would see demo=true)', msg().replace('"demo":false', '"demo":true,"demo":false'),
    'non_canonical_body', (e) => e.pointer === '/data' && /duplicate key "demo"/.test(e.message));
  await refused('byte-order mark', '\uFEFF' + msg(), 'non_canonical_body', (e) => /byte-order mark/.test(e.message));
  const m = msg();
  await refused('bytes after a NUL', m + '\u0000{"x":1}', 'non_canonical_body', (e) => e.offset === Buffer.byteLength(m) && /NUL/.test(e.message));
  await refused('a newline after the message', msg() + '\n', 'non_canonical_body', (e) => /after the JSON value/.test(e.message));
  await refused('whitespace before the message', ' ' + msg(), 'non_canonical_body', (e) => e.offset === 0 && /whitespace/.test(e.message));
  await refused('pretty-printed', JSON.stringify(JSON.parse(msg()), null, 2), 'non_canonical_body', (e) => /whitespace/.test(e.message));
  const unsorted = JSON.parse(msg());
  await refused('keys out of order', JSON.stringify({ type: unsorted.type, id: unsorted.id, created_at: unsorted.created_at, data: unsorted.data }),
    'non_canonical_body', (e) => e.pointer === '' && /"id" comes after "type"/.test(e.message));
  await refused('an escape JSON does not require', msg().replace('"type":"return.requested"', '"type":"return.r\\u0065quested"'),
    'non_canonical_body', (e) => e.pointer === '/type' && /canonical form/.test(e.message));
  await refused('200 000 levels of nesting (with --max-body 4 MiB)', '['.repeat(200_000) + ']'.repeat(200_000),
    'nesting_too_deep', (e) => e.pointer === '/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0' && /deeper than 32/.test(e.message));
  await refused('deep nesting inside a field', msg().replace('"demo":false', `"demo":${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`),
    'nesting_too_deep', (e) => e.pointer.startsWith('/data/demo/a/a'));
  const health = await fetch(`http://127.0.0.1:${c.port}/health`, { signal: AbortSignal.timeout(10_000) });
  check('canonical: … and the receiver is still up', health.status === 200 && c.child.exitCode === null);
  await stopHook(c);
  check('canonical: only the canonical request was stored, each refusal logged',
    sql('SELECT COUNT(*) FROM requests', cdb) === '1' && sql('SELECT COUNT(*) FROM rejections WHERE http_status = 400', cdb) === '10',
    sql('SELECT COUNT(*) FROM requests', cdb) + ' ' + sql('SELECT error, reason FROM rejections', cdb));
}

// What a shopper typed lands in the merchant's spreadsheet: no formula may run there.
async function csvFormulas() {
  const fdb = join(tmp, 'formulas.db');
  const f = await startHook(fdb);
  const select = join(tmp, 'formula-selection.json');
  const sel = JSON.parse(readFileSync(join(fixtures, 'selection.json'), 'utf8'));
  sel.lines[0].comment = '\t=HYPERLINK("http://evil.test","x")';
  sel.lines[1].comment = 'fine\u0000=1+1';
  writeFileSync(select, JSON.stringify(sel));
  const r = await post(f.port, makeRequestText({ select, extra: ['--name', '\r+SUM(A1:A9)', '--email', ' @evil.test'] }));
  check('csv: a request with formula-like text is accepted as typed', r.status === 200, JSON.stringify(r.json));
  await stopHook(f);
  const out = join(tmp, 'formulas.csv');
  execFileSync(retour, ['export', '--db', fdb, '--csv', '-o', out], { timeout: 10_000 });
  const csv = readFileSync(out, 'utf8');
  check('csv: formulas after a leading tab or CR are guarded, NULs stripped',
    csv.includes(`"'\t=HYPERLINK(""http://evil.test"",""x"")"`) && csv.includes(`"'\r+SUM(A1:A9)"`) && csv.includes(`' @evil.test`) &&
    csv.includes('fine=1+1') && !csv.includes('\u0000'), JSON.stringify(csv.slice(0, 800)));
}

// The merchant edits the policy (a webhook URL fix) and restarts the receiver while
// requests made under the old version are still on their way.
async function policyVersions() {
  const vdb = join(tmp, 'versions.db');
  const sqlv = (q) => execFileSync('sqlite3', [vdb, q], { encoding: 'utf8', timeout: 10_000 }).trim();
  let v = await startHook(vdb);
  await stopHook(v);
  const fixed = policyWith((p) => { p.webhook.url = 'https://hooks.nordwind.example/webhook'; });
  const underOld = makeRequest();
  const oldHash = underOld.data.policy.hash;
  v = await startHook(vdb, [], fixed);
  let r = await post(v.port, underOld);
  check('policy edited + restart: a request made under the previous version → 200 accepted',
    r.status === 200 && r.json?.status === 'accepted', JSON.stringify(r.json));
  check('… and the stored verification names the version it was checked against',
    sql(`SELECT json_extract(verification, '$.policy_hash') FROM requests WHERE id = '${underOld.id}'`, vdb) === oldHash);
  r = await post(v.port, makeRequest({ policyPath: fixed }));
  check('policy edited + restart: a request under the new version → 200 accepted', r.status === 200, JSON.stringify(r.json));
  const neverServed = makeRequest({ policyPath: policyWith((p) => { p.fees.label = 0; }) });
  r = await post(v.port, neverServed);
  check('a request under a policy the receiver never served → 422 policy_changed saying so',
    r.status === 422 && (r.json?.differences ?? []).some((d) => d.code === 'policy_changed' && /never served/.test(d.message)),
    JSON.stringify(r.json));
  check('versions are kept with the time first and last served',
    sqlv(`SELECT COUNT(*), SUM(current), SUM(first_served <= last_served) FROM policy_versions`) === '2|1|2',
    sqlv('SELECT hash, first_served, last_served, current FROM policy_versions'));
  await stopHook(v);

  // The old version was replaced 31 days ago: past the 30-day default retention.
  sqlv(`UPDATE policy_versions SET first_served = '${iso(now - 60 * day)}', last_served = '${iso(now - 31 * day)}' WHERE hash = '${oldHash}'`);
  v = await startHook(vdb, [], fixed);
  const late = makeRequest();
  r = await post(v.port, late);
  check('a request under a version replaced longer ago than the retention → 422 policy_changed',
    r.status === 422 && (r.json?.differences ?? []).some((d) => d.code === 'policy_changed' && /retention/.test(d.message)),
    JSON.stringify(r.json));
  await new Promise((resolve) => setTimeout(resolve, 100));
  check('the log says why a request was refused',
    new RegExp(`POST /webhook -> 422 verification_failed: policy_changed at /data/policy/hash: policy version ${policyJson.version}`).test(v.log()), v.log());
  await stopHook(v);
  v = await startHook(vdb, ['--policy-retention-days', '45'], fixed);
  r = await post(v.port, makeRequest());
  check('--policy-retention-days 45 keeps that version usable → 200', r.status === 200, JSON.stringify(r.json));
  await stopHook(v);

  const out = join(tmp, 'versions.csv');
  execFileSync(retour, ['export', '--db', vdb, '--csv', '-o', out], { timeout: 10_000 });
  const rejected = readIfThere(join(tmp, 'versions-rejected.csv'));
  check('export lists the refused requests with id, order number and policy version',
    rejected.includes(`,422,verification_failed,`) && rejected.includes(late.id) && rejected.includes(neverServed.id) &&
    rejected.includes(`,${late.data.order.number},${late.data.rma},${policyJson.version},`), rejected);
  const message = spawnSync(retour, ['export', '--db', vdb, '--message', underOld.data.rma], { encoding: 'utf8', timeout: 10_000 }).stdout;
  check('export --message RMA prints the stored message as it arrived', message === canon(underOld), message.slice(0, 200));
  const typed = underOld.data.rma.toLowerCase().replace('-', ' - ');
  const again = spawnSync(retour, ['export', '--db', vdb, '--message', typed], { encoding: 'utf8', timeout: 10_000 });
  check('export --message takes an RMA as a person types it (lower case, spaces)', again.stdout === canon(underOld), again.stderr);

  // The merchant changes keys (the old one leaked): the earlier version stays on record,
  // but nothing made under it is trusted any more.
  const rotated = policyWith((p) => { p.public_key = publicKeyOfSeed(Buffer.alloc(32, 0x22)); });
  v = await startHook(vdb, [], rotated);
  r = await post(v.port, makeRequest({ policyPath: fixed }));
  check('after a key change, a request under the version with the old key → 422 saying so',
    r.status === 422 && (r.json?.differences ?? []).some((d) => d.code === 'policy_changed' && /another public_key/.test(d.message)),
    JSON.stringify(r.json));
  await stopHook(v);
}

// A client that is not even authenticated cannot grow the rejection log without limit.
async function boundedRejections() {
  const bdb = join(tmp, 'bounded.db');
  const b = await startHook(bdb, ['--keep-rejections', '3']);
  const ids = [];
  for (let i = 0; i < 5; i++) {
    const m = tamper(makeRequest(), (d) => { d.quote.totals.refund += 1; });
    ids.push(m.id);
    await post(b.port, m);
  }
  await stopHook(b);
  check('the rejection log keeps only the newest N (--keep-rejections)',
    sql('SELECT request_id FROM rejections ORDER BY rowid', bdb) === ids.slice(2).join('\n'), sql('SELECT request_id FROM rejections', bdb));
}

// Two receivers on one port would split the traffic between two databases.
async function portInUse() {
  const first = await startHook(join(tmp, 'port.db'));
  const args = (cmd) => cmd === 'hook'
    ? ['hook', '--policy', policy, '--db', join(tmp, 'port2.db'), '--port', String(first.port)]
    : ['serve', '--root', tmp, '--port', String(first.port)];
  for (const cmd of ['hook', 'serve']) {
    const second = spawnSync(retour, args(cmd), { encoding: 'utf8', timeout: 5_000 });
    check(`a second retour ${cmd} on a port in use → exit 1 "address already in use"`,
      second.status === 1 && /cannot listen on 127\.0\.0\.1:\d+: address already in use/.test(second.stderr),
      `status ${second.status} ${second.signal ?? ''}: ${second.stderr}`);
  }
  const health = await fetch(`http://127.0.0.1:${first.port}/health`, { signal: AbortSignal.timeout(10_000) });
  check('… and the first receiver still answers', health.status === 200);
  await stopHook(first);
  const again = await startHook(join(tmp, 'port.db'), ['--port', String(first.port)]);
  check('a restarted receiver gets its port back at once', again.port === first.port);
  await stopHook(again);
}

main().then(() => finish(), (e) => { failed++; console.log(`FAIL ${e.stack ?? e}`); finish(1); });
