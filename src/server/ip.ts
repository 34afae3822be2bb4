// Which IP addresses a server-side fetch may connect to: public unicast only.
//
// The API fetches pages for `POST /api/analyze {url}`. Without this check a caller could make the
// server read its own admin ports, the cloud metadata service (169.254.169.254) or the private
// network behind it (SSRF). Every address a hostname resolves to is checked, IPv4 and IPv6, and
// IPv6 forms that embed an IPv4 address (mapped ::ffff:a.b.c.d, NAT64 64:ff9b::/96, 6to4
// 2002::/16) are judged by the IPv4 address inside. Ranges: IANA IPv4/IPv6 special-purpose
// address registries (RFC 6890 and updates).
import { isIPv4, isIPv6 } from 'node:net';

/** IPv4 ranges that are not public unicast: [first octets as a 32-bit number, prefix length, why]. */
const IPV4_BLOCKED: Array<[string, number, string]> = [
  ['0.0.0.0', 8, 'this network'],
  ['10.0.0.0', 8, 'private'],
  ['100.64.0.0', 10, 'carrier-grade NAT'],
  ['127.0.0.0', 8, 'loopback'],
  ['169.254.0.0', 16, 'link-local'],
  ['172.16.0.0', 12, 'private'],
  ['192.0.0.0', 24, 'IETF protocol assignments'],
  ['192.0.2.0', 24, 'documentation'],
  ['192.88.99.0', 24, '6to4 relay anycast'],
  ['192.168.0.0', 16, 'private'],
  ['198.18.0.0', 15, 'benchmarking'],
  ['198.51.100.0', 24, 'documentation'],
  ['203.0.113.0', 24, 'documentation'],
  ['224.0.0.0', 4, 'multicast'],
  ['240.0.0.0', 4, 'reserved'],
];

function ipv4ToInt(ip: string): number {
  const p = ip.split('.').map(Number);
  return ((p[0] << 24) | (p[1] << 16) | (p[2] << 8) | p[3]) >>> 0;
}

const IPV4_TABLE = IPV4_BLOCKED.map(([base, bits, why]) => {
  const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
  return { base: (ipv4ToInt(base) & mask) >>> 0, mask, why };
});

/** The eight 16-bit groups of an IPv6 address (with an embedded dotted quad), or null when malformed. */
export function parseIPv6(ip: string): number[] | null {
  let s = ip.trim();
  if (s.startsWith('[') && s.endsWith(']')) s = s.slice(1, -1);
  const zone = s.indexOf('%');
  if (zone >= 0) s = s.slice(0, zone);
  if (!isIPv6(s)) return null;
  // An embedded dotted quad (::ffff:1.2.3.4) becomes its two hex groups.
  const lastColon = s.lastIndexOf(':');
  const last = s.slice(lastColon + 1);
  if (last.includes('.')) {
    const v = ipv4ToInt(last);
    s = `${s.slice(0, lastColon + 1)}${(v >>> 16).toString(16)}:${(v & 0xffff).toString(16)}`;
  }
  const halves = s.split('::');
  const toGroups = (part: string): number[] =>
    part
      ? part
          .split(':')
          .filter((x) => x !== '')
          .map((h) => parseInt(h, 16))
      : [];
  const head = toGroups(halves[0]);
  const rest = halves.length > 1 ? toGroups(halves[1]) : [];
  const fill = 8 - head.length - rest.length;
  if (fill < 0 || (halves.length === 1 && fill !== 0)) return null;
  return [...head, ...new Array<number>(fill).fill(0), ...rest];
}

/** Why an IPv4 address is not public, or null when it is public unicast. */
function ipv4Refusal(ip: string): string | null {
  const v = ipv4ToInt(ip);
  for (const r of IPV4_TABLE) if ((v & r.mask) >>> 0 === r.base) return r.why;
  return null;
}

function groupsToIPv4(hi: number, lo: number): string {
  return [hi >>> 8, hi & 0xff, lo >>> 8, lo & 0xff].join('.');
}

/** Why an IPv6 address is not public, or null when it is public unicast. */
function ipv6Refusal(ip: string): string | null {
  const g = parseIPv6(ip);
  if (!g) return 'malformed address';
  const zeroUpTo = (n: number) => g.slice(0, n).every((x) => x === 0);
  if (zeroUpTo(8)) return 'unspecified';
  if (zeroUpTo(7) && g[7] === 1) return 'loopback';
  // IPv4-mapped (::ffff:a.b.c.d) and IPv4-compatible (::a.b.c.d, deprecated): the IPv4 address decides.
  if (zeroUpTo(5) && (g[5] === 0xffff || g[5] === 0)) {
    const why = ipv4Refusal(groupsToIPv4(g[6], g[7]));
    return why ? `IPv4-mapped ${why}` : null;
  }
  // NAT64 well-known prefix 64:ff9b::/96: translated to the IPv4 address in the last 32 bits.
  if (g[0] === 0x64 && g[1] === 0xff9b && g.slice(2, 6).every((x) => x === 0)) {
    const why = ipv4Refusal(groupsToIPv4(g[6], g[7]));
    return why ? `NAT64 ${why}` : null;
  }
  if (g[0] === 0x64 && g[1] === 0xff9b && g[2] === 1) return 'local-use NAT64';
  // 6to4 2002:V4ADDR::/48 reaches the embedded IPv4 address.
  if (g[0] === 0x2002) {
    const why = ipv4Refusal(groupsToIPv4(g[1], g[2]));
    return why ? `6to4 ${why}` : null;
  }
  if ((g[0] & 0xfe00) === 0xfc00) return 'unique local (private)';
  if ((g[0] & 0xffc0) === 0xfe80) return 'link-local';
  if ((g[0] & 0xffc0) === 0xfec0) return 'site-local';
  if ((g[0] & 0xff00) === 0xff00) return 'multicast';
  if (g[0] === 0x2001 && g[1] === 0x0db8) return 'documentation';
  if (g[0] === 0x3fff && (g[1] & 0xf000) === 0) return 'documentation';
  // 2001::/23: IETF protocol assignments (Teredo 2001::/32, ORCHID, benchmarking 2001:2::/48 …).
  if (g[0] === 0x2001 && g[1] < 0x0200) return 'IETF protocol assignment';
  if (g[0] === 0x0100 && zeroUpTo(4)) return 'discard-only';
  // Everything else outside 2000::/3 (global unicast) is reserved.
  if ((g[0] & 0xe000) !== 0x2000) return 'reserved';
  return null;
}

/**
 * Why this address must not be fetched (e.g. "loopback", "private"), or null when it is a public
 * unicast address. Anything that is not a valid IP address is refused.
 * @example addressRefusal('10.1.2.3') // 'private'
 * @example addressRefusal('2a00:1450:4001:81b::200e') // null
 */
export function addressRefusal(ip: string): string | null {
  const s = ip.trim().replace(/^\[|\]$/g, '');
  if (isIPv4(s)) return ipv4Refusal(s);
  if (s.includes(':')) return ipv6Refusal(s);
  return 'not an IP address';
}

export function isPublicAddress(ip: string): boolean {
  return addressRefusal(ip) === null;
}
