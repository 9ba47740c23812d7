// Signed forwarding (run by run.mjs): `retour hook --forward` sends each stored request
// as a Standard Webhooks event to test endpoints on 127.0.0.1, which verify it with the
// npm `standardwebhooks` package (v1) and node's own Ed25519 (v1a), not with our code.
// Short retry timings keep it to seconds.
import http from 'node:http';
import { createRequire } from 'node:module';
import { createPublicKey, verify as verifySignature, randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawn, spawnSync } from 'node:child_process';

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));
export const { Webhook } = require(join(here, '..', '..', '.deps', 'npm', 'node_modules', 'standardwebhooks'));

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
// Polls `test` every 50 ms for at most `ms`; true when it held.
export async function until(test, ms = 10_000) {
  const end = Date.now() + ms;
  while (Date.now() < end) { if (await test()) return true; await sleep(50); }
  return test();
}

// A merchant endpoint: verifies every attempt, records it, answers what `answer(n)` says
// (n = attempts seen so far for that webhook-id).
function endpoint({ secret, publicKey, answer = () => ({ status: 200 }) }) {
  const wh = secret ? new Webhook(secret) : null;
  const key = publicKey ? createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: publicKey }, format: 'jwk' }) : null;
  const ep = { attempts: [], answer, server: null, port: 0 };
  const handler = (req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const id = req.headers['webhook-id'], ts = req.headers['webhook-timestamp'], sig = req.headers['webhook-signature'] ?? '';
      let v1 = null, v1a = null;
      if (wh) { try { wh.verify(body, req.headers); v1 = true; } catch (e) { v1 = String(e.message); } }
      if (key) {
        const entry = sig.split(' ').find((s) => s.startsWith('v1a,'));
        v1a = !!entry && verifySignature(null, Buffer.from(`${id}.${ts}.${body}`), key, Buffer.from(entry.slice(4), 'base64'));
      }
      const n = ep.attempts.filter((a) => a.id === id).length;
      const a = ep.answer(n, id);
      ep.attempts.push({ id, ts: Number(ts), sig, body, v1, v1a, at: Date.now(), status: a.status });
      res.writeHead(a.status, { 'content-type': 'text/plain', ...(a.headers ?? {}) });
      res.end(a.status === 200 ? 'thanks' : 'not now');
    });
  };
  ep.listen = (port = 0) => new Promise((resolve) => {
    ep.server = http.createServer(handler);
    ep.server.listen(port, '127.0.0.1', () => { ep.port = ep.server.address().port; resolve(ep); });
  });
  ep.close = () => new Promise((resolve) => { ep.server.closeAllConnections?.(); ep.server.close(() => resolve()); });
  ep.url = () => `http://127.0.0.1:${ep.port}/hooks/returns`;
  ep.delivered = (id) => ep.attempts.filter((a) => a.id === id && a.status === 200);
  return ep;
}

