// Files and folders: walking, and reading each file by its kind.
//   .jsonl .ndjson            records, one per line (streamed)
//   .json                     one record or an array of records
//   .html .htm .xhtml         a page (HTML extractor)
//   .txt .text .md            scraped page text (page parser)
//   .rss .atom .xml           a feed file (items as for a feed URL)
//   anything else             sniffed: feed, HTML, else text; binary files are refused
//   any of these + .gz        decompressed on the fly; a corrupt gzip is one reject for that file
import { createReadStream, promises as fsp } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGunzip, gunzipSync } from 'node:zlib';
import { InputError } from '../../analysis/errors.js';
import { MAX_INPUT_BYTES } from '../../analysis/input.js';
import { decodeBytes } from '../../page/decode.js';
import { looksLikeHtml } from '../../page/detect.js';
import { rawHash } from '../../dedup/hash.js';
import { recordToEvent } from '../records.js';
import type { SourceReject } from '../types.js';
import type { ReadEvent, SourceContext } from './context.js';
import { splitLines } from './lines.js';
import { looksLikeFeed, parseFeed } from './feed.js';
import { feedItemEvents } from './web.js';

/** A JSONL line longer than this is refused (a record is at most MAX_INPUT_CHARS characters; with
 *  UTF-8 and JSON escapes that is well under 64 MB). */
export const MAX_LINE_BYTES = 64 * 1024 * 1024;
/** A .json file (one document) larger than this is refused: use JSONL for big collections. */
export const MAX_JSON_FILE_BYTES = 256 * 1024 * 1024;

export type FileKind = 'jsonl' | 'json' | 'html' | 'text' | 'feed' | 'sniff';

export interface PlannedFile {
  path: string;
  size: number;
  gzip: boolean;
  kind: FileKind;
}

/** The kind of a file from its name (after a .gz suffix). */
export function fileKind(name: string): { kind: FileKind; gzip: boolean } {
  let n = name.toLowerCase();
  const gzip = n.endsWith('.gz');
  if (gzip) n = n.slice(0, -3);
  const ext = /\.([a-z0-9]+)$/.exec(n)?.[1] ?? '';
  const kind: FileKind =
    ext === 'jsonl' || ext === 'ndjson'
      ? 'jsonl'
      : ext === 'json'
        ? 'json'
        : ext === 'html' || ext === 'htm' || ext === 'xhtml'
          ? 'html'
          : ext === 'txt' || ext === 'text' || ext === 'md'
            ? 'text'
            : ext === 'rss' || ext === 'atom' || ext === 'xml'
              ? 'feed'
              : 'sniff';
  return { kind, gzip };
}

const reject = (
  origin: string,
  code: SourceReject['code'],
  reason: string,
  sourceId: string | null = null,
): SourceReject => ({
  kind: 'reject',
  origin,
  sourceId,
  code,
  reason,
});

/** Walks the given paths: files as they are, folders recursively in name order. Hidden entries
 *  (.name) inside folders are skipped and counted; unreadable paths become rejects. */
