import { isUtf8 } from 'node:buffer';
import { fileTypeFromBuffer } from 'file-type';

// Text formats have no magic number, so the uploader's declared type decides among them; only
// textual types are taken from the declaration, so it can never turn binary content into something else.
const TEXTUAL = /^(text\/[a-z0-9.+-]+|application\/([a-z0-9.-]+\+)?(json|xml))$/;

/** How many leading bytes a streamed upload is judged by (file-type needs 4,100; text wants more). */
export const SNIFF_BYTES = 64 * 1024;

/** Control bytes other than tab, line feed, form feed and carriage return never occur in text files. */
function hasControlBytes(content: Uint8Array): boolean {
  for (const b of content) {
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d) || b === 0x7f) return true;
  }
  return false;
}

/** True when the bytes are UTF-8 text (no stray control bytes). */
export function isPlainText(content: Uint8Array): boolean {
  return isUtf8(content) && !hasControlBytes(content);
}

/**
 * Checks a stream of bytes for being UTF-8 text, a chunk at a time: a character split between two
 * chunks is fine, a broken one or a control byte anywhere makes `ok` false for good.
 */
export class TextCheck {
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  ok = true;

  push(chunk: Uint8Array): void {
    if (!this.ok) return;
    try {
      this.decoder.decode(chunk, { stream: true });
      if (hasControlBytes(chunk)) this.ok = false;
    } catch {
      this.ok = false;
    }
  }

  /** The input ended: a character cut off at the end is not text either. */
  end(): void {
    if (!this.ok) return;
    try {
      this.decoder.decode();
    } catch {
      this.ok = false;
    }
  }
}

/** A judged type, and whether it was judged as text (the rest of a stream must then stay text). */
export interface Judged {
  mediaType: string;
  byText: boolean;
}

/**
 * The media type of content whose first bytes are `head`, given whether the bytes read so far are
 * text. Text declared as a textual type (`text/csv`, `application/json`…) takes that type; this comes
 * first because short binary signatures also match ordinary text (a CSV starting with "BMKG" has the
 * two-byte BMP signature). Otherwise `file-type` decides; undetected text is `text/plain` and
 * anything else `application/octet-stream`.
 */
export async function judgeMediaType(head: Uint8Array, looksText: boolean, declaredType?: string): Promise<Judged> {
  const declared = declaredType?.split(';')[0]?.trim().toLowerCase();
  if (declared && TEXTUAL.test(declared) && looksText) return { mediaType: declared, byText: true };
  const found = await fileTypeFromBuffer(head);
  if (found) return { mediaType: found.mime, byText: false };
  return looksText ? { mediaType: 'text/plain', byText: true } : { mediaType: 'application/octet-stream', byText: false };
}

/** The media type of `content` (whole, in memory), judged from its bytes and never from a file name. */
export async function detectMediaType(content: Uint8Array, declaredType?: string): Promise<string> {
  return (await judgeMediaType(content, isPlainText(content), declaredType)).mediaType;
}
