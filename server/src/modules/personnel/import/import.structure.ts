import type { NewPosition, NewUnit } from '../personnel.repo.js';
import { noCounts, type Context, type Counts, type SnapPosition, type SnapUnit } from './import.context.js';
import { planPositions } from './import.positions.js';
import type { EmployeeInput, PositionInput, UnitInput } from './import.rows.js';
import { planUnits } from './import.units.js';

// Units and positions of a file against the database: references resolved (file first, then
// stored external ids), agency scope, one head per unit, superiors derived by simpeg.md §5, and
// cycles refused whether they lie in the file alone or run through stored records.
//
// Adoption: a new row that matches a stored record without an external id (same parent and name
// for a unit, the unit's head post for a head, same unit and title otherwise) takes that record
// over instead of adding a twin, so importing over the standard structure fills it in. A
// functional or pelaksana title is shared by many people, so only the twin its own employee holds,
// or a vacant one, is taken over.

/** A unit as the import leaves it. */
export interface PlannedUnit {
  input: UnitInput;
  id: string;
  agencyId: string;
  parentId: string | null;
  existing: SnapUnit | null;
}

/** A position as the import leaves it. */
export interface PlannedPosition {
  input: PositionInput;
  id: string;
  agencyId: string;
  unitId: string;
  isHead: boolean;
  eselon: SnapPosition['eselon'];
  /** Explicit or kept superior; `derive` means simpeg.md §5 decides once every head is known. */
  superior: string | null | 'derive';
  existing: SnapPosition | null;
}

/** What the structure part of an import writes. */
export interface StructurePlan {
  units: { insert: NewUnit[]; update: (Partial<NewUnit> & { id: string })[]; counts: Counts; byCode: Map<string, PlannedUnit> };
  positions: {
    insert: NewPosition[]; update: (Partial<NewPosition> & { id: string })[]; demote: string[]; counts: Counts; byCode: Map<string, PlannedPosition>;
  };
  /** Parent and agency of every current unit as the import leaves it (stored and planned). */
  unitParent: Map<string, string | null>;
  unitAgency: Map<string, string>;
  /** Agency, unit and title of every position as the import leaves it; the employees step checks against them. */
  positionAgency: Map<string, string>;
  positionUnit: Map<string, string>;
  positionTitle: Map<string, string>;
}

/** Plans the units, then the positions, of an import; `employees` tell which file row takes which post (see planPositions). */
export function planStructure(ctx: Context, units: UnitInput[], positions: PositionInput[], employees: EmployeeInput[] = []): StructurePlan {
  const plan: StructurePlan = {
    units: { insert: [], update: [], counts: noCounts(), byCode: new Map() },
    positions: { insert: [], update: [], demote: [], counts: noCounts(), byCode: new Map() },
    unitParent: new Map(), unitAgency: new Map(), positionAgency: new Map(), positionUnit: new Map(), positionTitle: new Map(),
  };
  for (const u of ctx.snap.units) {
    if (!u.current) continue;
    plan.unitParent.set(u.id, u.parentId);
    plan.unitAgency.set(u.id, u.agencyId);
  }
  for (const p of ctx.snap.positions) {
    plan.positionAgency.set(p.id, ctx.unitById.get(p.unitId)?.agencyId ?? '');
    plan.positionUnit.set(p.id, p.unitId);
    plan.positionTitle.set(p.id, p.title);
  }
  planUnits(ctx, units, plan);
  planPositions(ctx, positions, plan, employees);
  return plan;
}
