// The CLI's contract: one analysis per JSONL line in order, `error` lines that let the batch go on,
// and one clear line (no stack trace) with a non-zero exit for a bad single file.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync, openSync, ftruncateSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const CLI = resolve(__dirname, '../../dist/cli/main.js');
const run = (args: string[], input?: string | Buffer) =>
  spawnSync(process.execPath, [CLI, ...args], { input, encoding: 'utf8', timeout: 60_000, maxBuffer: 1 << 28 });

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'rasd-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const noStack = (s: string) => expect(s).not.toMatch(/\n\s+at /);

describe('rasd analyze --jsonl', () => {
  it('answers every line in order, with error lines for bad records', () => {
    const lines = [
      JSON.stringify({ id: 'a', body: 'قال الرئيس إن الاجتماع كان مثمراً.' }),
      'this is not json',
      JSON.stringify({ id: 'c' }),
      JSON.stringify({ id: 'd', body: 'x', text: 'y' }),
      JSON.stringify({ id: 'e', body: 42 }),
      JSON.stringify({ id: 'f', text: 'عنوان الخبر\n\nفقرة أولى من النص العربي الطويل بما يكفي.' }),
    ];
    const r = run(['analyze', '--jsonl'], lines.join('\n') + '\n');
    expect(r.status).toBe(0);
    const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(out.map((o) => o.id)).toEqual(['a', null, 'c', 'd', 'e', 'f']);
    expect(out[0].error).toBeUndefined();
    expect(typeof out[0].text).toBe('string');
    for (const i of [1, 2, 3, 4]) expect(typeof out[i].error).toBe('string');
    expect(out[5].error).toBeUndefined();
    for (const k of ['entities', 'quotes', 'times', 'amounts', 'events']) expect(Array.isArray(out[0][k])).toBe(true);
  });

  it('refuses an oversized record with the limit in the message and goes on', () => {
    const huge = 'ا'.repeat(5_000_001);
    const r = run(['analyze', '--jsonl'], JSON.stringify({ id: 'big', body: huge }) + '\n' + JSON.stringify({ id: 'ok', body: 'نص قصير.' }) + '\n');
    const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(out[0].error).toMatch(/limit is 5000000/);
    expect(out[1].id).toBe('ok');
    expect(out[1].error).toBeUndefined();
  });
});

describe('rasd analyze FILE', () => {
  it('fails cleanly on an empty file', () => {
    const f = join(dir, 'empty.txt');
    writeFileSync(f, '');
    const r = run(['analyze', f]);
    expect(r.status).not.toBe(0);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/empty/);
    noStack(r.stderr);
  });

  it('fails cleanly on binary input', () => {
    const f = join(dir, 'bin.dat');
    writeFileSync(f, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0xff, 0xfe, 0x00]));
    const r = run(['analyze', f]);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/binary/);
    noStack(r.stderr);
  });

  it('refuses a 100 MB file with the limit in the message, without reading it', () => {
    const f = join(dir, 'huge.txt');
    const fd = openSync(f, 'w');
    ftruncateSync(fd, 100 * 1024 * 1024);
    closeSync(fd);
    const r = run(['analyze', f]);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/limit is 20 MB/);
    noStack(r.stderr);
  });

  it('fails cleanly on a missing file and on an unknown option', () => {
    const r1 = run(['analyze', join(dir, 'nope.txt')]);
    expect(r1.status).not.toBe(0);
    expect(r1.stderr).toMatch(/no such file/);
    const r2 = run(['analyze', '--bogus']);
    expect(r2.status).toBe(2);
    noStack(r2.stderr);
  });

  it('reads stdin with -', () => {
    const r = run(['analyze', '-', '--published', '2022-11-28'], 'عنوان\n\nقال الرئيس إن الاجتماع كان مثمراً.\n');
    expect(r.status).toBe(0);
    const o = JSON.parse(r.stdout);
    expect(o.article.published).toBe('2022-11-28');
  });
});
