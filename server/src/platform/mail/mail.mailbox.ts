import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { MailMessage } from './index.js';

/** A message found in the file mailbox. */
export interface MailboxEntry extends MailMessage {
  readonly file: string;
  readonly from: string;
  readonly date: string;
}

const HEADER_END = '\n\n';

/**
 * Writes a message as `<time>-<random>.txt`: headers, a blank line, the text. Written to a temporary
 * name and renamed, so a reader never sees half a message; names sort by time.
 */
export async function writeMailboxFile(dir: string, from: string, message: MailMessage): Promise<string> {
  await fs.mkdir(dir, { recursive: true });
  const date = new Date().toISOString();
  const name = `${date.replace(/[:.]/g, '-')}-${randomBytes(4).toString('hex')}.txt`;
  const body = `From: ${from}\nTo: ${message.to}\nDate: ${date}\nSubject: ${message.subject}${HEADER_END}${message.text}\n`;
  const temporary = path.join(dir, `.${name}.tmp`);
  await fs.writeFile(temporary, body, 'utf8');
  await fs.rename(temporary, path.join(dir, name));
  return name;
}

/** Reads the file mailbox, oldest first (an empty list when nothing was ever written). */
export async function readMailbox(dir: string): Promise<MailboxEntry[]> {
  const names = await fs.readdir(dir).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return [];
    throw err;
  });
  const files = names.filter((n) => n.endsWith('.txt') && !n.startsWith('.')).sort();
  return Promise.all(files.map(async (file) => {
    const content = await fs.readFile(path.join(dir, file), 'utf8');
    const split = content.indexOf(HEADER_END);
    const headers = new Map(content.slice(0, split).split('\n').map((line) => {
      const colon = line.indexOf(':');
      return [line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim()] as const;
    }));
    return {
      file,
      from: headers.get('from') ?? '',
      to: headers.get('to') ?? '',
      date: headers.get('date') ?? '',
      subject: headers.get('subject') ?? '',
      text: content.slice(split + HEADER_END.length).replace(/\n$/, ''),
    };
  }));
}
