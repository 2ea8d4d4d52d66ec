import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { ObjectStorage } from './files.store.js';

const isMissing = (err: unknown) => (err as NodeJS.ErrnoException).code === 'ENOENT';

// Makes the rename itself durable; some platforms cannot fsync a directory, which is harmless here.
async function syncDir(dir: string): Promise<void> {
  try {
    const handle = await fs.open(dir, 'r');
    try { await handle.sync(); } finally { await handle.close(); }
  } catch { /* not supported on this platform */ }
}

/**
 * Object storage in a local directory. A write goes to a temporary file beside its target, is
 * flushed to disk, then renamed into place: a crash leaves either no file or the whole file.
 */
export function createLocalStorage(root: string): ObjectStorage {
  const fileOf = (key: string) => path.join(root, ...key.split('/'));
  return {
    async write(key, content) {
      const target = fileOf(key);
      await fs.mkdir(path.dirname(target), { recursive: true });
      const temp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
      try {
        const handle = await fs.open(temp, 'wx');
        try {
          await handle.writeFile(content);
          await handle.sync();
        } finally {
          await handle.close();
        }
        await fs.rename(temp, target);
      } catch (err) {
        await fs.rm(temp, { force: true });
        throw err;
      }
      await syncDir(path.dirname(target));
    },

    async read(key) {
      try {
        return new Uint8Array(await fs.readFile(fileOf(key)));
      } catch (err) {
        if (isMissing(err)) return null;
        throw err;
      }
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
  };
}
