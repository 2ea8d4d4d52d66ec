import type { UnitNode } from '../src/modules/personnel/index.js';
import { AGENCY_MIXES, J, KIND_WEIGHTS, OFFICE, UNIT_MIXES, UNIT_WEIGHTS, type Jenjang, type Job, type Mix } from './reference/personnel-catalogue.js';
import type { Agency, DemoAgencyInput, Eselon, PositionKind, Unit } from './personnel-demo.model.js';

// The agencies' unit trees as the generator walks them, and how staff are shared out over them.

const headKind = (eselon: Eselon | null): PositionKind =>
  eselon?.startsWith('IV') ? 'pengawas' : eselon?.startsWith('III') ? 'administrator' : eselon ? 'jpt_pratama' : 'pengawas';

/** The agency with its units in breadth-first order, each with its head post (no holder yet). */
export function buildAgency(input: DemoAgencyInput): Agency {
  const a = input.agency;
  const agency: Agency = {
    id: a.id, code: a.code, kind: a.kind, districtCode: a.districtCode, validFrom: a.validFrom, units: [],
    profile: a.kind === 'rsud' || a.kind === 'kecamatan' ? a.kind : a.code,
  };
  let level: { node: UnitNode; parent: Unit | null }[] = input.units.map((node) => ({ node, parent: null }));
  while (level.length > 0) {
    const next: typeof level = [];
    for (const { node, parent } of level) {
      const unit: Unit = { id: node.id, name: node.name, kind: node.kind, agency, parent, children: [], head: null, posts: [] };
      if (node.head) {
        unit.head = {
          id: node.head.id, unit, title: node.head.title, kind: headKind(node.head.eselon), eselon: node.head.eselon, isHead: true,
          job: null, level: null, holder: null, vacant: false, occupiedFrom: null, pinned: null,
        };
      }
      parent?.children.push(unit);
      agency.units.push(unit);
      next.push(...node.children.map((child) => ({ node: child, parent: unit })));
    }
    level = next;
  }
  return agency;
}

/** Splits `total` in proportion to the weights (largest remainder), so the parts add up exactly. */
export function apportion(total: number, weights: number[]): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  if (total <= 0 || weights.length === 0) return weights.map(() => 0);
  const raw = sum > 0 ? weights.map((w) => (total * w) / sum) : weights.map(() => total / weights.length);
  const parts = raw.map(Math.floor);
  const order = raw.map((r, i) => [r - parts[i]!, i] as const).sort((x, y) => y[0] - x[0] || x[1] - y[1]);
  for (let left = total - parts.reduce((s, p) => s + p, 0), k = 0; left > 0; left--, k = (k + 1) % order.length) parts[order[k]![1]]!++;
  return parts;
}

/** Minimums first (scaled down when they alone exceed the total), the rest by weight. */
export function allocate(total: number, wants: { min: number; weight: number }[]): number[] {
  const minimum = wants.reduce((s, w) => s + w.min, 0);
  if (total <= minimum) return apportion(total, wants.map((w) => w.min));
  const extra = apportion(total - minimum, wants.map((w) => w.weight));
  return wants.map((w, i) => w.min + extra[i]!);
}

function matching<T>(table: [string, RegExp, T][], unit: Unit): T | undefined {
  return table.find(([code, pattern]) => (code === '*' || code === unit.agency.profile) && pattern.test(unit.name))?.[2];
}
// Looked up once per unit: every person of the unit asks again.
const mixes = new WeakMap<Unit, Mix>();
/** The jobs a unit's staff are drawn from, with their weights. */
export const mixOf = (unit: Unit): Mix => {
  let mix = mixes.get(unit);
  if (!mix) mixes.set(unit, (mix = matching(UNIT_MIXES, unit) ?? AGENCY_MIXES[unit.agency.profile] ?? OFFICE));
  return mix;
};
/** A unit's share of its agency's staff. */
export const unitWeight = (unit: Unit): number => matching(UNIT_WEIGHTS, unit) ?? KIND_WEIGHTS[unit.kind];

/** The job and jenjang a full title names (`Pranata Komputer Ahli Muda`), for pinned posts. */
export function jobByTitle(title: string): { job: Job; level: Jenjang | null } | null {
  for (const job of Object.values(J) as Job[]) {
    if (job.kind === 'pelaksana' && job.title === title) return { job, level: null };
    const level = job.levels.find(([l]) => `${job.title} ${l}` === title)?.[0];
    if (level) return { job, level };
  }
  return null;
}
