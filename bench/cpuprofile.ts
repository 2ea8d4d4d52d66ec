/**
 * Sums a V8 CPU profile (`.cpuprofile`, as BENCH_CPU_PROF or `node --cpu-prof` write them):
 *
 *   tsx bench/cpuprofile.ts <file.cpuprofile> [--top 40] [--stack pattern,pattern…]
 *
 * Prints the self time by function and by package or source folder, and with `--stack` the time of
 * the samples whose stack holds a frame matching each pattern (a function name, or `name file`).
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { ROOT } from './proc.js';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}

interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** A frame's source, shortened: the repository's own files relative to it, packages as `pkg:`. */
function source(url: string): string {
  return url.replace(`file://${ROOT}/`, '').replace(/^.*node_modules\//, 'pkg:');
}

function frameName(frame: CallFrame): string {
  const name = frame.functionName || '(anonymous)';
  return frame.url ? `${name} ${source(frame.url)}:${frame.lineNumber + 1}` : name;
}

/** The package (`fastify`, `@fastify/helmet`), Node's module (`node:_http_server`) or the repository folder of a frame. */
function owner(frame: CallFrame): string {
  const { url } = frame;
  if (!url) return frame.functionName.startsWith('(') ? frame.functionName : '(native)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1]!;
  if (url.startsWith('node:')) return url.split('/')[0]!;
  return source(url).split('/').slice(0, -1).join('/') || url;
}

function summarise(profile: CpuProfile, top: number, stacks: string[]): string {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const child of n.children ?? []) parent.set(child, n.id);
  // A sample's time is the delta to the next one.
  const self = new Map<number, number>();
  let total = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const us = profile.timeDeltas[i + 1] ?? 0;
    self.set(profile.samples[i]!, (self.get(profile.samples[i]!) ?? 0) + us);
    total += us;
  }
  const lines: string[] = [];
  const row = (us: number, label: string) =>
    lines.push(`${((100 * us) / total).toFixed(1).padStart(5)}%  ${(us / 1000).toFixed(0).padStart(6)} ms  ${label}`);
  const sumBy = (key: (node: ProfileNode) => string) => {
    const sums = new Map<string, number>();
    for (const [id, us] of self) {
      const k = key(nodes.get(id)!);
      sums.set(k, (sums.get(k) ?? 0) + us);
    }
    return [...sums].sort((a, b) => b[1] - a[1]);
  };
  lines.push(`${(total / 1e6).toFixed(2)} s sampled`, '', 'self time by function:');
  for (const [label, us] of sumBy((n) => frameName(n.callFrame)).slice(0, top)) row(us, label);
  lines.push('', 'self time by package or folder:');
  for (const [label, us] of sumBy((n) => owner(n.callFrame)).slice(0, top)) row(us, label);
  if (stacks.length > 0) {
    lines.push('', 'time of the samples with a matching frame on the stack:');
    for (const pattern of stacks) {
      let us = 0;
      for (const [id, t] of self) {
        for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
          if (frameName(nodes.get(cur)!.callFrame).includes(pattern)) {
            us += t;
            break;
          }
        }
      }
      row(us, pattern);
    }
  }
  return lines.join('\n');
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { top: { type: 'string', default: '40' }, stack: { type: 'string', default: '' } },
});
if (positionals.length !== 1) {
  console.error('Usage: tsx bench/cpuprofile.ts <file.cpuprofile> [--top 40] [--stack pattern,pattern…]');
  process.exit(2);
}
const profile = JSON.parse(fs.readFileSync(positionals[0]!, 'utf8')) as CpuProfile;
console.log(summarise(profile, Number(values.top), values.stack.split(',').filter(Boolean)));
