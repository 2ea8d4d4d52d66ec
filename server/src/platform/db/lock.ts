import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Raised when another live process holds the embedded data directory. */
export class DataDirLockedError extends Error {
  constructor(dir: string, holder: string) {
    super(
      `Direktori data ${dir} sedang dipakai proses lain (${holder}). ` +
        'Dua proses pada satu direktori PGlite akan kehilangan data; hentikan proses itu dahulu, ' +
        'atau pakai DATA_DIR lain, atau DATABASE_URL untuk PostgreSQL.',
    );
    this.name = 'DataDirLockedError';
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes the lock file `platform.lock` in `dir`, or throws when a live process holds it.
 * Two PGlite processes on one directory silently lose committed rows, so this is not optional.
 * A lock left by a dead process on this host is taken over. Returns the release function.
 */
export function lockDataDir(dir: string): () => void {
  const file = path.join(dir, 'platform.lock');
  const me = JSON.stringify({ pid: process.pid, host: os.hostname(), since: new Date().toISOString() });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, me, { flag: 'wx' });
      let released = false;
      const release = (): void => {
        if (released) return;
        released = true;
        process.off('exit', release);
        try {
          if (fs.readFileSync(file, 'utf8') === me) fs.unlinkSync(file);
        } catch {
          /* already gone */
        }
      };
      process.on('exit', release);
      return release;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      let holder: { pid?: number; host?: string } = {};
      try {
        holder = JSON.parse(fs.readFileSync(file, 'utf8')) as typeof holder;
      } catch {
        /* unreadable lock: treat as stale */
      }
      const sameHost = holder.host === undefined || holder.host === os.hostname();
      if (holder.pid !== undefined && (!sameHost || isAlive(holder.pid))) {
        throw new DataDirLockedError(dir, `pid ${holder.pid} di ${holder.host ?? 'host ini'}`);
      }
      fs.rmSync(file, { force: true }); // stale: its process is gone
    }
  }
  throw new DataDirLockedError(dir, 'tidak diketahui');
}
