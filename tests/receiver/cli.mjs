// The merchant's key and policy commands (run by run.mjs): wrong keys are refused before
// anything is signed, check-policy warns about missing translations and suggests keys,
// set-policy edits a policy and never writes an invalid one.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync, readFileSync, existsSync, readdirSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';

export async function cliChecks({ retour, tmp, check, policy, policyJson, policyWith, shopKey, otherKey, freshOrder, selection }) {
  const run = (...args) => spawnSync(retour, args, { encoding: 'utf8', timeout: 10_000 });
  const show = (r) => `exit ${r.status}: ${r.stderr}${r.stdout}`.slice(0, 600);

  // keygen's layout: keys/retour.key and keys/retour.pub side by side.
  const keys = join(tmp, 'keys');
  mkdirSync(keys);
  const secret = join(keys, 'retour.key');
  copyFileSync(shopKey, secret);
  const pub = join(keys, 'retour.pub');
  writeFileSync(pub, `${policyJson.public_key}\n`);
  const pubCopy = join(keys, 'public-key.txt');  // the public key under a name that does not say so
  writeFileSync(pubCopy, `${policyJson.public_key}\n`);
  const lonePub = join(tmp, 'lone-public.txt');  // no key file beside it
  writeFileSync(lonePub, `${policyJson.public_key}\n`);

  // keygen writes the 64-byte secret key, which cannot pass for a public key; a lone
  // 32-byte key (an older seed or a public key) signs only with a warning that says so.
  const fresh = join(tmp, 'fresh-keys');
  let g = run('keygen', '--out-dir', fresh);
  const freshKey = Buffer.from(readFileSync(join(fresh, 'retour.key'), 'utf8').trim(), 'base64url');
  check('keygen writes the 64-byte secret key (seed and public key)', g.status === 0 && freshKey.length === 64 &&
    freshKey.subarray(32).toString('base64url') === readFileSync(join(fresh, 'retour.pub'), 'utf8').trim(), show(g));
  g = run('sign-order', freshOrder, '--key', join(fresh, 'retour.key'));
  check('sign-order with a keygen key and no policy → a link, no warning', g.status === 0 && !g.stderr.includes('warning'), show(g));
  const alone = join(tmp, 'alone');  // no secret key beside it that would give it away
  mkdirSync(alone);
  const alonePub = join(alone, 'key.txt');
  writeFileSync(alonePub, `${policyJson.public_key}\n`, { mode: 0o600 });
  g = run('sign-order', freshOrder, '--key', alonePub);
  check('sign-order with a lone 32-byte key and no policy → warns that it may be a public key',
    /holds 32 bytes/.test(g.stderr) && /public\s+key looks the same/.test(g.stderr.replace(/\n/g, ' ')), show(g));

  const refusedPublic = (r, file) => r.status === 1 && r.stderr.includes(file) && /a secret key is needed here/.test(r.stderr);
  let r = run('sign-order', freshOrder, '--key', pub);
  check('sign-order --key retour.pub → refused, naming the file and the secret key it needs', refusedPublic(r, pub) && !r.stdout, show(r));
  r = run('sign-order', freshOrder, '--key', pubCopy);
  check('sign-order with the public key under another name → refused (the public half of retour.key)',
    refusedPublic(r, pubCopy) && r.stderr.includes('public key of') && r.stderr.includes('retour.key'), show(r));
  const out = join(tmp, 'published');
  r = run('publish-orders', join(tmp, 'order.json'), '--out', out, '--key', pub);
  check('publish-orders --key retour.pub → refused, nothing written', refusedPublic(r, pub) && !existsSync(out), show(r));
  r = run('make-request', '--policy', policy, '--order', freshOrder, '--key', lonePub, '--select', selection);
  check('make-request with the policy\'s public key as --key → refused', refusedPublic(r, lonePub) && r.stderr.includes('public_key of'), show(r));
  r = run('make-request', '--policy', policy, '--order', freshOrder, '--key', otherKey, '--select', selection);
  check('make-request with a key that is not the policy\'s → exit 1 naming both',
    r.status === 1 && r.stderr.includes(otherKey) && r.stderr.includes(`does not belong to the public_key in ${policy}`) && !r.stdout, show(r));
  r = run('sign-order', freshOrder, '--key', otherKey, '--policy', policy);
  check('sign-order --policy with another shop\'s key → refused', r.status === 1 && /does not belong to the public_key/.test(r.stderr), show(r));
  r = run('publish-orders', join(tmp, 'order.json'), '--out', out, '--key', otherKey, '--policy', policy);
  check('publish-orders --policy with another shop\'s key → refused, nothing written', r.status === 1 && !existsSync(out), show(r));
  r = run('sign-order', freshOrder, '--key', secret, '--policy', policy);
  check('sign-order with the matching secret key → a link', r.status === 0 && /^link: \/returns\/#order=/m.test(r.stdout), show(r));
  writeFileSync(join(tmp, 'orders.json'), JSON.stringify({ orders: [JSON.parse(readFileSync(freshOrder, 'utf8'))] }));
  r = run('publish-orders', join(tmp, 'orders.json'), '--out', out, '--key', secret, '--policy', policy);
  check('publish-orders with the matching key → files', r.status === 0 && readdirSync(out).length === 1, show(r));

  // check-policy: the receiver fixture has English-only reasons.
  r = run('check-policy', policy);
  const warnings = r.stderr.split('\n').filter((l) => l.includes(': warning: '));
  check('check-policy warns per missing language with the pointer, and still passes',
    r.status === 0 && warnings.length === 3 * 4 &&
    r.stderr.includes(`${policy}: warning: /reasons/2/labels/da: reason "damaged" has no Dansk ("da") text`) &&
    /12 warnings/.test(r.stdout), show(r));
  const example = join(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '..', '..', 'web', 'policy.example.json');
  r = run('check-policy', example);
  check('the annotated example policy passes without warnings (every reason in every language)',
    r.status === 0 && !r.stderr.includes('warning'), show(r));
  const typo = policyWith((p) => { p.windows = { defaut_days: 30 }; p.lookup.mode = 'signed-link'; });
  r = run('check-policy', typo);
  check('check-policy suggests the key or word a typo meant',
    r.status === 1 && r.stderr.includes('/windows/defaut_days: unknown key; did you mean "default_days"?') &&
    r.stderr.includes('did you mean "signed_link"?'), show(r));

  // Every ISO 4217 currency and every tzdata zone; the rest refused with the pointer and
  // the nearest valid value; a fixed offset warned about.
  r = run('check-policy', policyWith((p) => { p.currency = 'XOF'; p.time_zone = 'Pacific/Chatham'; p.payout_unit = 5; }));
  check('check-policy accepts any ISO 4217 code and tzdata zone (XOF, Pacific/Chatham)',
    r.status === 0 && /XOF, Pacific\/Chatham/.test(r.stdout) && !r.stderr.includes('/time_zone'), show(r));
  r = run('check-policy', policyWith((p) => { p.currency = 'EURO'; p.time_zone = 'Europe/Berlim'; }));
  check('check-policy: unknown currency and zone → the pointers and what was meant', r.status === 1 &&
    r.stderr.includes('/currency: expected an ISO 4217 currency code such as "EUR" (three upper-case letters); did you mean "EUR"?') &&
    r.stderr.includes('/time_zone: expected an IANA time zone name such as "Europe/Berlin" or a fixed offset such as "+01:00"; did you mean "Europe/Berlin"?'),
    show(r));
  r = run('check-policy', policyWith((p) => { p.time_zone = '+01:00'; }));
  check('check-policy: a fixed offset passes with a warning that it ignores daylight saving', r.status === 0 &&
    r.stderr.includes(': warning: /time_zone: "+01:00" is a fixed offset and ignores daylight saving'), show(r));

  // set-policy: the webhook URL and the lookup mode from the shell.
  const editable = policyWith(() => {});
  r = run('set-policy', editable, 'webhook.url=https://hooks.nordwind.example/retour', 'lookup.mode=published', 'windows.default_days:=45');
  const edited = JSON.parse(readFileSync(editable, 'utf8'));
  check('set-policy sets strings and JSON values, keeps the rest and the key order',
    r.status === 0 && edited.webhook.url === 'https://hooks.nordwind.example/retour' && edited.lookup.mode === 'published' &&
    edited.windows.default_days === 45 && Object.keys(edited).join() === Object.keys(policyJson).join() &&
    edited.$comment === policyJson.$comment && run('check-policy', editable).status === 0, show(r));
  const before = readFileSync(editable, 'utf8');
  r = run('set-policy', editable, 'lookup.mode=everywhere');
  const r2 = run('set-policy', editable, 'webhok.url=https://x.example/');
  check('set-policy refuses a change that makes the policy invalid and leaves the file alone',
    r.status === 1 && r.stderr.includes('/lookup/mode: expected one of') && r2.status === 1 &&
    r2.stderr.includes('did you mean "webhook"?') && readFileSync(editable, 'utf8') === before, show(r) + show(r2));

  // Late requests: the grace period is a validated policy field that check-policy reports.
  r = run('check-policy', policyWith((p) => { p.webhook.late_grace_days = 91; }));
  check('check-policy: late_grace_days out of range → the pointer', r.status === 1 &&
    r.stderr.includes('/webhook/late_grace_days: expected a non-negative integer (at most 90)'), show(r));
  r = run('check-policy', policyWith((p) => { p.webhook.late_grace_days = 3; }));
  check('check-policy: the summary says how late a request may be', r.status === 0 && /late requests reviewed up to 3 days/.test(r.stdout), show(r));

  // Expiring links: "exp" (Unix seconds) inside the signed order.
  const payloadOf = (stdout) => JSON.parse(Buffer.from(/^token: ([^.\s]+)\./m.exec(stdout)[1], 'base64url').toString('utf8'));
  r = run('sign-order', freshOrder, '--key', secret, '--expires-in', '30d');
  const in30 = r.status === 0 ? payloadOf(r.stdout).exp - Math.floor(Date.now() / 1000) : NaN;
  check('sign-order --expires-in 30d → exp 30 days ahead in the signed order', Math.abs(in30 - 30 * 86400) < 120, show(r));
  r = run('sign-order', freshOrder, '--key', secret, '--expires', '2027-01-31');
  check('sign-order --expires DATE → the end of that day (UTC)', r.status === 0 && payloadOf(r.stdout).exp === Date.UTC(2027, 0, 31, 23, 59, 59) / 1000, show(r));
  r = run('sign-order', freshOrder, '--key', secret, '--expires-in', '30 days');
  check('sign-order --expires-in with a bad duration → usage error naming it', r.status !== 0 && /--expires-in: expected/.test(r.stderr), show(r));

  // --help and -h on every command `retour help` lists, and `retour help CMD`: the
  // command's usage on stdout, exit 0, nothing run.
  const listed = run('help').stdout.split('\n').map((l) => /^  ([a-z][a-z-]+) /.exec(l)?.[1]).filter(Boolean);
  const helpless = [];
  for (const cmd of listed)
    for (const args of [[cmd, '--help'], [cmd, '-h'], ['help', cmd], [cmd, '--policy', 'nowhere.json', '--help']]) {
      const h = run(...args);
      if (h.status !== 0 || !h.stdout.startsWith(`usage: retour ${cmd} `) || h.stderr) helpless.push(`${args.join(' ')}: ${show(h)}`);
    }
  check(`--help, -h and \`retour help CMD\` work on all ${listed.length} commands`, listed.length >= 14 && helpless.length === 0,
    helpless.slice(0, 3).join(' | '));
  r = run('help', 'no-such-command');
  check('retour help with an unknown command → exit 2 naming it', r.status === 2 && r.stderr.includes("unknown command 'no-such-command'"), show(r));

  // evaluate --locale: decisions and amounts as the portal shows them in each language.
  const nowIso = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
  const localOrder = (currency, unitPrice) => {
    const o = JSON.parse(readFileSync(freshOrder, 'utf8'));
    o.currency = currency;
    o.lines = [{ ...o.lines[0], unit_price: unitPrice, unit_tax: 0, exchange_variants: undefined }];
    const path = join(tmp, `order-${currency}.json`);
    writeFileSync(path, JSON.stringify(o));
    return path;
  };
  const oneLine = join(tmp, 'select-one.json');
  writeFileSync(oneLine, JSON.stringify({ lines: [{ line_id: 'L1', quantity: 1, reason: 'too_small', resolution: 'refund' }] }));
  const money = (p) => { delete p.fees; };
  const dkk = policyWith((p) => { money(p); p.currency = 'DKK'; });
  const idr = policyWith((p) => { money(p); p.currency = 'IDR'; p.payout_unit = 100; });
  const expected = {
    da: ['DKK', 100000, dkk, ['Kan returneres', '1.000,00 kr.', 'Refusion i alt: 1.000,00 kr.']],
    de: ['DKK', 100000, dkk, ['1.000,00 DKK']],
    nl: ['DKK', 100000, dkk, ['DKK 1.000,00']],
    en: ['DKK', 100000, dkk, ['Can be returned', 'DKK 1,000.00', 'Total refund: DKK 1,000.00']],
    id: ['IDR', 15000000, idr, ['Rp 150.000', 'Total pengembalian dana: Rp 150.000']],
  };
  for (const [tag, [currency, price, pol, texts]] of Object.entries(expected)) {
    r = run('evaluate', '--policy', pol, '--order', localOrder(currency, price), '--select', oneLine, '--now', nowIso, '--locale', tag);
    check(`evaluate --locale ${tag} prints ${texts.join(', ')}`, r.status === 0 && texts.every((t) => r.stdout.includes(t)) &&
      !r.stdout.trimStart().startsWith('{'), show(r));
  }
  r = run('evaluate', '--policy', dkk, '--order', localOrder('DKK', 100000), '--now', nowIso, '--locale', 'sv');
  check('evaluate --locale with a language the portal does not speak → usage error naming it', r.status === 2 &&
    r.stderr.includes('--locale: expected one of en, de, nl, da, id'), show(r));

  // Published files are padded: their sizes do not tell how many lines an order has.
  const base = JSON.parse(readFileSync(freshOrder, 'utf8'));
  const nine = { ...base, number: '#PAD-9', lines: Array.from({ length: 9 }, (_, i) => ({ ...base.lines[0], id: `P${i}`, title: `Padded item number ${i}` })) };
  const padded = join(tmp, 'padded');
  writeFileSync(join(tmp, 'pad-orders.json'), JSON.stringify({ orders: [{ ...base, number: '#PAD-1', lines: [base.lines[0]] }, nine] }));
  r = run('publish-orders', join(tmp, 'pad-orders.json'), '--out', padded, '--key', secret, '--policy', policy);
  const sizes = r.status === 0 ? readdirSync(padded).map((f) => readFileSync(join(padded, f)).length) : [];
  check('publish-orders: files of 1 and 9 lines have the same size (one bucket)',
    sizes.length === 2 && sizes[0] === sizes[1] && sizes[0] === 4 + 24 + 4096 + 16, `${show(r)} sizes ${sizes}`);

  // Shopify's order export: shipping and discounts come through, a bad order is named by
  // its CSV line and stops the run unless --skip-invalid publishes the valid rest.
  const here = import.meta.dirname ?? new URL('.', import.meta.url).pathname;
  const csv = join(here, '..', 'fixtures', 'orders', 'shopify_shipping_discounts.csv');
  r = run('publish-orders', csv, '--dry-run');
  const dry = r.stdout.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l));
  const o2001 = dry.find((o) => o.number === '#2001');
  check('publish-orders --dry-run: shipping and the order-level discount (Discount Amount − line discounts) are imported',
    o2001 && o2001.shipping.amount === 495 && o2001.discount === 1000 && o2001.lines[1].unit_price === 1750 &&
    dry.length === 2, show(r));
  check('publish-orders: two currencies in one order → an error naming both CSV lines',
    r.status === 1 && r.stderr.includes(`${csv} line 5: Currency USD differs from EUR on line 4`), show(r));
  check('publish-orders: a quantity of "2.5" is an error naming its line, never read as 2',
    r.stderr.includes(`${csv} line 6: Lineitem quantity "2.5" is not a whole number`) && !r.stdout.includes('#2003'), show(r));
  const strict = join(tmp, 'published-strict');
  r = run('publish-orders', csv, '--out', strict, '--key', secret, '--policy', policy);
  check('publish-orders: one bad order → nothing written, exit 1, the way out named',
    r.status === 1 && !existsSync(strict) && /nothing written \(2 problems in 2 orders; .*--skip-invalid/.test(r.stderr), show(r));
  r = run('publish-orders', csv, '--out', strict, '--key', secret, '--policy', policy, '--skip-invalid');
  check('publish-orders --skip-invalid: the two valid orders are published, the two bad ones reported',
    r.status === 0 && readdirSync(strict).length === 2 && /^2 orders published/.test(r.stdout) &&
    r.stderr.includes('2 invalid orders left out') && r.stderr.includes('line 5:'), show(r));
  const big = join(tmp, 'big-orders.json');
  writeFileSync(big, JSON.stringify({ orders: [{ ...base, number: '#BIG', lines: [{ ...base.lines[0], quantity: 10000, unit_price: 1000000000000 }] }] }));
  r = run('publish-orders', big, '--dry-run');
  check('publish-orders: an amount above 2^53 − 1 is refused with its pointer',
    r.status === 1 && r.stderr.includes('/0: /lines/0/unit_price: unit_price × quantity must be at most 9007199254740991'), show(r));
}
