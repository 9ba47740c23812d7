// `retour serve` (and `retour demo`, same code): precompressed siblings and caching.
// Raw node:http, so what the server sent is what is checked (fetch would decompress).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import { join } from 'node:path';
import zlib from 'node:zlib';

function get(port, path, acceptEncoding) {
  return new Promise((resolve, reject) => {
    const headers = acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding };
    http.get({ host: '127.0.0.1', port, path, headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

function startServe(retour, root) {
  return new Promise((resolve, reject) => {
    const child = spawn(retour, ['serve', '--root', root, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const timer = setTimeout(() => reject(new Error('retour serve did not start within 10 s')), 10_000);
    child.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/at http:\/\/127\.0\.0\.1:(\d+)\//);
      if (m) { clearTimeout(timer); resolve({ child, port: Number(m[1]) }); }
    });
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`retour serve exited with ${code}: ${out}`)); });
  });
}

export async function serveChecks({ retour, tmp, check }) {
  const root = join(tmp, 'served');
  fs.mkdirSync(root, { recursive: true });
  const app = Buffer.from('console.log("retour");\n'.repeat(200));
  const hashed = 'retour.0123456789ab.js';
  fs.writeFileSync(join(root, hashed), app);
  fs.writeFileSync(join(root, hashed + '.br'), zlib.brotliCompressSync(app));
  fs.writeFileSync(join(root, hashed + '.gz'), zlib.gzipSync(app));
  const page = Buffer.from('<!doctype html><title>x</title>\n'.repeat(50));
  fs.writeFileSync(join(root, 'index.html'), page);
  fs.writeFileSync(join(root, 'index.html.gz'), zlib.gzipSync(page));
  fs.writeFileSync(join(root, 'plain.json'), '{"a":1}');

  const serve = await startServe(retour, root);
  try {
    const br = await get(serve.port, '/' + hashed, 'gzip, deflate, br');
    check('serve: a client taking br gets the .br sibling, Content-Encoding br, Vary, the original type',
      br.status === 200 && br.headers['content-encoding'] === 'br' && /accept-encoding/i.test(br.headers.vary ?? '') &&
      br.headers['content-type'] === 'text/javascript' && zlib.brotliDecompressSync(br.body).equals(app),
      JSON.stringify(br.headers));
    check('serve: a content-hashed file is cacheable for a year (immutable)',
      br.headers['cache-control'] === 'public, max-age=31536000, immutable', br.headers['cache-control']);
    const gz = await get(serve.port, '/' + hashed, 'gzip;q=1, br;q=0');
    check('serve: br;q=0 is a refusal: the gzip sibling instead',
      gz.headers['content-encoding'] === 'gzip' && zlib.gunzipSync(gz.body).equals(app), JSON.stringify(gz.headers));
    const plain = await get(serve.port, '/' + hashed);
    check('serve: no Accept-Encoding → the file itself, unencoded',
      plain.headers['content-encoding'] === undefined && plain.body.equals(app), JSON.stringify(plain.headers));
    const index = await get(serve.port, '/', 'br, gzip');
    check('serve: "/" is index.html, from its only sibling (.gz), and is revalidated every time (no-cache)',
      index.headers['content-encoding'] === 'gzip' && zlib.gunzipSync(index.body).equals(page) &&
      index.headers['cache-control'] === 'no-cache', JSON.stringify(index.headers));
    const small = await get(serve.port, '/plain.json', 'br, gzip');
    check('serve: a file without siblings is sent as it is, without Vary',
      small.headers['content-encoding'] === undefined && small.headers.vary === undefined && small.body.toString() === '{"a":1}',
      JSON.stringify(small.headers));
  } finally {
    serve.child.kill('SIGTERM');
  }
}
