// The two folders the build makes (issue 11, item 17): the deploy folder a merchant
// uploads holds the portal and nothing for trying it; the demo folder holds the same
// portal (byte for byte) plus the demo data, the example storefront and the
// single-file demo. `retour demo` refuses the deploy folder with a reason.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { assert } from '../harness.mjs';

const DEMO_ONLY = /^(demo|examples)(\/|$)|^retour-demo\.html$/;

function files(dir) {
  return fs.readdirSync(dir, { recursive: true })
    .map((f) => f.split(path.sep).join('/'))
    .filter((f) => fs.statSync(path.join(dir, f)).isFile())
    .sort();
}

function precacheOf(dir) {
  const sw = fs.readFileSync(path.join(dir, 'sw.js'), 'utf8');
  return JSON.parse(sw.match(/const PRECACHE = (\[.*?\]);/)[1]);
}

export default function register({ test, deploy, dist, root }) {
  test('the deploy folder holds no demo file, and its service worker precaches none', async () => {
    const shipped = files(deploy);
    assert(shipped.includes('embed.js') && shipped.includes('index.html') && shipped.includes('sw.js'),
      `the portal is there: ${shipped.join(', ')}`);
    const demo = shipped.filter((f) => DEMO_ONLY.test(f));
    assert(demo.length === 0, `demo files in ${deploy}: ${demo.join(', ')}`);
    const cached = precacheOf(deploy).filter((f) => DEMO_ONLY.test(f));
    assert(cached.length === 0, `sw.js precaches demo files: ${cached.join(', ')}`);
    // Compared without the precompressed copies (.br/.gz of the same files, never all sent).
    const bytes = shipped.filter((f) => !/\.(br|gz)$/.test(f)).reduce((n, f) => n + fs.statSync(path.join(deploy, f)).size, 0);
    const single = fs.statSync(path.join(dist, 'retour-demo.html')).size;
    assert(bytes < single, `the deploy folder (${bytes} B without .br/.gz) is smaller than the single-file demo alone (${single} B)`);
    for (const f of shipped.filter((f) => /\.(js|wasm|ttf)$/.test(f)))
      for (const sibling of [`${f}.br`, `${f}.gz`])
        assert(shipped.includes(sibling), `${sibling} is there for hosts that send precompressed files`);
    assert(!precacheOf(deploy).some((f) => /\.(br|gz)$/.test(f)), 'sw.js precaches no .br/.gz copy (the browser decodes)');
  });

  test('the demo folder is the same portal plus demo data, examples and the single-file demo', async () => {
    const demo = files(dist);
    for (const f of ['demo/policy.json', 'demo/orders.json', 'examples/storefront.html', 'retour-demo.html'])
      assert(demo.includes(f), `${f} is in the demo folder`);
    for (const f of files(deploy).filter((f) => !/^sw\.js(\.br|\.gz)?$/.test(f))) {
      assert(demo.includes(f), `${f} is in the demo folder too`);
      assert(fs.readFileSync(path.join(deploy, f)).equals(fs.readFileSync(path.join(dist, f))), `${f} is the same in both`);
    }
    const cached = precacheOf(dist);
    assert(cached.includes('demo/policy.json') && cached.includes('demo/orders.json'), `demo data precached: ${cached}`);
  });

  test('retour demo refuses the deploy folder and names the demo folder', async () => {
    const retour = path.join(root, 'build/native/tools/retour');
    const run = spawnSync(retour, ['demo', '--dist', deploy, '--data', path.join(deploy, '..', 'never-made'), '--port', '1'],
      { encoding: 'utf8', timeout: 10000 });
    assert(run.status !== 0, `exit status ${run.status}`);
    assert(/no demo data/.test(run.stderr) && /demo-dist/.test(run.stderr), `a reason: ${run.stderr}`);
    assert(!fs.existsSync(path.join(deploy, '..', 'never-made')), 'no data folder made for a refused run');
  });
}
