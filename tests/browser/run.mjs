// Browser tests: the built portal in Debian's headless Chromium, driven by
// playwright-core. Every file in suites/ registers its tests; they run in order.
// Usage: node run.mjs --dist DIR [--demo DIR] --out DIR [--only TEXT]
//   --dist  the deploy folder (build/dist): suites get it as `deploy`.
//   --demo  the demo folder (default: demo-dist beside --dist), the same portal plus
//           demo data and examples. Most suites drive the portal with the demo orders,
//           so it is what they serve: suites get it as `dist` (and `server` serves it).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { launch, loadPlaywright, makeRunner, parseArgs, serveStatic } from './harness.mjs';

const args = parseArgs(process.argv);
const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '../..');
const deploy = path.resolve(args.dist || path.join(ROOT, 'build/dist'));
const dist = path.resolve(args.demo || path.join(path.dirname(deploy), 'demo-dist'));
const out = path.resolve(args.out || path.join(ROOT, 'build/screenshots'));
fs.mkdirSync(out, { recursive: true });

const playwright = loadPlaywright(path.join(ROOT, '.deps'));
const server = await serveStatic(dist);
const browser = await launch(playwright);
const { test, run } = makeRunner();

const context = { test, browser, server, dist, deploy, out, root: ROOT, playwright };
for (const file of fs.readdirSync(path.join(HERE, 'suites')).filter((f) => f.endsWith('.mjs')).sort()) {
  const mod = await import(pathToFileURL(path.join(HERE, 'suites', file)));
  await mod.default(context);
}

const ok = await run(args.only);
await browser.close();
server.close();
process.exit(ok ? 0 : 1);
