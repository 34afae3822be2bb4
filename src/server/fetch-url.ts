// Fetching a page for the API (`POST /api/analyze {url}`), refusing non-public addresses (no SSRF).
//
// The hostname is resolved before connecting and EVERY address it resolves to must be public
// (ip.ts); the connection then goes to an address that was checked (a custom `lookup`), so a
// DNS answer that changes between the check and the connection (DNS rebinding) cannot slip a
// private address in. Redirects are followed by hand, and each hop is checked the same way.
// Bodies are capped in size and the whole fetch in time.
import http from 'node:http';
import https from 'node:https';
import dns from 'node:dns';
import { isIP } from 'node:net';
import type { LookupFunction } from 'node:net';
import { addressRefusal } from './ip.js';

/** Redirect hops followed before giving up. */
export const MAX_REDIRECTS = 5;
/** Whole fetch, redirects included. */
export const FETCH_TIMEOUT_MS = 15_000;
/** Largest page body read (bytes); HTML pages are rarely above 2 MB. */
export const MAX_FETCH_BYTES = 5 * 1024 * 1024;

export interface FetchPageOptions {
  /** Allow private, loopback and link-local addresses (a deliberate choice: `--allow-private-urls`). */
  allowPrivate?: boolean;
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
  /** Resolver (tests); default dns.lookup with all addresses. */
  resolve?: (host: string) => Promise<Array<{ address: string; family: number }>>;
  /** Address policy (tests); default: public unicast only (ip.ts). Returns a reason to refuse, or null. */
  refuse?: (address: string) => string | null;
}

export interface FetchedPage {
  /** Final URL after redirects. */
  url: string;
  status: number;
  contentType: string | null;
  body: Buffer;
}

/** The URL may not be fetched (scheme, address). The message says why and what to do. */
export class UrlRefusedError extends Error {
  readonly code = 'url_refused';
}

/** The fetch was allowed but failed (network error, timeout, HTTP error, too large). */
export class FetchFailedError extends Error {
  readonly code = 'fetch_failed';
}

const defaultResolve = (host: string) => dns.promises.lookup(host, { all: true, verbatim: true });

/** Checks a URL's scheme and, for an IP literal host, its address. Returns the parsed URL. */
function checkUrl(raw: string, refuse: (a: string) => string | null, allowPrivate: boolean): URL {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    throw new UrlRefusedError(`"${raw.slice(0, 200)}" is not a valid URL`);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:')
    throw new UrlRefusedError(`only http and https URLs can be fetched, not ${u.protocol}`);
  const host = u.hostname.replace(/^\[|\]$/g, '');
  if (!allowPrivate && isIP(host)) {
    const why = refuse(host);
    if (why) throw refusal(u, host, why);
  }
  return u;
}

function refusal(u: URL, address: string, why: string): UrlRefusedError {
  const via = u.hostname.replace(/^\[|\]$/g, '') === address ? '' : ` (${u.hostname} resolves to it)`;
  return new UrlRefusedError(
    `refused to fetch ${u.origin}: ${address} is a ${why} address${via}; only public addresses are fetched ` +
      `(start the server with --allow-private-urls to allow it)`,
  );
}

/**
 * A `lookup` for http.request that resolves every address, refuses the request when any of them
 * is not allowed, and hands the checked addresses to the socket.
 */
function checkedLookup(
  u: URL,
  opts: Required<Pick<FetchPageOptions, 'resolve' | 'refuse' | 'allowPrivate'>>,
): LookupFunction {
  return (hostname, options, callback) => {
    opts.resolve(hostname).then(
      (addrs) => {
        if (addrs.length === 0) return callback(new FetchFailedError(`${hostname} has no address`), '', 4);
        if (!opts.allowPrivate)
          for (const a of addrs) {
            const why = opts.refuse(a.address);
            if (why) return callback(refusal(u, a.address, why), '', 4);
          }
        const family = (options as { family?: number }).family;
        const usable = family === 4 || family === 6 ? addrs.filter((a) => a.family === family) : addrs;
        if (usable.length === 0)
          return callback(new FetchFailedError(`${hostname} has no IPv${family} address`), '', 4);
        if ((options as { all?: boolean }).all)
          (callback as unknown as (e: null, a: typeof usable) => void)(null, usable);
        else callback(null, usable[0].address, usable[0].family);
      },
      (err: Error) => callback(new FetchFailedError(`cannot resolve ${hostname}: ${err.message}`), '', 4),
    );
  };
}

