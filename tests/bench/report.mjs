// Turns the parts tests/bench/run.sh measured (build/bench/parts/*.json, or *.na with
// the reason a part is missing) into one table on stdout and results.json.
// Every figure: the value (a median), its reference measured in the same run, the
// ratio, the goal and whether it is met.
// Usage: node report.mjs PARTS_DIR RESULTS_JSON
import fs from 'node:fs';
import path from 'node:path';

const [partsDir, resultsFile] = process.argv.slice(2);
const parts = {}, missing = {};
for (const f of fs.readdirSync(partsDir)) {
  const name = f.replace(/\.(json|na)$/, '');
  if (f.endsWith('.json')) parts[name] = JSON.parse(fs.readFileSync(path.join(partsDir, f), 'utf8'));
  if (f.endsWith('.na')) missing[name] = fs.readFileSync(path.join(partsDir, f), 'utf8').trim();
}
const na = (name) => `n/a (${missing[name] || 'not built yet'})`;

const figures = [];
// value/reference: numbers or null; goal: text; met: true/false/null (no goal).
function figure(group, name, unit, value, reference, referenceName, goal = '', met = null, note = '') {
  const ratio = value != null && reference ? value / reference : null;
  figures.push({ group, name, unit, value, reference, reference_name: referenceName, ratio, goal, met, note });
}
function unavailable(group, name, why) {
  figures.push({ group, name, unit: '', value: null, reference: null, reference_name: '', ratio: null, goal: '', met: null, note: why });
}

// --- bytes over the wire ------------------------------------------------------
const b = parts.browser;
if (b) {
  const kb = (n) => n / 1024;
  const hello = b.bytes.hello.total;
  for (const f of b.bytes.portal.files) {
    figure('bytes (first visit)', f.name, 'KB raw/gz/br', null, null, '', '', null,
      `${kb(f.raw).toFixed(1)} / ${kb(f.gzip).toFixed(1)} / ${kb(f.brotli).toFixed(1)}`);
  }
  for (const kind of ['raw', 'gzip', 'brotli']) {
    const v = kb(b.bytes.portal.total[kind]);
    const r = kb(hello[kind]);
    if (kind === 'brotli') figure('bytes (first visit)', `total ${kind}`, 'KB', v, r, 'hello page', '≤ 250 KB and ≤ 2× floor', v <= 250 && v / r <= 2);
    else figure('bytes (first visit)', `total ${kind}`, 'KB', v, r, 'hello page');
  }
  if (b.bytes.portal.total.served !== undefined) {
    const v = kb(b.bytes.portal.total.served);
    figure('bytes (first visit)', 'total as `retour serve` sends it', 'KB', v, kb(hello.brotli), 'hello page, brotli',
      '≤ 250 KB', v <= 250, b.bytes.portal.files.map((f) => `${f.name}: ${f.served_encoding}`).join(', '));
  }
  figure('browser', 'time to first frame (median)', 'ms', b.first_frame_ms.portal_median, b.first_frame_ms.hello_median,
    'hello page', '≤ 1.5× floor', b.first_frame_ms.portal_median / b.first_frame_ms.hello_median <= 1.5, `${b.runs} interleaved runs each`);
  const i = b.interaction;
  figure('browser', 'idle frames in 5 s', 'frames', i.portal.idle_frames_5s, i.hello.idle_frames_5s, 'hello page', '0–2',
    i.portal.idle_frames_5s <= 2);
  figure('browser', 'main-thread CPU per frame, interacting', 'ms', i.portal.cpu_ms_per_frame, i.hello.cpu_ms_per_frame,
    'hello page', '', null, `${i.portal.interaction_frames} vs ${i.hello.interaction_frames} frames in 3 s of mouse moves`);
} else {
  unavailable('bytes (first visit)', 'total brotli', na('browser'));
  unavailable('browser', 'time to first frame', na('browser'));
  unavailable('browser', 'idle frames / CPU per frame', na('browser'));
}

// --- core throughput and labels: wasm vs native ---------------------------------
const cn = parts['core-native'], cw = parts['core-wasm'];
if (cn) figure('core', 'evaluate+quote, native', 'orders/s', cn.throughput.orders_per_s, null, '', '', null,
  `${cn.throughput.orders} orders, median of ${cn.throughput.runs}`);
