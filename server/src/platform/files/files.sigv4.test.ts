import { describe, expect, it } from 'vitest';
import { amzDate, canonicalRequest, sha256Hex, signRequest, type SigningRequest } from './files.sigv4.js';

// The worked examples of "Authenticating Requests: Using the Authorization Header (AWS Signature
// Version 4)" in the Amazon S3 API Reference, with their published credentials and signatures.
const key = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', region: 'us-east-1', service: 's3' };
const EMPTY = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
const DATE = '20130524T000000Z';
const signed = (headers: string, signature: string) =>
  `AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, SignedHeaders=${headers}, Signature=${signature}`;

describe('AWS Signature Version 4', () => {
  it('signs the documented GET Object example', () => {
    const request: SigningRequest = {
      method: 'GET',
      url: new URL('https://examplebucket.s3.amazonaws.com/test.txt'),
      headers: { Range: 'bytes=0-9', 'x-amz-content-sha256': EMPTY, 'x-amz-date': DATE },
      payloadHash: EMPTY,
    };
    const canonical = canonicalRequest(request).text;
    expect(canonical).toBe([
      'GET', '/test.txt', '',
      'host:examplebucket.s3.amazonaws.com', 'range:bytes=0-9', `x-amz-content-sha256:${EMPTY}`, `x-amz-date:${DATE}`, '',
      'host;range;x-amz-content-sha256;x-amz-date', EMPTY,
    ].join('\n'));
    expect(sha256Hex(canonical)).toBe('7344ae5b7ee6c3e7e6b0fe0640412a37625d1fbfff95c48bbb2dc43964946972');
    expect(signRequest(request, key)).toBe(signed('host;range;x-amz-content-sha256;x-amz-date',
      'f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41'));
  });

  it('signs the documented PUT Object example, encoding the key', () => {
    const payloadHash = sha256Hex('Welcome to Amazon S3.');
    expect(payloadHash).toBe('44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072');
    const request: SigningRequest = {
      method: 'PUT',
      url: new URL('https://examplebucket.s3.amazonaws.com/test$file.text'),
      headers: {
        Date: 'Fri, 24 May 2013 00:00:00 GMT', 'x-amz-date': DATE,
        'x-amz-storage-class': 'REDUCED_REDUNDANCY', 'x-amz-content-sha256': payloadHash,
      },
      payloadHash,
    };
    expect(canonicalRequest(request).text.split('\n').slice(0, 2)).toEqual(['PUT', '/test%24file.text']);
    expect(signRequest(request, key)).toBe(signed('date;host;x-amz-content-sha256;x-amz-date;x-amz-storage-class',
      '98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd'));
  });

  it('signs the documented examples with a query string', () => {
    const headers = { 'x-amz-date': DATE, 'x-amz-content-sha256': EMPTY };
    const lifecycle = { method: 'GET', url: new URL('https://examplebucket.s3.amazonaws.com/?lifecycle'), headers, payloadHash: EMPTY };
    expect(canonicalRequest(lifecycle).text.split('\n')[2]).toBe('lifecycle=');
    expect(signRequest(lifecycle, key)).toBe(signed('host;x-amz-content-sha256;x-amz-date',
      'fea454ca298b7da1c68078a5d1bdbfbbe0d65c699e0f91ac7a200a0136783543'));
    const list = { method: 'GET', url: new URL('https://examplebucket.s3.amazonaws.com/?prefix=J&max-keys=2'), headers, payloadHash: EMPTY };
    expect(signRequest(list, key)).toBe(signed('host;x-amz-content-sha256;x-amz-date',
      '34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7'));
  });

  it('formats the signing timestamp and refuses to sign without one', () => {
    expect(amzDate(new Date('2013-05-24T00:00:00.123Z'))).toBe(DATE);
    expect(() => signRequest({ method: 'GET', url: new URL('https://s3.example/b/k'), headers: {}, payloadHash: EMPTY }, key))
      .toThrow(/x-amz-date/);
  });
});
