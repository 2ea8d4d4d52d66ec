#!/usr/bin/env node
// Builds the web app only when its sources are newer than web/dist/index.html, so `npm start` and
// `npm run test:e2e` on an existing checkout skip the ~20 s Vite build and serve within seconds.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const output = path.join(root, 'web/dist/index.html');
const sources = ['web/src', 'web/public', 'web/index.html', 'web/vite.config.ts', 'web/tsconfig.json'].map((p) => path.join(root, p));

/** The newest modification time (ms) of a file or of any file below a directory; 0 if it is missing. */
function newestMtime(target) {
  let stat;
  try {
    stat = fs.statSync(target);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs; // a deleted file shows only as a newer directory
  for (const entry of fs.readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

const builtAt = fs.existsSync(output) ? fs.statSync(output).mtimeMs : 0;
const changedAt = Math.max(...sources.map(newestMtime));

if (builtAt > 0 && builtAt >= changedAt) {
  process.exit(0);
}

console.log(builtAt === 0 ? 'Membangun aplikasi web (pertama kali)…' : 'Sumber aplikasi web berubah; membangun ulang…');
const vite = path.join(root, 'node_modules/vite/bin/vite.js');
const result = spawnSync(process.execPath, [vite, 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], {
  cwd: root,
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
