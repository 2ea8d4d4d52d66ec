import type { AddressInfo } from 'node:net';

/**
 * The address the server really listens on, as a URL to print at start (`http://127.0.0.1:3000`,
 * `http://[::1]:3000`), saying so when it is every interface: PUBLIC_URL may name another address.
 */
export function listeningUrl(address: AddressInfo | string | null): string {
  if (address === null) return 'tidak mendengarkan';
  if (typeof address === 'string') return address; // a Unix socket or pipe
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}`;
  return address.address === '0.0.0.0' || address.address === '::' ? `${url} (semua antarmuka jaringan)` : url;
}