else unavailable('core', 'evaluate+quote, native', na('core-native'));
if (cw && cn) {
  const same = cw.throughput.checksum === cn.throughput.checksum && cw.throughput.quotes_ok === cn.throughput.quotes_ok;
  // Slowdown: native rate / wasm rate, so the goal reads "≤ 1.5×".
  figures.push({ group: 'core', name: 'evaluate+quote, wasm (node)', unit: 'orders/s', value: cw.throughput.orders_per_s,
    reference: cn.throughput.orders_per_s, reference_name: 'native', ratio: cn.throughput.orders_per_s / cw.throughput.orders_per_s,
    goal: 'native/wasm ≤ 1.5×', met: cn.throughput.orders_per_s / cw.throughput.orders_per_s <= 1.5,
    note: same ? 'same results as native' : 'RESULTS DIFFER FROM NATIVE' });
} else unavailable('core', 'evaluate+quote, wasm (node)', cw ? na('core-native') : na('core-wasm'));
// How cost grows (issue "Faster and smaller": linear or better). Each point is compared with
// the one before it: 10× the lines or rules may cost at most 10× (20% allowed for noise).
for (const [build, part] of [['native', cn], ['wasm', cw]]) {
  if (!part || !part.growth) { unavailable('core growth', `evaluate+quote, ${build}`, na(`core-${build}`)); continue; }
  for (const [curve, unit] of [['lines', 'lines per order'], ['rules', 'rules in the policy']]) {
    const points = part.growth[curve];
    points.forEach((pt, i) => {
      const prev = points[i - 1];
      const size = pt[curve], grown = prev ? size / prev[curve] : null;
      figure('core growth', `${build}: ${size} ${unit}`, 'µs/order', pt.us_per_order, prev ? prev.us_per_order : null,
        prev ? `${prev[curve]} ${curve}` : '', prev ? `≤ ${grown}× (linear)` : '', prev ? pt.us_per_order / prev.us_per_order <= grown * 1.2 : null);
    });
  }
}
for (const fmt of ['pdf', 'svg', 'zpl']) {
  const n = cn && cn.labels[fmt], w = cw && cw.labels[fmt];
  if (n && w) figure('labels 4x6', `${fmt}: ms per label, wasm`, 'ms', w.ms, n.ms, 'native', '', null,
    `${w.bytes} bytes (native ${n.bytes})`);
  else if (n) figure('labels 4x6', `${fmt}: ms per label, native`, 'ms', n.ms, null, '', '', null, `${n.bytes} bytes; wasm ${na('core-wasm')}`);
  else unavailable('labels 4x6', fmt, na('core-native'));
}

// --- receiver -------------------------------------------------------------------
// Goals of the issue "Faster and smaller": verified and durably stored, rate limit off.
const RECEIVER_GOALS = { 8: { rps: 3000, p99: 20 }, 64: { rps: 1500, p99: 100 } };
for (const [clients, goal] of Object.entries(RECEIVER_GOALS)) {
  const rc = parts[`receiver-${clients}`];
  if (!rc) { unavailable('receiver', `${clients} clients: requests/s, p50/p99`, na(`receiver-${clients}`)); continue; }
  figure('receiver', `verified posts, ${rc.clients} clients`, 'req/s', rc.requests_per_s, null, '', `≥ ${goal.rps}/s`,
    rc.requests_per_s >= goal.rps,
    `${rc.requests} posts in ${rc.seconds.toFixed(1)} s: ${Object.entries(rc.answers).map(([k, n]) => `${n}× ${k}`).join(', ')}`);
  figure('receiver', `latency p50, ${rc.clients} clients`, 'ms', rc.p50_ms, null, '');
  figure('receiver', `latency p99, ${rc.clients} clients`, 'ms', rc.p99_ms, null, '', `≤ ${goal.p99} ms`, rc.p99_ms <= goal.p99,
    `max ${rc.max_ms.toFixed(1)} ms`);
}

// --- print ------------------------------------------------------------------------
const fmt = (v) => (v == null ? '' : Math.abs(v) >= 100 ? v.toFixed(0) : v.toFixed(2));
const rows = [['group', 'figure', 'value', 'reference', 'ratio', 'goal', 'met', 'note']];
for (const f of figures) {
  rows.push([f.group, f.name, f.value == null ? '' : `${fmt(f.value)} ${f.unit}`,
    f.reference == null ? '' : `${fmt(f.reference)} ${f.unit} (${f.reference_name})`, f.ratio == null ? '' : `${f.ratio.toFixed(2)}×`,
    f.goal, f.met == null ? '' : f.met ? 'yes' : 'NO', f.note]);
}
const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
for (const r of rows) console.log(r.map((cell, c) => cell.padEnd(widths[c])).join('  ').trimEnd());
fs.writeFileSync(resultsFile, JSON.stringify({ figures, parts, missing }, null, 1) + '\n');
console.log(`\nwritten: ${resultsFile}`);
