import { isIP } from 'node:net';

/**
 * True for names and addresses that only this machine can reach: `localhost`, 127.0.0.0/8,
 * `::1` and IPv4-mapped 127.x (`::ffff:127.0.0.1`). Brackets around IPv6 are allowed.
 */
export function isLoopbackHost(host: string): boolean {
  const bare = host
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1');
  if (bare === 'localhost') return true;
  switch (isIP(bare)) {
    case 4:
      return bare.startsWith('127.');
    case 6:
      return isLoopbackIpv6(bare);
    default:
      return false;
  }
}

/**
 * True when a Bot Framework `serviceUrl` points at this machine: http(s), no credentials, a
 * loopback host. The URL parser normalises `127.1`, `0x7f.0.0.1` and the like before the check.
 */
export function isLoopbackServiceUrl(serviceUrl: string): boolean {
  let url: URL;
  try {
    url = new URL(serviceUrl);
  } catch {
    return false;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  if (url.username !== '' || url.password !== '') return false;
  return isLoopbackHost(url.hostname);
}

function isLoopbackIpv6(address: string): boolean {
  // The URL parser writes IPv6 in its shortest form: `0:0::1` -> `::1`, `::ffff:127.0.0.1` -> `::ffff:7f00:1`.
  const canonical = new URL(`http://[${address}]/`).hostname.slice(1, -1);
  return canonical === '::1' || /^::ffff:7f[0-9a-f]{2}:[0-9a-f]{1,4}$/.test(canonical);
}
