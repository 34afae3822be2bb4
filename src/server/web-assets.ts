// The built web interface (dist/web: index.html, app.js, app.css and their .gz), held in memory
// and served with caching headers. The files are small (tens of KB), so reading them once at
// startup is simpler and faster than a static file server.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface WebAsset {
  body: Buffer;
  gzip: Buffer | null;
  type: string;
}

export interface WebAssets {
  index: WebAsset;
  /** By file name under /assets/. */
  files: Map<string, WebAsset>;
}

/** dist/web beside dist/server (this file compiles to dist/server/web-assets.js). */
export const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../web/', import.meta.url));

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

function readAsset(file: string): WebAsset {
  const gzFile = file + '.gz';
  return {
    body: fs.readFileSync(file),
    gzip: fs.existsSync(gzFile) ? fs.readFileSync(gzFile) : null,
    type: TYPES[path.extname(file)] ?? 'application/octet-stream',
  };
}

/** Loads the built interface, or null when it has not been built (`npm run build:web`). */
export function loadWebAssets(root: string = DEFAULT_WEB_ROOT): WebAssets | null {
  const indexFile = path.join(root, 'index.html');
  if (!fs.existsSync(indexFile)) return null;
  const files = new Map<string, WebAsset>();
  const assetsDir = path.join(root, 'assets');
  if (fs.existsSync(assetsDir))
    for (const name of fs.readdirSync(assetsDir))
      if (!name.endsWith('.gz')) files.set(name, readAsset(path.join(assetsDir, name)));
  return { index: readAsset(indexFile), files };
}
