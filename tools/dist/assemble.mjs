// Assembles two folders from web/ and the wasm build:
//  --out (build/dist): what a merchant uploads. The app's files get content-hashed
//    names (cache them forever); embed.js and index.html keep their names (the small,
//    uncached entry points) and embed.js learns the hashed names; sw.js learns what to
//    precache; the policy schema and the annotated example policy. No demo.
//  --demo-out (default: demo-dist beside --out): the same portal plus everything that is only for
//    trying it: demo/ (demo policy and orders, for `?demo` and `retour demo`),
//    examples/ (a storefront embedding it) and retour-demo.html, the whole portal with
//    the demo data inlined, for file:// and no network.
// Both folders carry .br and .gz siblings of every text-like file (and the wasm and font),
// for servers that send precompressed files (`retour serve`/`retour demo`, nginx's
// gzip_static/brotli_static, S3/CloudFront with Content-Encoding metadata).
// Usage: node assemble.mjs --web DIR --wasm DIR --font FILE --out DIR [--demo-out DIR]
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const args = {};
for (let i = 2; i < process.argv.length; i += 2) args[process.argv[i].replace(/^--/, '')] = process.argv[i + 1];
for (const k of ['web', 'wasm', 'font', 'out']) if (!args[k]) throw new Error(`missing --${k}`);

// Only for the demo folder; the deploy folder never holds these.
const DEMO_ONLY = ['demo', 'examples'];

const out = path.resolve(args.out);
const tmp = out + '.tmp';
fs.rmSync(tmp, { recursive: true, force: true });
fs.mkdirSync(tmp, { recursive: true });

const PROCESSED = new Set(['embed.js', 'sw.js', 'platform.js', 'index.html']);
fs.cpSync(args.web, tmp, {
  recursive: true,
  filter: (src) => {
    const rel = path.relative(args.web, src);
    return !PROCESSED.has(rel) && !DEMO_ONLY.includes(rel.split(path.sep)[0]);
  },
});

const sources = {
  'platform.js': path.join(args.web, 'platform.js'),
  'retour.js': path.join(args.wasm, 'retour.js'),
  'retour.wasm': path.join(args.wasm, 'retour.wasm'),
  'retour-sans.ttf': args.font,
};
const bytes = {};
const manifest = {};
for (const [name, src] of Object.entries(sources)) {
  bytes[name] = fs.readFileSync(src);
  const hash = crypto.createHash('sha256').update(bytes[name]).digest('hex').slice(0, 12);
  const ext = path.extname(name);
  manifest[name] = `${name.slice(0, -ext.length)}.${hash}${ext}`;
  fs.writeFileSync(path.join(tmp, manifest[name]), bytes[name]);
}

function replaceMarker(text, marker, value) {
  const re = new RegExp(`/\\*${marker}\\*/[\\s\\S]*?/\\*END_${marker}\\*/`);
  if (!re.test(text)) throw new Error(`marker ${marker} not found`);
  return text.replace(re, value);
}

const embed = replaceMarker(fs.readFileSync(path.join(args.web, 'embed.js'), 'utf8'), 'RETOUR_MANIFEST', JSON.stringify(manifest));
fs.writeFileSync(path.join(tmp, 'embed.js'), embed);
fs.copyFileSync(path.join(args.web, 'index.html'), path.join(tmp, 'index.html'));

// The service worker precaches the app and, in the demo folder, the demo data too.
const swSource = fs.readFileSync(path.join(args.web, 'sw.js'), 'utf8');
function writeServiceWorker(dir, extra) {
  const precache = ['./', 'index.html', 'embed.js', ...Object.values(manifest), ...extra];
  const version = crypto.createHash('sha256').update(JSON.stringify(precache)).update(embed).digest('hex').slice(0, 12);
  const sw = replaceMarker(swSource, 'RETOUR_PRECACHE', JSON.stringify(precache)).replace('/*RETOUR_VERSION*/', version);
  fs.writeFileSync(path.join(dir, 'sw.js'), sw);
}
writeServiceWorker(tmp, []);

function publish(from, to) {
  fs.rmSync(to, { recursive: true, force: true });
  fs.renameSync(from, to);
}

