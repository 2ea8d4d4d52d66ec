import { describe, expect, it } from 'vitest';
import { listeningUrl } from './listen.js';

describe('listeningUrl', () => {
  it('prints the address really bound, not PUBLIC_URL', () => {
    expect(listeningUrl({ address: '127.0.0.1', family: 'IPv4', port: 3000 })).toBe('http://127.0.0.1:3000');
    expect(listeningUrl({ address: '::1', family: 'IPv6', port: 8080 })).toBe('http://[::1]:8080');
  });

  it('says when it listens on every interface', () => {
    expect(listeningUrl({ address: '0.0.0.0', family: 'IPv4', port: 3000 })).toBe('http://0.0.0.0:3000 (semua antarmuka jaringan)');
    expect(listeningUrl({ address: '::', family: 'IPv6', port: 3000 })).toBe('http://[::]:3000 (semua antarmuka jaringan)');
  });
});
