import { isUtf8 } from 'node:buffer';
import { fileTypeFromBuffer } from 'file-type';

// Text formats have no magic number, so the uploader's declared type decides among them; only
// textual types are taken from the declaration, so it can never turn binary content into something else.
const TEXTUAL = /^(text\/[a-z0-9.+-]+|application\/([a-z0-9.-]+\+)?(json|xml))$/;

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
 * The media type of `content`, judged from its bytes and never from a file name.
 * Text declared as a textual type (`text/csv`, `application/json`…) is checked to be UTF-8 text and
 * takes that type; this comes first because short binary signatures also match ordinary text
 * (a CSV starting with "BMKG" has the two-byte BMP signature). Otherwise `file-type` decides;
 * undetected text is `text/plain` and anything else `application/octet-stream`.
 */
export async function detectMediaType(content: Uint8Array, declaredType?: string): Promise<string> {
  const declared = declaredType?.split(';')[0]?.trim().toLowerCase();
  if (declared && TEXTUAL.test(declared) && isPlainText(content)) return declared;
  const found = await fileTypeFromBuffer(content);
  if (found) return found.mime;
  return isPlainText(content) ? 'text/plain' : 'application/octet-stream';
}
