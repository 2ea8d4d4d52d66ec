import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { ObjectStorage } from './files.store.js';

const isMissing = (err: unknown) => (err as NodeJS.ErrnoException).code === 'ENOENT';

// Makes a link or rename itself durable; some platforms cannot fsync a directory, which is harmless here.
async function syncDir(dir: string): Promise<void> {
  try {
    const handle = await fs.open(dir, 'r');
    try { await handle.sync(); } finally { await handle.close(); }
  } catch { /* not supported on this platform */ }
}

/** Puts `from` at `target` in one step, leaving `from` in place; a target already there is kept (same content). */
async function placeAtomically(from: string, target: string): Promise<void> {
  try {
    await fs.link(from, target);
    return;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return;
    // Filesystems without hard links: a private copy renamed into place is just as atomic.
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'EXDEV') throw err;
  }
  const copy = `${target}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await fs.copyFile(from, copy);
    await fs.rename(copy, target);
  } catch (err) {
    await fs.rm(copy, { force: true });
    throw err;
  }
}

/**
 * Object storage in a local directory. Uploads are spooled into the directory itself (same
 * filesystem), flushed, then hard-linked into their content-addressed place: a crash leaves either
 * no object or the whole object, never a partly written one under its final name.
 */
export function createLocalStorage(root: string): ObjectStorage {
  const fileOf = (key: string) => path.join(root, ...key.split('/'));
  return {
    spoolDir: root,

    async store(spooled, key) {
      const target = fileOf(key);
      await fs.mkdir(path.dirname(target), { recursive: true });
      await placeAtomically(spooled.path, target);
      await syncDir(path.dirname(target));
    },

    async open(key, sizeBytes, range) {
      const file = fileOf(key);
      let size: number;
      try {
        size = (await fs.stat(file)).size;
      } catch (err) {
        if (isMissing(err)) return null;
        throw err;
      }
      // Verified when written; a different length now means someone changed the file on disk.
      if (size !== sizeBytes) throw new Error(`blob at ${key} is corrupted in storage (${size} bytes, recorded ${sizeBytes})`);
      return createReadStream(file, range ? { start: range.start, end: range.end } : {});
    },

    async exists(key) {
      try {
        await fs.access(fileOf(key));
        return true;
      } catch (err) {
        if (isMissing(err)) return false;
        throw err;
      }
    },

    async remove(key) {
      await fs.rm(fileOf(key), { force: true });
    },
  };
}