export async function forwardChecks({ retour, tmp, check, startHook, stopHook, post, makeRequestText, makeRequest, sql, tamper, shopKey, policyJson }) {
  // Keys as a merchant makes them: a whsec_ secret and an Ed25519 seed, in files only the owner reads.
  const secret = `whsec_${randomBytes(32).toString('base64')}`;
  const secretFile = join(tmp, 'endpoint.whsec');
  writeFileSync(secretFile, secret + '\n', { mode: 0o600 });
  const seed = randomBytes(32);
  const keyFile = join(tmp, 'webhook.key');
  writeFileSync(keyFile, `whsk_${seed.toString('base64')}\n`, { mode: 0o600 });
  const { createPrivateKey } = await import('node:crypto');
  const seedPublic = createPublicKey(createPrivateKey({
    key: Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), seed]), format: 'der', type: 'pkcs8' }))
    .export({ format: 'jwk' }).x;
  let serial = 0;
  const config = (endpoints, retry) => {
    const path = join(tmp, `forward-${++serial}.json`);
    writeFileSync(path, JSON.stringify({ endpoints, timeout_seconds: 5, retry }));
    return path;
  };
  const fast = { first_delay_seconds: 0.2, max_delay_seconds: 1 };
  // Not spawnSync: the endpoints live in this process and must answer while it runs.
  const run = (...args) => new Promise((resolve) => {
    const child = spawn(retour, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '', stderr = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    child.on('close', (status) => { clearTimeout(timer); resolve({ status, stdout, stderr }); });
  });

  // ---- one receiver, four endpoints: fine, gone (410), throttling (429 + Retry-After), broken (500) ----
  const ok = await endpoint({ secret, publicKey: seedPublic }).listen();
  const gone = await endpoint({ secret, answer: () => ({ status: 410 }) }).listen();
  const slow = await endpoint({ publicKey: policyJson.public_key,
    answer: (n) => (n === 0 ? { status: 429, headers: { 'retry-after': '2' } } : { status: 200 }) }).listen();
  const broken = await endpoint({ secret, answer: () => ({ status: 500 }) }).listen();
  const cfg = config([
    { url: ok.url(), secret_file: secretFile, signing_key_file: keyFile },
    { url: gone.url(), secret_file: 'endpoint.whsec' },  // relative to the configuration's folder
    { url: slow.url(), signing_key_file: shopKey },      // a `retour keygen` key signs v1a too
    { url: broken.url(), secret_file: secretFile },
  ], { ...fast, give_up_after_seconds: 3 });
  const fdb = join(tmp, 'forward.db');
  let hook = await startHook(fdb, ['--forward', cfg]);
  const request = makeRequest();
  let r = await post(hook.port, request);
  check('forward: a request is accepted with forwarding on', r.status === 200, JSON.stringify(r.json));
  r = await post(hook.port, tamper(makeRequest(), (d) => { d.quote.totals.refund += 1; }));
  check('forward: … a tampered one refused', r.status === 422);
  await until(() => ok.attempts.length >= 1 && gone.attempts.length >= 1);
  const first = ok.attempts[0] ?? {};
  const event = JSON.parse(first.body ?? '{}');
  check('forward: the endpoint gets a message the standardwebhooks package verifies (v1)', first.v1 === true, String(first.v1));
  check('forward: … and node\'s Ed25519 verifies its v1a signature', first.v1a === true && /^v1,\S+ v1a,\S+$/.test(first.sig), first.sig);
  check('forward: webhook-id msg_…, webhook-timestamp of the attempt',
    /^msg_[0-9A-Z]{26}$/.test(first.id) && Math.abs(first.ts * 1000 - first.at) < 5_000, `${first.id} ${first.ts}`);
  check('forward: body {type, timestamp, data} with the return\'s id, RMA, order, status and totals, not the shopper',
    event.type === 'return.requested' && event.data?.id === request.id && event.data?.rma === request.data.rma &&
    event.data?.order?.number === request.data.order.number && event.data?.status === 'review' &&
    event.data?.totals?.refund === request.data.quote.totals.refund && Array.isArray(event.data?.review_reasons) &&
    !first.body.includes(request.data.shopper.email) && Object.keys(event).join() === 'data,timestamp,type', first.body);
  const [storedStatus, storedReasons] = sql(`SELECT status, review_reasons FROM requests WHERE id = '${request.id}'`, fdb).split('|');
  check('forward: the event says what the receiver decided: the stored status and every stored review reason',
    event.data?.status === storedStatus && JSON.parse(storedReasons).every((x) => event.data?.review_reasons?.includes(x.code)),
    `${storedStatus} ${storedReasons} vs ${JSON.stringify(event.data)}`);
  check('forward: the event row was written with the request (one each, nothing for the refused post)',
    sql('SELECT COUNT(*) FROM requests', fdb) === '1' && sql('SELECT COUNT(*) FROM events', fdb) === '1' &&
    sql(`SELECT request_id FROM events`, fdb) === request.id);

  // What is checked is the spacing, not how soon: a loaded machine may take longer.
  await until(() => slow.attempts.length >= 2, 30_000);
  const [s1, s2] = slow.attempts;
  check('forward: 429 with Retry-After: 2 → the next attempt waits at least 2 s (base delay 0.2 s)',
    s1?.status === 429 && s2?.status === 200 && s2.at - s1.at >= 1_900 && s1.id === s2.id && s2.v1a === true,
    s1 && s2 ? `${s2.at - s1.at} ms` : `${slow.attempts.length} attempts`);
  await until(() => sql(`SELECT state FROM deliveries WHERE endpoint = '${broken.url()}'`, fdb) === 'failed', 8_000);
  check('forward: an endpoint that keeps failing → failed after the give-up time, with its last answer',
    sql(`SELECT state, last_status, attempts > 1 FROM deliveries WHERE endpoint = '${broken.url()}'`, fdb) === 'failed|500|1' &&
    broken.attempts.every((a) => a.id === first.id && a.v1 === true), sql(`SELECT * FROM deliveries WHERE endpoint = '${broken.url()}'`, fdb));
  check('forward: 410 → that endpoint is disabled after one attempt, and the log says so',
    gone.attempts.length === 1 && sql(`SELECT state FROM deliveries WHERE endpoint = '${gone.url()}'`, fdb) === 'disabled' &&
    /DISABLED since .*410 Gone/.test(hook.log()), hook.log());
  const second = makeRequest();
  await post(hook.port, second);
  await until(() => ok.attempts.some((a) => JSON.parse(a.body).data.id === second.id));
  await sleep(300);
  check('forward: … and gets nothing more (its new delivery is recorded as disabled)',
    gone.attempts.length === 1 && ok.attempts.length === 2 &&
    sql(`SELECT COUNT(*) FROM deliveries WHERE endpoint = '${gone.url()}' AND state = 'disabled'`, fdb) === '2');
  let st = await run('forward-status', '--db', fdb);
  check('forward-status lists delivered, failed and disabled deliveries and the disabled endpoint',
    st.status === 0 && st.stdout.includes(`DISABLED ${gone.url()}`) && /^delivered .*return\.requested/m.test(st.stdout) &&
    /^failed .*HTTP 500/m.test(st.stdout) && /^disabled /m.test(st.stdout), st.stdout + st.stderr);
  st = await run('forward-status', '--db', fdb, '--state', 'failed');
  check('forward-status --state failed shows only those', st.status === 0 && !/^delivered/m.test(st.stdout) && /^failed/m.test(st.stdout), st.stdout);
  await stopHook(hook);
  gone.answer = () => ({ status: 200 });
  st = await run('forward-status', '--db', fdb, '--enable', gone.url());
  hook = await startHook(fdb, ['--forward', cfg]);
  await until(() => gone.delivered(first.id).length === 1 && gone.attempts.length === 3);
  check('forward-status --enable: the endpoint takes events again, the held ones are sent',
    st.status === 0 && /enabled again; 2 disabled deliveries queued again/.test(st.stdout) && gone.attempts.length === 3, st.stdout + st.stderr);
  await stopHook(hook);

  // ---- forward-test: a signed sample now ----
  let t = await run('forward-test', '--config', cfg);
  const sample = ok.attempts.at(-1) ?? {};
  check('forward-test sends a signed retour.test event and prints each answer (exit 1: one endpoint fails)',
    t.status === 1 && JSON.parse(sample.body ?? '{}').type === 'retour.test' && sample.v1 === true && sample.v1a === true &&
    t.stdout.includes(`ok   ${ok.url()}`) && t.stdout.includes(`FAIL ${broken.url()}`) && /HTTP 500/.test(t.stdout) &&
    t.stdout.includes(`public key for the endpoint (v1a): whpk_${Buffer.from(seedPublic, 'base64url').toString('base64')}`), t.stdout + t.stderr);
  t = await run('forward-test', '--url', ok.url(), '--secret-file', secretFile);
  check('forward-test --url --secret-file → exit 0', t.status === 0 && ok.attempts.at(-1).v1 === true, t.stdout + t.stderr);
  const badSecret = join(tmp, 'bad.whsec');
  writeFileSync(badSecret, 'MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw\n', { mode: 0o600 });
  const bad = config([{ url: 'http://shop.example/hook', secret_file: 'bad.whsec' }, { url: 'ftp://127.0.0.1/x' }], fast);
  t = await run('forward-test', '--config', bad);
  check('forward-test with a bad configuration: every problem with its pointer, nothing sent',
    t.status === 1 && t.stderr.includes('/endpoints/0/url: http://shop.example/hook must use https://') &&
    t.stderr.includes('/endpoints/0/secret_file:') && t.stderr.includes('does not start with whsec_') &&
    t.stderr.includes('/endpoints/1/url: ftp://127.0.0.1/x must start with https://') &&
    t.stderr.includes('/endpoints/1: needs "secret_file"'), t.stderr);
  const refused = spawnSync(retour, ['hook', '--policy', join(here, '..', 'fixtures', 'receiver', 'policy.json'), '--db', join(tmp, 'never.db'),
    '--port', '0', '--forward', bad], { encoding: 'utf8', timeout: 10_000 });
  check('hook --forward with a bad configuration → exit 1 before listening', refused.status === 1 &&
    refused.stderr.includes('must use https://') && !refused.stdout.includes('listening'), refused.stderr);

  // ---- the endpoint is down, then up; the receiver is killed, then restarted ----
  const later = endpoint({ secret, answer: (n) => (n === 0 ? { status: 503 } : { status: 200 }) });
  await later.listen();
  const downPort = later.port;
  await later.close();  // the port is free: connections are refused
  const cfg2 = config([{ url: `http://127.0.0.1:${downPort}/hooks/returns`, secret_file: secretFile }], fast);
  const rdb = join(tmp, 'forward-restart.db');
  hook = await startHook(rdb, ['--forward', cfg2]);
  const whileDown = makeRequest();
  await post(hook.port, whileDown);
  const triedDown = await until(() => Number(sql('SELECT attempts FROM deliveries', rdb)) >= 2, 5_000);
  check('forward: endpoint down → pending, retried, the error kept',
    triedDown && sql('SELECT state, last_status, last_error != \'\' FROM deliveries', rdb) === 'pending|0|1', sql('SELECT * FROM deliveries', rdb));
  await later.listen(downPort);
  const eventId = sql('SELECT id FROM events', rdb);
  await until(() => later.delivered(eventId).length === 1);
  await sleep(300);
  check('forward: endpoint up again (503 once, then 200) → delivered once, every attempt with the same webhook-id',
    later.delivered(eventId).length === 1 && later.attempts.length === 2 && later.attempts.every((a) => a.id === eventId && a.v1 === true) &&
    sql('SELECT state FROM deliveries', rdb) === 'delivered', JSON.stringify(later.attempts.map((a) => [a.id, a.status])));

  later.answer = () => ({ status: 500 });
  const beforeKill = makeRequest();
  await post(hook.port, beforeKill);
  await until(() => later.attempts.some((a) => JSON.parse(a.body).data.id === beforeKill.id));
  hook.child.kill('SIGKILL');
  await new Promise((resolve) => (hook.child.exitCode !== null || hook.child.signalCode ? resolve() : hook.child.once('exit', resolve)));
  later.answer = () => ({ status: 200 });
  const killedId = sql(`SELECT id FROM events WHERE request_id = '${beforeKill.id}'`, rdb);
  hook = await startHook(rdb, ['--forward', cfg2]);
  await until(() => later.delivered(killedId).length === 1);
  check('forward: receiver killed (-9) and restarted → the queue resumes, the event is delivered with its webhook-id',
    later.delivered(killedId).length === 1 && later.delivered(eventId).length === 1 &&
    sql(`SELECT state FROM deliveries WHERE event_id = '${killedId}'`, rdb) === 'delivered', sql('SELECT * FROM deliveries', rdb));
  await stopHook(hook);

  // An endpoint that never answers must not hold up a receiver that is told to stop.
  const stuck = [];
  const hanging = http.createServer((req) => { req.resume(); stuck.push(Date.now()); });
  await new Promise((resolve) => hanging.listen(0, '127.0.0.1', resolve));
  const cfg3 = join(tmp, 'forward-stuck.json');
  writeFileSync(cfg3, JSON.stringify({ endpoints: [{ url: `http://127.0.0.1:${hanging.address().port}/`, secret_file: secretFile }],
    timeout_seconds: 60 }));
  hook = await startHook(join(tmp, 'forward-stuck.db'), ['--forward', cfg3]);
  await post(hook.port, makeRequest());
  await until(() => stuck.length === 1);
  const stopping = Date.now();
  await stopHook(hook);
  check('forward: SIGTERM during an attempt (60 s timeout) → the receiver stops at once, the delivery stays pending',
    stuck.length === 1 && Date.now() - stopping < 10_000 &&
    sql('SELECT state, attempts FROM deliveries', join(tmp, 'forward-stuck.db')) === 'pending|0', `${Date.now() - stopping} ms`);
  hanging.closeAllConnections();
  hanging.close();

  // Decided by the receiver, not in the shopper's quote: the event must carry it.
  const witness = await endpoint({ secret }).listen();
  const cfg4 = config([{ url: witness.url(), secret_file: secretFile }], fast);
  hook = await startHook(join(tmp, 'forward-late.db'), ['--forward', cfg4]);
  const late = makeRequest({ at: Date.now() - 2 * 86_400_000 });
  const answer = await post(hook.port, late);
  await until(() => witness.attempts.length >= 1);
  const lateEvent = JSON.parse(witness.attempts[0]?.body ?? '{}');
  check('forward: a request delivered 2 days late → its event is status review with late_delivery',
    answer.status === 200 && lateEvent.data?.status === 'review' && lateEvent.data?.review_reasons?.includes('late_delivery'),
    `${answer.status} ${JSON.stringify(lateEvent.data)}`);
  await stopHook(hook);
  for (const ep of [ok, gone, slow, broken, later, witness]) await ep.close();
}