// --- the demo folder: the deploy folder plus demo data, examples, single file ----
const demoOut = path.resolve(args['demo-out'] || path.join(path.dirname(out), 'demo-dist'));
const demoTmp = demoOut + '.tmp';
fs.rmSync(demoTmp, { recursive: true, force: true });
fs.cpSync(tmp, demoTmp, { recursive: true });
for (const dir of DEMO_ONLY)
  if (fs.existsSync(path.join(args.web, dir))) fs.cpSync(path.join(args.web, dir), path.join(demoTmp, dir), { recursive: true });
const demoFiles = fs.existsSync(path.join(args.web, 'demo'))
  ? fs.readdirSync(path.join(args.web, 'demo')).filter((f) => f.endsWith('.json')).map((f) => 'demo/' + f) : [];
writeServiceWorker(demoTmp, demoFiles);

// --- the single-file demo -----------------------------------------------------
// Everything the demo fetches is inlined; the page opens from disk with no network.
const inline = { 'retour-sans.ttf': bytes['retour-sans.ttf'] };
const demoDir = path.join(args.web, 'demo');
if (fs.existsSync(demoDir)) {
  for (const f of fs.readdirSync(demoDir, { recursive: true })) {
    const full = path.join(demoDir, f);
    if (fs.statSync(full).isFile()) inline['demo/' + f.split(path.sep).join('/')] = fs.readFileSync(full);
  }
}
const b64 = (buf) => Buffer.from(buf).toString('base64');
const inlineJs = '{' + Object.entries(inline).map(([k, v]) => `${JSON.stringify(k)}:unpack(${JSON.stringify(b64(v))})`).join(',') + '}';
const safeScript = (js) => js.replace(/<\/script/gi, '<\\/script');
const demoHtml = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
<title>Retour demo – start a return</title>
<link rel="icon" href="data:,">
<style>html,body{margin:0;height:100%;background:#F7F7F5}#portal{position:fixed;inset:0}</style>
</head>
<body>
<div id="portal"></div>
<noscript>The return portal needs JavaScript.</noscript>
<script>${safeScript(bytes['platform.js'].toString('utf8'))}</script>
<script>${safeScript(bytes['retour.js'].toString('utf8'))}</script>
<script>
(function () {
  function unpack(s) { var b = atob(s), a = new Uint8Array(b.length); for (var i = 0; i < b.length; i++) a[i] = b.charCodeAt(i); return a; }
  var options = { demo: 'true', offline: false, inline: ${inlineJs}, wasmBinary: unpack(${JSON.stringify(b64(bytes['retour.wasm']))}) };
  RetourPlatform.start(document.getElementById('portal'), options).then(function (portal) { window.retour = portal; });
})();
</script>
</body>
</html>
`;
fs.writeFileSync(path.join(demoTmp, 'retour-demo.html'), demoHtml);

// --- precompressed siblings --------------------------------------------------
// Maximum effort, since it is spent once at build time and saved on every visit. Only
// written when smaller; identical files (both folders share most) are compressed once.
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.wasm', '.ttf', '.svg', '.txt', '.webmanifest']);
const compressed = new Map();
function addCompressedSiblings(dir) {
  for (const rel of fs.readdirSync(dir, { recursive: true })) {
    const file = path.join(dir, rel);
    if (!COMPRESSIBLE.has(path.extname(file)) || !fs.statSync(file).isFile()) continue;
    const data = fs.readFileSync(file);
    if (data.length < 1024) continue;
    const key = crypto.createHash('sha256').update(data).digest('hex');
    if (!compressed.has(key)) {
      compressed.set(key, {
        br: zlib.brotliCompressSync(data, { params: {
          [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
          [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length,
          [zlib.constants.BROTLI_PARAM_MODE]: /\.(wasm|ttf)$/.test(file) ? zlib.constants.BROTLI_MODE_GENERIC
            : zlib.constants.BROTLI_MODE_TEXT } }),
        gz: zlib.gzipSync(data, { level: zlib.constants.Z_BEST_COMPRESSION }),
      });
    }
    for (const [ext, packed] of Object.entries(compressed.get(key)))
      if (packed.length < data.length) fs.writeFileSync(`${file}.${ext}`, packed);
  }
}
addCompressedSiblings(tmp);
addCompressedSiblings(demoTmp);

publish(tmp, out);
publish(demoTmp, demoOut);
console.log(`dist: ${Object.values(manifest).join(', ')}; demo: demo/, examples/, retour-demo.html (${Math.round(demoHtml.length / 1024)} KB)`);
