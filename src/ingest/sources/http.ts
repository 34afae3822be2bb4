// HTTP for ingest: Node's fetch with a time limit on the whole exchange, a size limit on the body,
// conditional GET headers, and decoding that trusts the bytes over a charset the server states
// wrongly (a feed served as ISO-8859-1 or windows-1256 that is in fact UTF-8, or the reverse).
import { decodeBytes, declaredCharset } from '../../page/decode.js';
import type { Decoded } from '../../page/decode.js';
import type { RejectCode } from '../types.js';

export const USER_AGENT = 'rasd-ingest/0.1 (+https://github.com/rasd; Arabic news research)';
/** Default time for one request, body included. */
export const FETCH_TIMEOUT_MS = 30_000;

export interface FetchOptions {
  timeoutMs?: number;
  maxBytes: number;
  /** Conditional GET. */
  etag?: string | null;
  lastModified?: string | null;
  accept?: string;
}

export interface Fetched {
  /** Final URL after redirects. */
  url: string;
  status: number;
  etag: string | null;
  lastModified: string | null;
  contentType: string | null;
  bytes: Uint8Array;
}

/** A failed fetch, with the reject code it maps to. */
export class FetchError extends Error {
  constructor(
    readonly code: RejectCode,
    message: string,
  ) {
    super(message);
    this.name = 'FetchError';
  }
}

/** GETs a URL. 304 comes back with an empty body; other non-2xx statuses throw a FetchError. */
export async function fetchLimited(url: string, o: FetchOptions): Promise<Fetched> {
  const timeoutMs = o.timeoutMs ?? FETCH_TIMEOUT_MS;
  const ctrl = new AbortController();
  const timer = setTimeout(
    () => ctrl.abort(new FetchError('fetch-timeout', `no complete answer within ${timeoutMs / 1000} s`)),
    timeoutMs,
  );
  try {
    const headers: Record<string, string> = { 'user-agent': USER_AGENT, accept: o.accept ?? '*/*' };
    if (o.etag) headers['if-none-match'] = o.etag;
    if (o.lastModified) headers['if-modified-since'] = o.lastModified;
    let res: Response;
    try {
      res = await fetch(url, { headers, signal: ctrl.signal, redirect: 'follow' });
    } catch (e) {
      throw asFetchError(e, ctrl);
    }
    const meta = {
      url: res.url || url,
      status: res.status,
      etag: res.headers.get('etag'),
      lastModified: res.headers.get('last-modified'),
      contentType: res.headers.get('content-type'),
    };
    if (res.status === 304) {
      await res.body?.cancel().catch(() => {});
      return { ...meta, bytes: new Uint8Array(0) };
    }
    if (res.status < 200 || res.status > 299) {
      await res.body?.cancel().catch(() => {});
      throw new FetchError('http-status', `HTTP ${res.status}${res.statusText ? ' ' + res.statusText : ''}`);
    }
    const declared = Number(res.headers.get('content-length'));
    if (Number.isFinite(declared) && declared > o.maxBytes) {
      await res.body?.cancel().catch(() => {});
      throw new FetchError(
        'too-large',
        `${(declared / 1048576).toFixed(1)} MB; the limit is ${(o.maxBytes / 1048576).toFixed(0)} MB`,
      );
    }
    const parts: Uint8Array[] = [];
    let size = 0;
    if (res.body) {
      const reader = res.body.getReader();
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          size += value.byteLength;
          if (size > o.maxBytes) {
            await reader.cancel().catch(() => {});
            throw new FetchError('too-large', `more than ${(o.maxBytes / 1048576).toFixed(0)} MB`);
          }
          parts.push(value);
        }
      } catch (e) {
        throw asFetchError(e, ctrl);
      }
    }
    const bytes = new Uint8Array(size);
    let at = 0;
    for (const p of parts) {
      bytes.set(p, at);
      at += p.byteLength;
    }
    return { ...meta, bytes };
  } finally {
    clearTimeout(timer);
  }
}

function asFetchError(e: unknown, ctrl: AbortController): FetchError {
  if (e instanceof FetchError) return e;
  if (ctrl.signal.aborted && ctrl.signal.reason instanceof FetchError) return ctrl.signal.reason;
  const cause = (e as { cause?: { code?: string; message?: string } })?.cause;
  const detail = cause?.code ?? cause?.message ?? (e as Error)?.message ?? String(e);
  return new FetchError('fetch-failed', `cannot fetch: ${detail}`);
}

/** The charset parameter of a Content-Type header, as a WHATWG encoding name, or null. */
export function headerCharset(contentType: string | null): string | null {
  const m = contentType ? /charset\s*=\s*"?([\w.:-]+)/i.exec(contentType) : null;
  if (!m) return null;
  try {
    return new TextDecoder(m[1].toLowerCase()).encoding;
  } catch {
    return null;
  }
}

function validUtf8(b: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(b);
  } catch {
    return null;
  }
}

function hasHighBytes(b: Uint8Array): boolean {
  for (let i = 0; i < b.length; i++) if (b[i] >= 0x80) return true;
  return false;
}

/** Western charsets servers send by default; an Arabic page is never really in them. */
const WESTERN = new Set(['windows-1252', 'iso-8859-1', 'us-ascii']);

/**
 * Bytes from an HTTP answer → text. A byte-order mark wins; then the charset of the Content-Type
 * header, unless the bytes contradict it: valid multi-byte UTF-8 under a single-byte label is UTF-8;
 * invalid UTF-8 under a UTF-8 label, or a Western label (a server default), is left to the document's
 * own declaration and the Arabic charset guess of decodeBytes. Each override adds a warning.
 * Throws InputError (from decodeBytes) for empty or binary bodies.
 */
export function decodeHttpBody(bytes: Uint8Array, contentType: string | null): Decoded {
  const header = headerCharset(contentType);
  const bom = bytes[0] === 0xef || bytes[0] === 0xff || bytes[0] === 0xfe;
  if (!header || bom || bytes.length === 0) return decodeBytes(bytes);
  if (header === 'utf-8') {
    const text = validUtf8(bytes);
    if (text !== null) return { text, charset: 'utf-8' };
    const d = decodeBytes(bytes);
    return {
      ...d,
      warnings: [`the server declared utf-8 but the bytes are not UTF-8; read as ${d.charset}`, ...(d.warnings ?? [])],
    };
  }
  if (header.startsWith('utf-16')) return decodeBytes(bytes);
  if (hasHighBytes(bytes)) {
    const text = validUtf8(bytes);
    if (text !== null)
      return {
        text,
        charset: 'utf-8',
        warnings: [`the server declared ${header} but the bytes are UTF-8; read as UTF-8`],
      };
  }
  if (WESTERN.has(header)) {
    const d = decodeBytes(bytes);
    const own = declaredCharset(bytes);
    if (d.charset !== header && hasHighBytes(bytes))
      return {
        ...d,
        warnings: [`the server declared ${header}; read as ${d.charset}${own ? ' (declared by the document)' : ''}`],
      };
    return d;
  }
  decodeBytes(bytes); // refuses binary and empty bodies the same way as files
  return { text: new TextDecoder(header).decode(bytes), charset: header };
}
