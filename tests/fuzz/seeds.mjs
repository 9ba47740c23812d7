// Fills build/sanitize/corpus/<target>/ with seeds from the test fixtures (scenario files
// expanded the way scenario_test.cpp does: a merge patch over the base documents)
// and the committed regression inputs in tests/fuzz/regressions/<target>/.
// Usage: node seeds.mjs ROOT CORPUS_DIR
import fs from 'node:fs';
import path from 'node:path';

const [root, corpus] = process.argv.slice(2);
const fixtures = path.join(root, 'tests/fixtures');
const read = (rel) => fs.readFileSync(path.join(fixtures, rel), 'utf8');
const list = (rel) => (fs.existsSync(path.join(fixtures, rel)) ? fs.readdirSync(path.join(fixtures, rel)) : [])
  .filter((f) => f.endsWith('.json')).map((f) => path.join(rel, f));

let written = 0;
function seed(target, name, bytes) {
  const dir = path.join(corpus, target);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, name.replace(/[^A-Za-z0-9._-]/g, '_')), bytes);
  written++;
}

// RFC 7386, as nlohmann::json::merge_patch.
function mergePatch(target, patch) {
  if (patch === null || typeof patch !== 'object' || Array.isArray(patch)) return patch;
  const out = target !== null && typeof target === 'object' && !Array.isArray(target) ? { ...target } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k]; else out[k] = mergePatch(out[k], v);
  }
  return out;
}

const basePolicy = JSON.parse(read('policy/base.json'));
const baseOrder = JSON.parse(read('orders/base.json'));

for (const f of [...list('policy'), ...list('labels').filter((f) => f.includes('policy')), 'receiver/policy.json']) {
  seed('fuzz_policy', f, read(f));
}
const example = path.join(root, 'web/policy.example.json');
if (fs.existsSync(example)) seed('fuzz_policy', 'policy.example.json', fs.readFileSync(example));

for (const f of [...list('orders'), 'receiver/order.json']) seed('fuzz_order', f, read(f));

// fuzz_order_import: first byte even = Shopify CSV, odd = our JSON (an array of orders).
for (const f of fs.readdirSync(path.join(fixtures, 'receiver')).filter((f) => f.endsWith('.csv'))) {
  seed('fuzz_order_import', f, Buffer.concat([Buffer.from([0]), fs.readFileSync(path.join(fixtures, 'receiver', f))]));
}
seed('fuzz_order_import', 'orders.json', '\x01' + JSON.stringify([JSON.parse(read('receiver/order.json')),
  { order: JSON.parse(read('orders/base.json')), postcode: '10115' }]));

for (const f of list('scenarios')) {
  const s = JSON.parse(read(f));
  const name = path.basename(f);
  if (s.policy_patch) seed('fuzz_policy', name, JSON.stringify(mergePatch(basePolicy, s.policy_patch)));
  if (s.order) seed('fuzz_order', name, JSON.stringify(mergePatch(baseOrder, s.order)));
}

list('labels').filter((f) => f.includes('request')).forEach((f, i) => {
  const text = read(f);
  seed('fuzz_return_request', f, text);
  seed('fuzz_label', f, Buffer.concat([Buffer.from([i]), Buffer.from(text)]));
  const data = JSON.parse(text);
  seed('fuzz_webhook', f, JSON.stringify({ id: data.id, type: 'return.requested', created_at: data.created_at, data }));
});

// Committed inputs that once broke something: always part of the corpus.
const regressions = path.join(root, 'tests/fuzz/regressions');
if (fs.existsSync(regressions)) {
  for (const target of fs.readdirSync(regressions)) {
    if (!fs.statSync(path.join(regressions, target)).isDirectory()) continue;  // README.md
    for (const f of fs.readdirSync(path.join(regressions, target))) {
      seed(target, 'regression-' + f, fs.readFileSync(path.join(regressions, target, f)));
    }
  }
}
console.log(`seeds: ${written} files from fixtures and regressions`);
