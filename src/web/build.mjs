// Builds the web interface: src/web/main.ts (+ CSS, uPlot) → dist/web/assets/app.{js,css} with
// gzip copies, and dist/web/index.html with content hashes in the asset URLs (long caching).
// Run by `npm run build` after tsc; alone: `npm run build:web`. Prints the gzipped sizes.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const out = path.join(root, 'dist/web');
const assets = path.join(out, 'assets');

fs.rmSync(out, { recursive: true, force: true });
fs.mkdirSync(assets, { recursive: true });

await build({
  entryPoints: { app: path.join(here, 'main.ts') },
  outdir: assets,
  bundle: true,
  minify: true,
  format: 'esm',
  target: ['es2020', 'chrome100', 'firefox100', 'safari15'],
  legalComments: 'none',
  logLevel: 'warning',
  charset: 'utf8',
});

const hash = (file) => createHash('sha256').update(fs.readFileSync(file)).digest('hex').slice(0, 12);
const sizes = {};
for (const name of ['app.js', 'app.css']) {
  const file = path.join(assets, name);
  const gz = gzipSync(fs.readFileSync(file), { level: 9 });
  fs.writeFileSync(file + '.gz', gz);
  sizes[name] = { bytes: fs.statSync(file).size, gzip: gz.length };
}
const html = fs
  .readFileSync(path.join(here, 'index.html'), 'utf8')
  .replace('__JS_HASH__', hash(path.join(assets, 'app.js')))
  .replace('__CSS_HASH__', hash(path.join(assets, 'app.css')));
fs.writeFileSync(path.join(out, 'index.html'), html);
fs.writeFileSync(path.join(out, 'index.html.gz'), gzipSync(html, { level: 9 }));

const total = sizes['app.js'].gzip + sizes['app.css'].gzip;
process.stdout.write(
  `web: dist/web/assets/app.js ${(sizes['app.js'].bytes / 1024).toFixed(1)} KB (${(sizes['app.js'].gzip / 1024).toFixed(1)} KB gzip), ` +
    `app.css ${(sizes['app.css'].bytes / 1024).toFixed(1)} KB (${(sizes['app.css'].gzip / 1024).toFixed(1)} KB gzip); JS+CSS gzip ${(total / 1024).toFixed(1)} KB\n`,
);
