// E-mail (run by run.mjs): `retour hook --mail` sends through a local SMTP server started
// here (Debian's python3-aiosmtpd: STARTTLS required, a login) the confirmation to the
// shopper in their language with the label attached and the status link, a notice to the
// shop, and a message on each change recorded from the shell; bad settings stop the
// receiver at startup; a message the server could not take is retried from the queue,
// across a restart of the receiver.
import { spawn, spawnSync } from 'node:child_process';
import { writeFileSync, readFileSync, readdirSync, mkdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { until } from './forward.mjs';

const here = dirname(fileURLToPath(import.meta.url));

// One saved message: headers, and its leaf parts decoded.
export function parseMail(raw) {
  const [head] = raw.split(/\r?\n\r?\n/);
  const subject = /^Subject: =\?UTF-8\?B\?([^?]+)\?=/m.exec(head);
  const parts = [];
  for (const chunk of raw.split(/\r?\n--[-\w]+(?:--)?\r?\n/)) {
    const m = /^((?:[\w-]+: .*\r?\n)+)\r?\n([\s\S]*)$/.exec(chunk);
    if (!m || /multipart\//.test(m[1])) continue;
    const headers = m[1], body = m[2];
    const decoded = /quoted-printable/i.test(headers)
      ? Buffer.from(body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h) => String.fromCharCode(parseInt(h, 16))), 'latin1')
      : /base64/i.test(headers) ? Buffer.from(body.replace(/\s+/g, ''), 'base64') : Buffer.from(body);
    parts.push({ type: (/Content-Type: ([^;\r\n]+)/i.exec(headers) ?? [])[1], filename: (/filename="([^"]+)"/.exec(headers) ?? [])[1], body: decoded });
  }
  return { to: (/^X-Envelope-To: (.*)$/m.exec(head) ?? [])[1]?.trim(), subject: subject ? Buffer.from(subject[1], 'base64').toString('utf8') : '',
    text: parts.find((p) => p.type === 'text/plain')?.body.toString('utf8') ?? '', html: parts.find((p) => p.type === 'text/html')?.body.toString('utf8') ?? '',
    attachment: parts.find((p) => p.filename) };
}

export async function mailChecks({ retour, tmp, check, startHook, stopHook, post, makeRequestText, sql }) {
  const box = join(tmp, 'mailbox');
  mkdirSync(box);
  const cert = join(tmp, 'smtp-cert.pem'), key = join(tmp, 'smtp-key.pem');
  spawnSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '2',
    '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { timeout: 20_000 });
  let sink = null;
  const startSink = (port = 0) => new Promise((resolve, reject) => {
    const child = spawn('/usr/bin/python3', [join(here, 'smtp_sink.py'), box, cert, key, 'shop', 's3cret', String(port)],
      { stdio: ['ignore', 'pipe', 'ignore'] });
    let out = '';
    const timer = setTimeout(() => reject(new Error('SMTP sink did not start')), 10_000);
    child.stdout.on('data', (d) => {
      out += d;
      const m = /listening (\d+)/.exec(out);
      if (m) { clearTimeout(timer); resolve({ child, port: Number(m[1]) }); }
    });
  });
  const stopSink = async () => {
    const gone = new Promise((resolve) => sink.child.once('exit', resolve));
    sink.child.kill('SIGTERM');
    await gone;
  };
  sink = await startSink();
  writeFileSync(join(tmp, 'smtp.pass'), 's3cret\n', { mode: 0o600 });
  writeFileSync(join(tmp, 'wrong.pass'), 'guess\n', { mode: 0o600 });
  const config = (name, edit = {}) => {
    const path = join(tmp, name);
    writeFileSync(path, JSON.stringify({ smtp_url: `smtp://127.0.0.1:${sink.port}`, username: 'shop', password_file: 'smtp.pass',
      ca_file: 'smtp-cert.pem', from: 'returns@shop.example.com', merchant: 'orders@shop.example.com',
      status_url: 'https://shop.example.com/returns/status?id={id}', retry: { first_delay_seconds: 0.2, max_delay_seconds: 0.5 }, ...edit }));
    return path;
  };
  const run = (...args) => new Promise((resolve) => {
    const child = spawn(retour, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '', stderr = '';
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    child.on('close', (status) => resolve({ status, stdout, stderr, text: `exit ${status}: ${stderr}${stdout}` }));
  });
  const mails = () => readdirSync(box).filter((f) => f.endsWith('.eml')).sort((a, b) => parseInt(a) - parseInt(b))
    .map((f) => parseMail(readFileSync(join(box, f), 'utf8')));
  const db = join(tmp, 'mail.db');
  const policy = join(here, '..', 'fixtures', 'receiver', 'policy.json');

  // ---- bad settings: a clear error before the receiver listens ----
  let r = await run('hook', '--policy', policy, '--db', db, '--port', '0', '--mail', config('mail-wrong.json', { password_file: 'wrong.pass' }));
  check('mail: a wrong SMTP password → the receiver does not start, and says why',
    r.status === 1 && /cannot send mail with .*mail-wrong\.json \(smtp:\/\/127\.0\.0\.1:\d+ as shop\): Login denied/.test(r.stderr) &&
    !r.stdout.includes('listening'), r.text);
  r = await run('hook', '--policy', policy, '--db', db, '--port', '0', '--mail',
    config('mail-bad.json', { smtp_url: 'smtp://mail.example.com:587', starttls: false, status_url: 'https://shop.example.com/status', from: 'nobody' }));
  check('mail: a bad mail.json → every problem with its pointer, before any connection',
    r.status === 1 && r.stderr.includes('/starttls: mail to smtp://mail.example.com:587 would travel unencrypted') &&
    r.stderr.includes('/status_url: must contain {id}') && r.stderr.includes("/from: 'nobody' is not an e-mail address"), r.text);

  // ---- a return: confirmation (German, label attached, status link) and the shop's notice ----
  const hook = await startHook(db, ['--mail', config('mail.json')]);
  const id = `req_mail_${process.pid}`;
  const body = makeRequestText({ id, extra: ['--locale', 'de', '--name', 'Jörg Müller', '--email', 'joerg@example.com',
    '--street', 'Hauptstraße 7', '--postcode', '10117', '--city', 'Berlin', '--country', 'DE'] });
  const rma = JSON.parse(body).data.rma;
  r = await post(hook.port, body);
  await until(() => mails().length >= 2);
  const [confirmation, notice] = [mails().find((m) => m.to === 'joerg@example.com'), mails().find((m) => m.to === 'orders@shop.example.com')];
  check('mail: the shopper gets a confirmation in German: RMA, order, when, what, with text and HTML parts',
    r.status === 200 && confirmation?.subject === `Ihre Rücksendung ${rma} bei Nordwind Outfitters` &&
    confirmation.text.startsWith('Hallo Jörg Müller,\r\n') && confirmation.text.includes('zur Bestellung #1001') &&
    /gesendet am \d+\. \S+ \d{4} um \d\d:\d\d UTC/.test(confirmation.text) && confirmation.text.includes('× Fjord rain jacket') &&
    confirmation.html.includes('<li>1 × Fjord rain jacket') && confirmation.html.includes('background:#1f6feb'),
    JSON.stringify({ subject: confirmation?.subject, text: confirmation?.text }));
  check('mail: … with the status link and the return label attached as a PDF',
    confirmation?.text.includes(`https://shop.example.com/returns/status?id=${id}`) &&
    confirmation.attachment?.type === 'application/pdf' && confirmation.attachment.filename === `return-label-${rma}.pdf` &&
    confirmation.attachment.body.subarray(0, 5).toString() === '%PDF-', JSON.stringify(confirmation?.attachment?.filename));
  check('mail: the shop gets a notice of the new return', notice?.subject === `New return ${rma} (review)` && notice.text.includes('joerg@example.com'),
    JSON.stringify(notice));

  // ---- each change from the shell: one more mail, in the shopper's language ----
  r = await run('return', 'approve', rma, '--db', db, '--by', 'ana');
  await until(() => mails().length >= 3);
  const approved = mails()[2];
  check('mail: a change from the shell queues a mail to the shopper; it arrives in German',
    r.status === 0 && r.stdout.includes('e-mail to joerg@example.com queued') && approved?.subject === `Ihre Rücksendung ${rma}: Genehmigt` &&
    approved.text.includes('einen neuen Status: Genehmigt'), `${r.text} ${JSON.stringify(approved?.subject)}`);

  // ---- the server is away: the mail waits in the queue and goes out when it is back ----
  const port = sink.port;
  await stopSink();
  r = await run('return', 'reject', rma, '--db', db, '--note', 'Die Naht ist nicht beschädigt.', '--by', 'ana');
  const retried = await until(() => sql("SELECT attempts > 0 AND last_error != '' FROM mails WHERE state = 'pending'", db) === '1', 8_000);
  check('mail: SMTP server down → the mail stays pending with the error, and is retried',
    r.status === 0 && retried, sql('SELECT kind, state, attempts, last_error FROM mails', db));
  await stopHook(hook);  // and the receiver restarts meanwhile: the queue is in the database
  sink = await startSink(port);
  const restarted = await startHook(db, ['--mail', config('mail.json')]);
  await until(() => mails().length >= 4, 10_000);
  const asked = mails()[3];
  check('mail: … server back, receiver restarted → sent from the queue, with the note to the shopper',
    asked?.subject === `Ihre Rücksendung ${rma}: Nicht angenommen` && asked.text.includes('Nachricht von Nordwind Outfitters: Die Naht ist nicht beschädigt.') &&
    sql("SELECT group_concat(state) FROM mails", db) === 'sent,sent,sent,sent', sql('SELECT kind, state, attempts, last_error FROM mails', db));
  await stopHook(restarted);
  await stopSink();
}