export async function planFiles(
  paths: string[],
  onHidden: (path: string) => void,
): Promise<{ files: PlannedFile[]; rejects: SourceReject[] }> {
  const files: PlannedFile[] = [];
  const rejects: SourceReject[] = [];
  const visited = new Set<string>(); // real paths of folders, against symlink loops
  const visit = async (path: string, top: boolean): Promise<void> => {
    let st;
    try {
      st = await fsp.stat(path);
    } catch (e) {
      rejects.push(
        reject(
          path,
          'unreadable',
          (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or folder' : (e as Error).message,
        ),
      );
      return;
    }
    if (st.isDirectory()) {
      const real = await fsp.realpath(path);
      if (visited.has(real)) return;
      visited.add(real);
      let names: string[];
      try {
        names = (await fsp.readdir(path)).sort();
      } catch (e) {
        rejects.push(reject(path, 'unreadable', `cannot list the folder: ${(e as Error).message}`));
        return;
      }
      for (const n of names) {
        if (n.startsWith('.')) onHidden(join(path, n));
        else await visit(join(path, n), false);
      }
    } else if (st.isFile()) {
      files.push({ path, size: st.size, ...fileKind(basename(path)) });
    } else if (top) rejects.push(reject(path, 'unsupported', 'not a regular file or folder'));
  };
  for (const p of paths) await visit(resolve(p), true);
  return { files, rejects };
}

function isZlibError(e: unknown): boolean {
  const code = (e as { code?: string })?.code ?? '';
  return (
    code.startsWith('Z_') ||
    code === 'ERR_ZLIB_INITIALIZATION_FAILED' ||
    /incorrect header check|unexpected end of file|invalid .* (?:distance|code|block)/i.test(
      (e as Error)?.message ?? '',
    )
  );
}

/** Reads one file into events. Never throws: failures are rejects. */
export async function* readFile(f: PlannedFile, ctx: SourceContext): AsyncGenerator<ReadEvent> {
  if (f.kind === 'jsonl') {
    yield* readJsonl(f, ctx);
    return;
  }
  const limit = f.kind === 'json' ? MAX_JSON_FILE_BYTES : f.kind === 'feed' ? MAX_INPUT_BYTES : MAX_INPUT_BYTES;
  let bytes: Buffer;
  try {
    if (f.size > limit) {
      ctx.progress.read += f.size;
      yield reject(
        f.path,
        'too-large',
        `${(f.size / 1048576).toFixed(1)} MB; the limit for this kind of file is ${limit / 1048576} MB`,
        f.path,
      );
      return;
    }
    bytes = await fsp.readFile(f.path);
    ctx.progress.read += f.size;
    if (f.gzip) bytes = gunzipSync(bytes, { maxOutputLength: limit });
  } catch (e) {
    if ((e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE')
      yield reject(f.path, 'too-large', `decompresses to more than ${limit / 1048576} MB`, f.path);
    else if (f.gzip && isZlibError(e))
      yield reject(f.path, 'gzip-corrupt', `corrupt gzip: ${(e as Error).message}`, f.path);
    else yield reject(f.path, 'unreadable', (e as Error).message, f.path);
    return;
  }
  if (f.kind === 'json') {
    yield* readJsonDocument(f.path, bytes, ctx);
    return;
  }
  const h = rawHash('file', bytes);
  if (ctx.isSeen(h)) {
    yield { kind: 'seen', origin: f.path, rawHash: h };
    return;
  }
  let text: string;
  let warnings: string[] = [];
  try {
    const d = decodeBytes(bytes);
    text = d.text;
    warnings = d.warnings ?? [];
  } catch (e) {
    const msg = (e as Error).message;
    yield reject(
      f.path,
      e instanceof InputError && /empty/.test(msg) ? 'empty' : e instanceof InputError ? 'binary' : 'unreadable',
      msg,
      f.path,
    );
    return;
  }
  if (!text.trim()) {
    yield reject(f.path, 'empty', 'the file holds only white space', f.path);
    return;
  }
  if (f.kind === 'feed' || (f.kind === 'sniff' && looksLikeFeed(text))) {
    let feed;
    try {
      feed = parseFeed(text);
    } catch (e) {
      yield reject(f.path, 'feed-invalid', (e as Error).message, f.path);
      return;
    }
    yield* feedItemEvents(feed, { origin: f.path, baseUrl: null }, ctx);
    return;
  }
  const html = f.kind === 'html' || (f.kind === 'sniff' && looksLikeHtml(text));
  yield {
    kind: 'item',
    origin: f.path,
    sourceId: f.path,
    record: html ? { id: f.path, html: text } : { id: f.path, text },
    outlet: null,
    url: null,
    category: null,
    seenAt: null,
    rawHash: h,
    ...(warnings.length ? { notes: warnings } : {}),
  };
}

async function* readJsonl(f: PlannedFile, ctx: SourceContext): AsyncGenerator<ReadEvent> {
  const file = createReadStream(f.path);
  file.on('data', (c) => (ctx.progress.read += c.length));
  let stream: NodeJS.ReadableStream = file;
  if (f.gzip) {
    const gunzip = createGunzip();
    // pipeline forwards a read error of the file to the gunzip stream we iterate
    pipeline(file, gunzip).catch(() => {});
    stream = gunzip;
  }
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  let lastLine = 0;
  try {
    for await (const ev of splitLines(stream as AsyncIterable<Buffer>, MAX_LINE_BYTES)) {
      lastLine = ev.lineNo;
      const origin = `${f.path}:${ev.lineNo}`;
      if ('tooLong' in ev) {
        yield reject(
          origin,
          'too-large',
          `line ${ev.lineNo} is ${(ev.tooLong / 1048576).toFixed(0)} MB; the limit is ${MAX_LINE_BYTES / 1048576} MB`,
        );
        continue;
      }
      let line = ev.line;
      if (ev.lineNo === 1 && line[0] === 0xef && line[1] === 0xbb && line[2] === 0xbf) line = line.subarray(3);
      if (isBlank(line)) continue;
      const h = rawHash('jsonl', line);
      if (ctx.isSeen(h)) {
        yield { kind: 'seen', origin, rawHash: h };
        continue;
      }
      let obj: unknown;
      try {
        obj = JSON.parse(utf8.decode(line));
      } catch (e) {
        const why = e instanceof SyntaxError ? `not valid JSON (${e.message.slice(0, 80)})` : 'not valid UTF-8';
        yield reject(origin, 'json-invalid', `line ${ev.lineNo} is ${why}`);
        continue;
      }
      yield recordToEvent(obj, { origin, rawHash: h, fallbackId: origin });
    }
  } catch (e) {
    if (f.gzip && isZlibError(e))
      yield reject(
        f.path,
        'gzip-corrupt',
        `corrupt gzip after line ${lastLine}: ${(e as Error).message}; the lines before were read`,
        f.path,
      );
    else yield reject(f.path, 'unreadable', `${(e as Error).message} (after line ${lastLine})`, f.path);
  } finally {
    file.destroy();
  }
}

function isBlank(b: Buffer): boolean {
  for (let i = 0; i < b.length; i++) {
    const c = b[i];
    if (c !== 0x20 && c !== 0x09 && c !== 0x0d && c !== 0x0a) return false;
  }
  return true;
}

function* readJsonDocument(path: string, bytes: Buffer, ctx: SourceContext): Generator<ReadEvent> {
  let doc: unknown;
  try {
    doc = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\ufeff/, ''));
  } catch (e) {
    yield reject(
      path,
      'json-invalid',
      e instanceof SyntaxError ? `not valid JSON (${e.message.slice(0, 80)})` : 'not valid UTF-8',
      path,
    );
    return;
  }
  const records = Array.isArray(doc) ? doc : [doc];
  for (let i = 0; i < records.length; i++) {
    const origin = Array.isArray(doc) ? `${path}[${i}]` : path;
    const h = rawHash('json', JSON.stringify(records[i]) ?? 'undefined');
    if (ctx.isSeen(h)) {
      yield { kind: 'seen', origin, rawHash: h };
      continue;
    }
    yield recordToEvent(records[i], { origin, rawHash: h, fallbackId: origin });
  }
}
