// A return's life (run by run.mjs): the receiver records requested / needs_review with
// the request, the shell approves, receives, refunds and closes (`retour return …`),
// every change is appended (never rewritten) and forwarded as a signed event that the
// npm `standardwebhooks` package verifies, and GET /status/<request id> shows the
// timeline in the shopper's language. Also: auto-approval by the policy, a database
// made before the history existed, and `retour publish-status`.
import http from 'node:http';
import { randomBytes } from 'node:crypto';
import { writeFileSync, readFileSync, existsSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { Webhook, until } from './forward.mjs';

export async function lifeChecks({ retour, tmp, check, startHook, stopHook, post, makeRequest, sql, policyWith, allowed }) {
  // The merchant's endpoint: keeps each verified event (the npm verifier, not our code).
  const secret = `whsec_${randomBytes(32).toString('base64')}`;
  writeFileSync(join(tmp, 'life.whsec'), secret + '\n', { mode: 0o600 });
  const wh = new Webhook(secret);
  const events = [];
  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      let verified = false;
      try { wh.verify(body, req.headers); verified = true; } catch { /* recorded as unverified */ }
      events.push({ id: req.headers['webhook-id'], verified, event: JSON.parse(body) });
      res.writeHead(200).end('ok');
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const cfg = join(tmp, 'life-forward.json');
  writeFileSync(cfg, JSON.stringify({ endpoints: [{ url: `http://127.0.0.1:${server.address().port}/hooks`, secret_file: 'life.whsec' }],
    timeout_seconds: 5, retry: { first_delay_seconds: 0.2, max_delay_seconds: 1 } }));
  const run = (...args) => new Promise((resolve) => {
    const child = spawn(retour, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '', stderr = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    child.on('close', (status) => { clearTimeout(timer); resolve({ status, stdout, stderr, text: `exit ${status}: ${stderr}${stdout}` }); });
  });
  const db = join(tmp, 'life.db');
  const life = (action, rma, ...extra) => run('return', action, rma, '--db', db, '--by', 'anna', ...extra);
  const eventOf = (type, id) => events.find((e) => e.event.type === type && e.event.data?.id === id);

  let hook = await startHook(db, ['--forward', cfg]);
  const status = async (path, headers = {}) => {
    const res = await fetch(`http://127.0.0.1:${hook.port}${path}`, { headers, signal: AbortSignal.timeout(10_000) });
    const text = await res.text();
    let json = null;
    try { json = JSON.parse(text); } catch { /* not JSON */ }
    return { status: res.status, json, text, headers: res.headers };
  };

  // ---- intake: requested, then needs_review (the fixture's "damaged" reason) ----
  const request = makeRequest();
  const { id } = request;
  const { rma } = request.data;
  let r = await post(hook.port, request);
  check('life: a request flagged for review is answered with state needs_review',
    r.status === 200 && r.json?.state === 'needs_review', JSON.stringify(r.json));
  check('life: its first two changes are stored with it (requested by the shopper, needs_review by the receiver)',
    sql(`SELECT seq, type, actor FROM return_history WHERE request_id = '${id}' ORDER BY seq`, db) ===
      '1|requested|shopper\n2|needs_review|receiver', sql('SELECT * FROM return_history', db));

  let s = await status(`/status/${id}?lang=de`, { origin: allowed });
  check('life: GET /status/<id>?lang=de → the timeline in German, CORS for the portal\'s origin, not cached',
    s.status === 200 && s.json?.state === 'needs_review' && s.json?.state_label === 'Wird geprüft' &&
    s.json?.events?.map((e) => e.label).join('|') === 'Rücksendung angemeldet|Wird geprüft' &&
    s.headers.get('access-control-allow-origin') === allowed && s.headers.get('cache-control') === 'no-store', s.text);
  s = await status(`/status/${id}`);
  check('life: without ?lang the shopper\'s own language (the request\'s locale)', s.json?.locale === request.data.locale, s.text);
  const unknown = await status(`/status/req_${randomBytes(16).toString('hex')}`);
  const byRma = await status(`/status/${encodeURIComponent(rma)}`);
  const junk = await status('/status/not%20an%20id');
  const nowhere = await status('/nowhere');
  check('life: an unknown id, the RMA number or junk → the same 404 as any unknown path',
    [unknown, byRma, junk].every((x) => x.status === 404 && x.text === nowhere.text), `${unknown.status} ${byRma.status} ${junk.status} ${unknown.text}`);
  const posted = await fetch(`http://127.0.0.1:${hook.port}/status/${id}`, { method: 'POST', body: '{}' });
  check('life: POST /status/<id> → 405 Allow: GET', posted.status === 405 && posted.headers.get('allow') === 'GET', `${posted.status}`);

  // ---- the shell moves it along; each change is forwarded, signed ----
  let c = await life('approve', rma, '--note', 'regular customer');
  check('life: `retour return approve RMA` → approved, return.approved queued for the endpoint',
    c.status === 0 && c.stdout.includes(`${rma} is now approved; return.approved queued for 1 endpoint`), c.text);
  await until(() => eventOf('return.approved', id));
  const approved = eventOf('return.approved', id);
  check('life: the endpoint gets return.approved, verified by standardwebhooks, with the change and the new state',
    approved?.verified === true && approved.event.data.state === 'approved' && approved.event.data.change.actor === 'anna' &&
    approved.event.data.change.note === 'regular customer' && approved.event.data.rma === rma, JSON.stringify(approved));

  c = await life('refund', rma);
  check('life: refund before the parcel arrived → refused with the reason, nothing written',
    c.status === 1 && c.stderr.includes('refused (transition_not_allowed)') &&
    sql(`SELECT COUNT(*) FROM return_history WHERE request_id = '${id}'`, db) === '3', c.text);
  c = await life('receive', rma, '--inspect', 'L1=as_new');
  check('life: receive without an inspection of every line → refused inspection_required (line L2)',
    c.status === 1 && c.stderr.includes('inspection_required') && c.stderr.includes('L2'), c.text);
  c = await life('receive', rma, '--inspect', 'L1=as_new,L2=damaged');
  check('life: receive with every line inspected → received', c.status === 0 && c.stdout.includes('is now received'), c.text);

  const refundMax = request.data.quote.totals.refund;
  const over = ((refundMax + 1) / 100).toFixed(2);
  c = await life('refund', rma, '--amount', over, '--lang', 'de');
  check('life: a refund above the quote → refused amount_above_quote, said in German with what is left',
    c.status === 1 && c.stderr.includes('amount_above_quote') && c.stderr.includes('übrig') &&
    c.stderr.includes((refundMax / 100).toFixed(2).replace('.', ',')), c.text);
  c = await life('refund', rma);
  check('life: refund without --amount → what the quote gives back', c.status === 0 && c.stdout.includes('is now refunded'), c.text);
  c = await life('refund', rma, '--amount', '0.01');
  check('life: a second refund past the quote → refused (the first counts)', c.status === 1 && c.stderr.includes('amount_above_quote'), c.text);
  c = await life('refund', rma, '--amount', '0.01', '--override', 'goodwill: postage');
  check('life: … recorded with an override note', c.status === 0, c.text);
  c = await life('store-credit', rma);
  check('life: store credit for the other line → store_credit_issued', c.status === 0 && c.stdout.includes('store_credit_issued'), c.text);
  c = await life('close', rma);
  check('life: close a settled return without a note', c.status === 0 && c.stdout.includes('is now closed'), c.text);
  c = await life('approve', rma);
  check('life: nothing changes a closed return', c.status === 1 && c.stderr.includes('return_closed'), c.text);

  await until(() => eventOf('return.closed', id));
  const types = events.filter((e) => e.event.data?.id === id).map((e) => e.event.type);
  const refunded = events.filter((e) => e.event.type === 'return.refunded' && e.event.data?.id === id);
  check('life: every change arrived signed: approved, received, refunded ×2, store credit, closed',
    types.join() === 'return.requested,return.approved,return.received,return.refunded,return.refunded,return.store_credit_issued,return.closed' &&
    events.every((e) => e.verified) && refunded[0]?.event.data.change.amount === refundMax &&
    refunded[1]?.event.data.refunded === refundMax + 1 && refunded[1]?.event.data.change.override === 'goodwill: postage', types.join());

  c = await life('show', rma, '--json');
  const shown = JSON.parse(c.stdout || '{}');
  check('life: `retour return show --json` → the whole history and the sums',
    c.status === 0 && shown.state === 'closed' && shown.refunded === refundMax + 1 &&
    shown.events?.map((e) => e.type).join() === 'requested,needs_review,approved,received,refunded,refunded,store_credit_issued,closed', c.text);
  s = await status(`/status/${id}?lang=nl`);
  check('life: the shopper\'s status shows each step with its time, amounts, no names or shop notes',
    s.json?.state_label === 'Afgesloten' && s.json.events.length === 8 && s.json.events.every((e) => /^\d{4}-\d\d-\d\dT/.test(e.at)) &&
    s.json.events[3].inspection?.[1]?.label === 'Beschadigd' && s.json.events[4].amount === refundMax &&
    !s.text.includes('anna') && !s.text.includes('regular customer') && !s.text.includes('goodwill'), s.text);

  // ---- append-only ----
  const tryWrite = (q) => { try { sql(q, db); return 'written'; } catch (e) { return String(e.stderr ?? e.message); } };
  const upd = tryWrite(`UPDATE return_history SET actor = 'mallory' WHERE request_id = '${id}'`);
  const del = tryWrite(`DELETE FROM return_history WHERE request_id = '${id}'`);
  check('life: the history cannot be rewritten: UPDATE and DELETE are refused by triggers',
    /append-only/.test(upd) && /append-only/.test(del) && sql(`SELECT COUNT(*) FROM return_history WHERE actor = 'mallory'`, db) === '0' &&
    sql(`SELECT COUNT(*) FROM return_history WHERE request_id = '${id}'`, db) === '8', `${upd} / ${del}`);

  // ---- rejection and information requests need a note the shopper reads ----
  const second = makeRequest();
  await post(hook.port, second);
  c = await life('reject', second.data.rma);
  check('life: reject without a note → refused note_required', c.status === 1 && c.stderr.includes('note_required'), c.text);
  c = await life('ask-info', second.id, '--note', 'Please send a photo of the seam.');
  check('life: ask-info by request id with a note → info_requested', c.status === 0 && c.stdout.includes('info_requested'), c.text);
  s = await status(`/status/${second.id}?lang=en`);
  check('life: … and the shopper reads what is asked', s.json?.state === 'info_requested' &&
    s.json.events.at(-1).note === 'Please send a photo of the seam.', s.text);
  c = await life('approve', 'EX-NOSUCH');
  check('life: an unknown RMA → exit 1 saying so', c.status === 1 && c.stderr.includes('no return EX-NOSUCH'), c.text);

  // ---- publish-status: the same documents as files ----
  const out = join(tmp, 'status-files');
  c = await run('publish-status', '--db', db, '--out', out);
  const de = await status(`/status/${id}?lang=de`);
  check('life: publish-status writes <id>.<lang>.json equal to what GET /status answers, and <id>.json in the shopper\'s language',
    c.status === 0 && /2 returns: 12 status files written/.test(c.stdout) &&
    readFileSync(join(out, `${id}.de.json`), 'utf8') === de.text &&
    JSON.parse(readFileSync(join(out, `${id}.json`), 'utf8')).locale === request.data.locale, c.text);
  c = await run('publish-status', '--db', db, '--out', out);
  check('life: … and a second run rewrites nothing unchanged', c.status === 0 && /0 status files written/.test(c.stdout), c.text);
  await stopHook(hook);

  // ---- review.auto_approve: approved on arrival, by the policy ----
  const autoPolicy = policyWith((p) => { p.review = { ...(p.review ?? {}), auto_approve: true }; });
  const select = join(tmp, 'life-plain.json');
  writeFileSync(select, JSON.stringify({ lines: [{ line_id: 'L1', quantity: 1, reason: 'too_small', resolution: 'refund' }] }));
  const autoDb = join(tmp, 'life-auto.db');
  hook = await startHook(autoDb, ['--forward', cfg], autoPolicy);
  const plain = makeRequest({ policyPath: autoPolicy, select });
  r = await post(hook.port, plain);
  await until(() => eventOf('return.approved', plain.id));
  const auto = eventOf('return.approved', plain.id);
  check('life: review.auto_approve → a request nothing flags is approved on arrival, by the policy, and forwarded',
    r.status === 200 && r.json?.state === 'approved' && auto?.verified === true && auto.event.data.change.actor === 'policy' &&
    sql(`SELECT group_concat(type) FROM return_history WHERE request_id = '${plain.id}'`, autoDb) === 'requested,approved',
    `${JSON.stringify(r.json)} ${JSON.stringify(auto)}`);
  const flagged = makeRequest({ policyPath: autoPolicy });
  r = await post(hook.port, flagged);
  check('life: … but one flagged for review still waits for a person', r.json?.state === 'needs_review', JSON.stringify(r.json));
  await stopHook(hook);

  // ---- a database from before the history: migrated on open ----
  const oldDb = join(tmp, 'life-old.db');
  copyFileSync(autoDb, oldDb);
  sql('DROP TRIGGER return_history_no_update; DROP TRIGGER return_history_no_delete; DROP TABLE return_history;', oldDb);
  c = await run('return', 'show', flagged.id, '--db', oldDb, '--json');
  const migrated = JSON.parse(c.stdout || '{}');
  check('life: a database made before the history gets one on open: requested, then needs_review for requests in review',
    c.status === 0 && migrated.events?.map((e) => e.type).join() === 'requested,needs_review' &&
    sql("SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'return_history_%'", oldDb) === '2' &&
    sql(`SELECT group_concat(type) FROM return_history WHERE request_id = '${plain.id}'`, oldDb) === 'requested', c.text);

  server.closeAllConnections?.();
  server.close();
  return existsSync(out);
}
