// Bytes → text: byte-order marks, declared charsets, the windows-1256 / ISO-8859-6 guess, binary.
import { describe, it, expect } from 'vitest';
import { decodeBytes, declaredCharset, guessSingleByte } from '../../src/page/decode.js';
import { looksLikeHtml } from '../../src/page/detect.js';
import { InputError } from '../../src/analysis/errors.js';

/** Encodes `s` in a single-byte charset (TextEncoder only writes UTF-8). */
function encode(charset: string, s: string): Uint8Array {
  const d = new TextDecoder(charset);
  const byChar = new Map<string, number>();
  for (let b = 0; b < 256; b++) {
    const c = d.decode(new Uint8Array([b]));
    if (c !== '\ufffd' && !byChar.has(c)) byChar.set(c, b);
  }
  return Uint8Array.from(
    [...s].map((c) => {
      const b = byChar.get(c);
      if (b === undefined) throw new Error(`${charset} cannot encode ${c}`);
      return b;
    }),
  );
}

const AR =
  'أظهر الرئيس الروسي فلاديمير بوتين ونظيره الكازاخستاني قاسم جومارت توكاييف وحدتهما، الاثنين، عبر الإشادة بعلاقاتهما التاريخية.';
const utf8 = (s: string) => new TextEncoder().encode(s);

describe('decodeBytes', () => {
  it('reads UTF-8, with or without a byte-order mark', () => {
    expect(decodeBytes(utf8(AR))).toEqual({ text: AR, charset: 'utf-8' });
    expect(decodeBytes(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8(AR)])).text).toBe(AR);
  });

  it('reads UTF-16 with a byte-order mark, and without one', () => {
    const le = new Uint8Array(2 + AR.length * 2);
    le.set([0xff, 0xfe]);
    for (let i = 0; i < AR.length; i++) {
      le[2 + 2 * i] = AR.charCodeAt(i) & 0xff;
      le[3 + 2 * i] = AR.charCodeAt(i) >> 8;
    }
    expect(decodeBytes(le)).toMatchObject({ text: AR, charset: 'utf-16le' });
    const ascii = 'Hello world, plain text in UTF-16.';
    const noBom = new Uint8Array(ascii.length * 2);
    for (let i = 0; i < ascii.length; i++) noBom[2 * i] = ascii.charCodeAt(i);
    expect(decodeBytes(noBom)).toMatchObject({ text: ascii, charset: 'utf-16le' });
  });

  it('follows <meta charset> and http-equiv declarations', () => {
    const page = (meta: string) => encode('windows-1256', `<html><head>${meta}</head><body><p>${AR}</p></body></html>`);
    expect(decodeBytes(page('<meta charset="windows-1256">'))).toMatchObject({ charset: 'windows-1256' });
    expect(decodeBytes(page('<meta http-equiv="Content-Type" content="text/html; charset=cp1256">')).charset).toBe(
      'windows-1256',
    );
    expect(decodeBytes(page('')).text).toContain(AR);
    expect(declaredCharset(utf8('<?xml version="1.0" encoding="ISO-8859-6"?><html>'))).toBe('iso-8859-6');
    expect(declaredCharset(utf8('<meta charset="no-such-charset">'))).toBeNull();
  });

  it('reads valid UTF-8 as UTF-8 even when the page declares a single-byte charset', () => {
    const r = decodeBytes(utf8(`<html><head><meta charset="windows-1256"></head><body>${AR}</body></html>`));
    expect(r.charset).toBe('utf-8');
    expect(r.text).toContain(AR);
    expect(r.warnings?.[0]).toMatch(/declared windows-1256/);
  });

  it.each(['windows-1256', 'iso-8859-6'] as const)('tells undeclared %s from the other Arabic charset', (cs) => {
    const r = decodeBytes(encode(cs, AR));
    expect(r.charset).toBe(cs);
    expect(r.text).toBe(AR);
    expect(r.warnings?.[0]).toMatch(/no charset declared/);
  });

  it('reads Western single-byte text as windows-1252', () => {
    expect(guessSingleByte(encode('windows-1252', 'Café crème brûlée à la française, déjà vu.'))).toBe('windows-1252');
  });

  it.each([
    [[], /empty/],
    [[0x25, 0x50, 0x44, 0x46, 0x2d, 0x31], /PDF/],
    [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a], /PNG/],
    [[0x1f, 0x8b, 0x08, 0x00], /gzip/],
    [[0x41, 0x00, 0x42, 0x00, 0x00, 0x00, 0x43, 0x44, 0x00, 0x01], /binary/],
    [[1, 2, 3, 4, 5, 6, 0x41, 0x42], /binary/],
  ])('refuses %j with a clear message', (bytes, msg) => {
    expect(() => decodeBytes(Uint8Array.from(bytes))).toThrow(InputError);
    expect(() => decodeBytes(Uint8Array.from(bytes))).toThrow(msg);
  });
});

describe('looksLikeHtml', () => {
  it.each([
    ['<!DOCTYPE html><html><body>x</body></html>', true],
    ['\ufeff  <html lang="ar">', true],
    ['<!-- saved page --><html>', true],
    ['<div><p>نص</p><p>نص</p></div>', true],
    ['<p>نص', true],
    ['روسيا وكازاخستان.. "شراكة استراتيجية"\n\nنص الخبر', false],
    ['قال إن 3 < 5 وإن 7 > 2 في المعادلة', false],
  ])('%j → %s', (s, html) => {
    expect(looksLikeHtml(s)).toBe(html);
  });
});
