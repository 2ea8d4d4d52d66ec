import { ImportFileError } from './import.limits.js';

// A streaming reader for the XML inside an XLSX, just enough for SpreadsheetML: elements, their
// attributes and text, in chunks. It knows the five predefined entities and character references
// and nothing else — no DTD, no external entities — so a part cannot expand itself or reach out.

/** What the reader reports: element names are local (a `x:` prefix dropped); `tag` is the raw start tag for `attribute`. */
export interface XmlEvents {
  open(name: string, tag: string): void;
  close(name: string): void;
  text(text: string): void;
}

/** A start or end tag; quoted attribute values may hold `>` (number formats such as `[>=100]0`). */
const TAG = /<(?:[^"'>]|"[^"]*"|'[^']*')*>/y;
const NAME = /^<\/?([^\s/>]+)/;
/** Most characters kept while waiting for the end of a tag or of a text: one cell holds at most 32,767. */
const MAX_PENDING = 1024 * 1024;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decodes the predefined entities and character references of XML text or an attribute value. */
export function xmlText(raw: string): string {
  if (!raw.includes('&')) return raw;
  return raw.replace(/&(#x[0-9a-fA-F]{1,6}|#\d{1,7}|amp|lt|gt|quot|apos);/g, (whole, ref: string) => {
    if (ref[0] !== '#') return ENTITIES[ref]!;
    const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : Number(ref.slice(1));
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

const attributePatterns = new Map<string, RegExp>();

/** The decoded value of an attribute of a raw start tag (`r`, `t`, `r:id`), or undefined. */
export function attribute(tag: string, name: string): string | undefined {
  let pattern = attributePatterns.get(name);
  if (!pattern) {
    pattern = new RegExp(`\\s${name.replace(/[.:]/g, '\\$&')}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`);
    attributePatterns.set(name, pattern);
  }
  const m = pattern.exec(tag);
  return m ? xmlText(m[1] ?? m[2] ?? '') : undefined;
}

const localName = (qualified: string): string => qualified.slice(qualified.indexOf(':') + 1);

/** A reader fed with text chunks in order; `end()` checks nothing was left half-written. */
export function xmlReader(events: XmlEvents) {
  let pending = '';

  function write(chunk: string): void {
    const buf = pending + chunk;
    let pos = 0;
    for (;;) {
      const lt = buf.indexOf('<', pos);
      if (lt < 0) break; // a text runs on into the next chunk: wait for its end (entities may be split)
      if (lt > pos) events.text(xmlText(buf.slice(pos, lt)));
      pos = lt;
      if (buf.startsWith('<!--', lt)) {
        const end = buf.indexOf('-->', lt + 4);
        if (end < 0) break;
        pos = end + 3;
        continue;
      }
      if (buf.startsWith('<![CDATA[', lt)) {
        const end = buf.indexOf(']]>', lt + 9);
        if (end < 0) break;
        events.text(buf.slice(lt + 9, end));
        pos = end + 3;
        continue;
      }
      TAG.lastIndex = lt;
      const m = TAG.exec(buf);
      if (!m) break;
      pos = TAG.lastIndex;
      const tag = m[0];
      const name = NAME.exec(tag)?.[1];
      if (!name || name[0] === '?' || name[0] === '!') continue; // declarations, DOCTYPE: nothing to read
      if (tag[1] === '/') {
        events.close(localName(name));
      } else {
        events.open(localName(name), tag);
        if (tag.endsWith('/>')) events.close(localName(name));
      }
    }
    pending = buf.slice(pos);
    if (pending.length > MAX_PENDING) {
      throw new ImportFileError('file_format', 'Berkas XLSX rusak atau berisi sel yang terlalu panjang. Simpan ulang dari Excel.');
    }
  }

  return {
    write,
    end(): void {
      if (pending.trim() !== '') throw new ImportFileError('file_format', 'Berkas XLSX rusak (XML-nya terpotong). Simpan ulang dari Excel.');
    },
  };
}
