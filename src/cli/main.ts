#!/usr/bin/env node
// The rasd command line. Thin over the library: parse arguments, read input, print.
import { readFileSync, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { analyze } from '../analyze.js';
import { toContract } from '../analysis/serialize.js';
import { InputError } from '../analysis/errors.js';
import { MAX_INPUT_BYTES, MAX_INPUT_CHARS, type InputRecord } from '../analysis/input.js';
import { decodeBytes } from '../page/decode.js';
import { looksLikeHtml } from '../page/detect.js';
import { renderReport } from './report.js';

const USAGE = `usage:
  rasd analyze FILE|- [--published YYYY-MM-DD] [--format json|report] [--id ID]
  rasd analyze --jsonl            JSON Lines records on stdin → one analysis per line (CONTRACT.md)
  rasd serve [--port 8787] [--host 127.0.0.1] [--db PATH|URL] [--api-key KEY]   API + web interface
  rasd ingest PATH|URL… [--db PATH|URL] [--workers N]   files, folders, JSONL, gzip, URLs, feeds → the corpus (--help)
  rasd search|quotes|events|related|export …   search and export the corpus (add --help for options)
`;

function fail(msg: string, code = 1): never {
  process.stderr.write(`rasd: ${msg}\n`);
  process.exit(code);
}

interface Flags {
  positional: string[];
  published?: string;
  format: 'json' | 'report';
  jsonl: boolean;
  id?: string;
  pretty: boolean;
}

function parseFlags(argv: string[]): Flags {
  const f: Flags = { positional: [], format: 'json', jsonl: false, pretty: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) fail(`${a} needs a value\n${USAGE}`, 2);
      return v;
    };
    if (a === '--jsonl') f.jsonl = true;
    else if (a === '--published') f.published = value();
    else if (a === '--id') f.id = value();
    else if (a === '--pretty') f.pretty = true;
    else if (a === '--format') {
      const v = value();
      if (v !== 'json' && v !== 'report') fail(`unknown format "${v}" (json|report)`, 2);
      f.format = v;
    } else if (a.startsWith('--')) fail(`unknown option ${a}\n${USAGE}`, 2);
    else f.positional.push(a);
  }
  return f;
}

function readSource(path: string): Buffer {
  if (path === '-') return readFileSync(0);
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    fail(`cannot read ${path}: no such file`);
  }
  if (size > MAX_INPUT_BYTES)
    fail(`${path} is ${(size / 1048576).toFixed(1)} MB; the limit is ${MAX_INPUT_BYTES / 1048576} MB per document`);
  return readFileSync(path);
}

async function analyzeOne(f: Flags): Promise<void> {
  const path = f.positional[0];
  if (!path) fail(`analyze needs a FILE or - (stdin)\n${USAGE}`, 2);
  const buf = readSource(path);
  if (buf.length > MAX_INPUT_BYTES)
    fail(`input is ${(buf.length / 1048576).toFixed(1)} MB; the limit is ${MAX_INPUT_BYTES / 1048576} MB per document`);
  try {
    const decoded = decodeBytes(buf);
    const { text } = decoded;
    const rec: InputRecord = { id: f.id ?? (path === '-' ? 'stdin' : path) };
    if (looksLikeHtml(text)) rec.html = text;
    else rec.text = text;
    if (f.published) rec.published = f.published;
    const a = analyze(rec);
    if (decoded.warnings?.length) a.warnings.unshift(...decoded.warnings);
    if (f.format === 'report') process.stdout.write(renderReport(a));
    else process.stdout.write(JSON.stringify(toContract(a), null, f.pretty ? 2 : undefined) + '\n');
  } catch (e) {
    if (e instanceof InputError) fail(e.message);
    throw e;
  }
}

function validateRecord(o: unknown): InputRecord {
  if (!o || typeof o !== 'object' || Array.isArray(o)) throw new InputError('record is not a JSON object');
  const r = o as Record<string, unknown>;
  const present = (['text', 'html', 'body'] as const).filter((k) => r[k] !== undefined && r[k] !== null);
  if (present.length !== 1) throw new InputError('record must have exactly one of text, html, body');
  const k = present[0];
  if (typeof r[k] !== 'string') throw new InputError(`${k} must be a string`);
  if ((r[k] as string).length > MAX_INPUT_CHARS)
    throw new InputError(`${k} is ${(r[k] as string).length} characters; the limit is ${MAX_INPUT_CHARS} per document`);
  for (const opt of ['title', 'published', 'url'] as const)
    if (r[opt] !== undefined && r[opt] !== null && typeof r[opt] !== 'string') throw new InputError(`${opt} must be a string`);
  const rec: InputRecord = { id: r.id === undefined || r.id === null ? null : String(r.id) };
  rec[k] = r[k] as string;
  if (typeof r.title === 'string') rec.title = r.title;
  if (typeof r.published === 'string') rec.published = r.published;
  if (typeof r.url === 'string') rec.url = r.url;
  return rec;
}

async function analyzeJsonl(): Promise<void> {
  const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
  const out: string[] = [];
  const flush = () => {
    if (out.length) {
      process.stdout.write(out.join(''));
      out.length = 0;
    }
  };
  let lineNo = 0;
  for await (const line of rl) {
    lineNo++;
    if (!line.trim()) continue;
    let id: unknown = null;
    try {
      let obj: unknown;
      try {
        obj = JSON.parse(line);
      } catch {
        throw new InputError(`line ${lineNo} is not valid JSON`);
      }
      if (obj && typeof obj === 'object' && 'id' in obj) id = (obj as { id: unknown }).id;
      const a = analyze(validateRecord(obj));
      out.push(JSON.stringify({ ...toContract(a), id }) + '\n');
    } catch (e) {
      const msg = e instanceof InputError ? e.message : `internal error: ${(e as Error)?.message ?? String(e)}`;
      out.push(JSON.stringify({ id, error: msg }) + '\n');
    }
    if (out.length >= 64) flush();
  }
  flush();
}

async function main(): Promise<void> {
  const [cmd, ...rest] = process.argv.slice(2);
  if (!cmd || cmd === '--help' || cmd === '-h' || cmd === 'help') {
    process.stdout.write(USAGE);
    return;
  }
  if (cmd === 'analyze') {
    const f = parseFlags(rest);
    if (f.jsonl) return analyzeJsonl();
    return analyzeOne(f);
  }
  // Loaded on demand: the server's dependencies (hono, the store) stay out of `rasd analyze`.
  if (cmd === 'serve') return (await import('./serve.js')).serveCommand(rest);
  if (cmd === 'ingest') return (await import('./ingest.js')).ingestCommand(rest);
  if (['search', 'quotes', 'events', 'related', 'export'].includes(cmd)) {
    const c = await import('./corpus.js');
    const commands = {
      search: c.searchCommand,
      quotes: c.quotesCommand,
      events: c.eventsCommand,
      related: c.relatedCommand,
      export: c.exportCommand,
    };
    return commands[cmd as keyof typeof commands](rest);
  }
  fail(`unknown command "${cmd}"\n${USAGE}`, 2);
}

main().catch((e) => fail(`internal error: ${(e as Error)?.message ?? String(e)}`));
