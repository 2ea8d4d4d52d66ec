import net from 'node:net';

/** A message the fake server accepted: the envelope and the raw DATA (headers and body). */
export interface ReceivedMail {
  from: string;
  to: string[];
  data: string;
}

/** A fake SMTP server on a local port, for tests: no TLS, no AUTH, enough SMTP for nodemailer. */
export interface FakeSmtpServer {
  readonly url: string;
  readonly received: ReceivedMail[];
  /** Answers the next `count` MAIL commands with a temporary refusal (451), as a busy server would. */
  refuseNext(count: number): void;
  /** How many messages were refused so far. */
  readonly refusals: number;
  close(): Promise<void>;
}

/** Starts a fake SMTP server on 127.0.0.1 at a free port. */
export async function startFakeSmtp(): Promise<FakeSmtpServer> {
  const received: ReceivedMail[] = [];
  let toRefuse = 0;
  let refusals = 0;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.setEncoding('utf8');
    const reply = (line: string) => socket.write(`${line}\r\n`);
    let buffer = '';
    let inData = false;
    let current: ReceivedMail = { from: '', to: [], data: '' };
    reply('220 fake.smtp.test ESMTP ready');
    socket.on('data', (chunk: string) => {
      buffer += chunk;
      for (;;) {
        if (inData) {
          const end = buffer.indexOf('\r\n.\r\n');
          if (end === -1) return;
          // Undo dot-stuffing: a line starting with ".." was a line starting with ".".
          current.data = buffer.slice(0, end).replace(/^\.\./gm, '.');
          buffer = buffer.slice(end + 5);
          inData = false;
          received.push(current);
          current = { from: '', to: [], data: '' };
          reply('250 2.0.0 queued');
          continue;
        }
        const eol = buffer.indexOf('\r\n');
        if (eol === -1) return;
        const line = buffer.slice(0, eol);
        buffer = buffer.slice(eol + 2);
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'EHLO') reply('250-fake.smtp.test\r\n250 8BITMIME');
        else if (verb === 'HELO') reply('250 fake.smtp.test');
        else if (verb === 'MAIL') {
          if (toRefuse > 0) {
            toRefuse -= 1;
            refusals += 1;
            reply('451 4.3.0 Server busy, try again later');
          } else {
            current = { from: line.slice(10).trim(), to: [], data: '' };
            reply('250 2.1.0 OK');
          }
        } else if (verb === 'RCPT') {
          current.to.push(line.slice(8).trim().replace(/^<|>$/g, ''));
          reply('250 2.1.5 OK');
        } else if (verb === 'DATA') {
          inData = true;
          reply('354 End data with <CR><LF>.<CR><LF>');
        } else if (verb === 'RSET') reply('250 2.0.0 OK');
        else if (verb === 'NOOP') reply('250 2.0.0 OK');
        else if (verb === 'QUIT') {
          reply('221 2.0.0 Bye');
          socket.end();
        } else reply('502 5.5.2 Command not implemented');
      }
    });
    socket.on('error', () => socket.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    refuseNext(count) {
      toRefuse = count;
    },
    get refusals() {
      return refusals;
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** The body of a received message with quoted-printable soft breaks and escapes undone (nodemailer uses it for long lines). */
export function decodedBody(data: string): string {
  const split = data.indexOf('\r\n\r\n');
  const headers = data.slice(0, split);
  const body = data.slice(split + 4);
  if (!/content-transfer-encoding:\s*quoted-printable/i.test(headers)) return body;
  const bytes = body.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return Buffer.from(bytes, 'latin1').toString('utf8');
}