interface Hop {
  status: number;
  location: string | null;
  contentType: string | null;
  body: Buffer;
}

function requestOnce(u: URL, lookup: LookupFunction, maxBytes: number, signal: AbortSignal): Promise<Hop> {
  return new Promise((resolve, reject) => {
    const mod = u.protocol === 'https:' ? https : http;
    const req = mod.request(
      u,
      {
        method: 'GET',
        lookup,
        signal,
        headers: {
          'user-agent': 'rasd/0.1 (+news analysis)',
          accept: 'text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.5',
        },
      },
      (res) => {
        const status = res.statusCode ?? 0;
        const location = typeof res.headers.location === 'string' ? res.headers.location : null;
        const contentType = typeof res.headers['content-type'] === 'string' ? res.headers['content-type'] : null;
        if (status >= 300 && status < 400) {
          res.resume();
          return resolve({ status, location, contentType, body: Buffer.alloc(0) });
        }
        const declared = Number(res.headers['content-length']);
        if (Number.isFinite(declared) && declared > maxBytes) {
          res.destroy();
          return reject(new FetchFailedError(`the page is ${declared} bytes; the limit is ${maxBytes}`));
        }
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (c: Buffer) => {
          size += c.length;
          if (size > maxBytes) {
            res.destroy();
            reject(new FetchFailedError(`the page is larger than ${maxBytes} bytes`));
          } else chunks.push(c);
        });
        res.on('end', () => resolve({ status, location, contentType, body: Buffer.concat(chunks) }));
        res.on('error', (e) => reject(new FetchFailedError(`reading the page failed: ${e.message}`)));
      },
    );
    req.on('error', (e) => {
      if (e instanceof UrlRefusedError || e instanceof FetchFailedError) reject(e);
      else if (signal.aborted) reject(new FetchFailedError('the fetch timed out'));
      else reject(new FetchFailedError(`fetching ${u.origin} failed: ${e.message}`));
    });
    req.end();
  });
}

/**
 * Fetches a page over http(s), refusing non-public addresses unless `allowPrivate`.
 * @throws UrlRefusedError when the URL or an address it leads to is not allowed
 * @throws FetchFailedError on network errors, timeouts, HTTP errors and oversized pages
 */
export async function fetchPage(url: string, opts: FetchPageOptions = {}): Promise<FetchedPage> {
  const settings = {
    allowPrivate: opts.allowPrivate ?? false,
    resolve: opts.resolve ?? defaultResolve,
    refuse: opts.refuse ?? addressRefusal,
  };
  const maxBytes = opts.maxBytes ?? MAX_FETCH_BYTES;
  const signal = AbortSignal.timeout(opts.timeoutMs ?? FETCH_TIMEOUT_MS);
  let current = checkUrl(url, settings.refuse, settings.allowPrivate);
  for (let hop = 0; ; hop++) {
    const res = await requestOnce(current, checkedLookup(current, settings), maxBytes, signal);
    if (res.status >= 300 && res.status < 400 && res.location) {
      if (hop >= (opts.maxRedirects ?? MAX_REDIRECTS))
        throw new FetchFailedError(`more than ${opts.maxRedirects ?? MAX_REDIRECTS} redirects`);
      current = checkUrl(new URL(res.location, current).href, settings.refuse, settings.allowPrivate);
      continue;
    }
    if (res.status < 200 || res.status >= 300)
      throw new FetchFailedError(`${current.href} answered HTTP ${res.status}`);
    return { url: current.href, status: res.status, contentType: res.contentType, body: res.body };
  }
}
