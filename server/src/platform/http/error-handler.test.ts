import net from 'node:net';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { installProtocolAnswers } from './error-handler.js';

describe('answers while the server shuts down', () => {
  it('a request that arrives during close gets a 503 in the platform body, not Fastify\'s', async () => {
    const app = Fastify({ return503OnClosing: false });
    installProtocolAnswers(app);
    let release!: () => void;
    const slowStarted = new Promise<void>((started) => {
      app.get('/slow', async () => {
        started();
        await new Promise<void>((resolve) => { release = resolve; });
        return { ok: true };
      });
    });
    app.get('/fast', async () => ({ ok: true }));
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as net.AddressInfo;

    // A keep-alive connection busy with a slow request stays open during close; a second request on
    // it, sent once close has begun, is the one that must be refused.
    let data = '';
    const socket = net.connect(port, '127.0.0.1', () => socket.write('GET /slow HTTP/1.1\r\nHost: localhost\r\n\r\n'));
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => { data += chunk; });
    const ended = new Promise<void>((resolve) => socket.on('close', () => resolve()));
    await slowStarted;
    const closed = app.close();
    await new Promise((resolve) => setTimeout(resolve, 50));
    socket.write('GET /fast HTTP/1.1\r\nHost: localhost\r\n\r\n');
    await new Promise((resolve) => setTimeout(resolve, 50));
    release();
    await ended;
    await closed;

    const answers = data.split(/(?=HTTP\/1\.1 )/);
    expect(answers).toHaveLength(2);
    expect(answers[0]).toMatch(/^HTTP\/1\.1 200/);
    expect(answers[1]).toMatch(/^HTTP\/1\.1 503/);
    const body = JSON.parse(answers[1]!.slice(answers[1]!.indexOf('\r\n\r\n') + 4)) as Record<string, unknown>;
    expect(body).toEqual({ code: 'shutting_down', message: expect.stringMatching(/\S/), requestId: expect.any(String) });
  });
});
