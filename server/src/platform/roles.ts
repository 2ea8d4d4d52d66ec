/**
 * The role catalogue: every permission and role of the platform, assembled once at start-up from the
 * declarations each module makes in its own `<m>.roles.ts` (`modules.ts` lists them). The kernel
 * knows no role by name; identity reads the catalogue to resolve and grant roles.
 */

/** Text in both languages of the interface: Bahasa Indonesia first, English second. */
export interface Bilingual {
  readonly id: string;
  readonly en: string;
}

/** Which accounts may hold a role: civil servants (`staff`) or the public (`citizen`). */
export type RoleKind = 'staff' | 'citizen';

/**
 * Who may grant (and take away) a role. `administrators`: whoever manages the account in user
 * administration and holds every permission the role grants (the general rule). `self-service`:
 * also the citizen themself, through the declaring module's own flow (identity's `grantSelfService`),
 * e.g. registering a business makes its owner; only citizen roles may be self-service.
 */
export type GrantedBy = 'administrators' | 'self-service';

/** One role as a module declares it. */
export interface RoleDeclaration {
  /** Stored on accounts: lower case, digits and `_` (`business_owner`); never renamed once used. */
  readonly name: string;
  readonly kind: RoleKind;
  /** Shown in user administration. */
  readonly label: Bilingual;
  /** One sentence: what whoever holds it does. */
  readonly description: Bilingual;
  /** The permissions it grants, any module's; `'all'` for the one role holding every permission. */
  readonly permissions: readonly string[] | 'all';
  /** Roles (of any module) whose permissions it grants as well: "as an employee, plus …". */
  readonly includes?: readonly string[];
  readonly grantedBy: GrantedBy;
}

/** What a module declares: the permissions it owns (checked by its routes and policy) and its roles. */
export interface ModuleRoles {
  readonly module: string;
  readonly permissions: readonly string[];
  readonly roles: readonly RoleDeclaration[];
}

/** A role as the catalogue answers it: its declaration with every permission resolved, in catalogue order. */
export interface RoleEntry {
  readonly name: string;
  readonly module: string;
  readonly kind: RoleKind;
  readonly label: Bilingual;
  readonly description: Bilingual;
  readonly grantedBy: GrantedBy;
  readonly permissions: readonly string[];
}

/** The assembled catalogue. Unknown role names grant nothing (accounts may hold a role since withdrawn). */
export interface RoleCatalogue {
  /** Every permission, in the order the modules declared them. */
  readonly permissions: readonly string[];
  /** Every role, in the order the modules declared them. */
  readonly roles: readonly RoleEntry[];
  role(name: string): RoleEntry | undefined;
  /** The permissions a set of roles grants, in catalogue order. */
  permissionsFor(roles: readonly string[]): string[];
}

/** The catalogue's declarations are inconsistent: the platform must not start. */
export class RoleCatalogueError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Katalog peran tidak valid; platform tidak dijalankan:\n- ${problems.join('\n- ')}`);
    this.name = 'RoleCatalogueError';
  }
}

const ROLE_NAME = /^[a-z][a-z0-9_]{1,39}$/;
const PERMISSION_NAME = /^[a-z][a-z0-9-]*:[a-z0-9-]+$/;

/** Declares a module's permissions and roles (an identity function, so the declaration is checked by the compiler). */
export function defineRoles<const T extends ModuleRoles>(declaration: T): T {
  return declaration;
}

/** Problems of names declared twice, or not in the expected form. */
function namingProblems(declarations: readonly ModuleRoles[]): string[] {
  const problems: string[] = [];
  const permissionOwner = new Map<string, string>();
  const roleOwner = new Map<string, string>();
  for (const { module, permissions, roles } of declarations) {
    for (const permission of permissions) {
      if (!PERMISSION_NAME.test(permission)) problems.push(`${module}: izin "${permission}" tidak berbentuk "bidang:tindakan"`);
      const owner = permissionOwner.get(permission);
      if (owner !== undefined) problems.push(`${module}: izin "${permission}" sudah dideklarasikan oleh ${owner}`);
      permissionOwner.set(permission, module);
    }
    for (const role of roles) {
      if (!ROLE_NAME.test(role.name)) problems.push(`${module}: nama peran "${role.name}" hanya boleh huruf kecil, angka dan _`);
      const owner = roleOwner.get(role.name);
      if (owner !== undefined) problems.push(`${module}: peran "${role.name}" sudah dideklarasikan oleh ${owner}`);
      roleOwner.set(role.name, module);
      if (role.grantedBy === 'self-service' && role.kind !== 'citizen') {
        problems.push(`${module}: peran "${role.name}" untuk pegawai tidak boleh diambil sendiri (self-service hanya untuk warga)`);
      }
    }
  }
  return problems;
}

/** Problems of roles naming a permission or role nobody declared, or including each other in a circle. */
function referenceProblems(declarations: readonly ModuleRoles[], permissions: ReadonlySet<string>, roles: ReadonlyMap<string, RoleDeclaration>): string[] {
  const problems: string[] = [];
  for (const { module, roles: declared } of declarations) {
    for (const role of declared) {
      if (role.permissions !== 'all') {
        for (const p of role.permissions) if (!permissions.has(p)) problems.push(`${module}: peran "${role.name}" memakai izin "${p}" yang tidak dideklarasikan modul mana pun`);
      }
      for (const included of role.includes ?? []) {
        if (!roles.has(included)) problems.push(`${module}: peran "${role.name}" mencakup peran "${included}" yang tidak dideklarasikan`);
      }
      if (includesItself(role.name, roles)) problems.push(`${module}: peran "${role.name}" mencakup dirinya sendiri (melingkar)`);
    }
  }
  return problems;
}

/** True when following `includes` from the role leads back to it. */
function includesItself(name: string, roles: ReadonlyMap<string, RoleDeclaration>): boolean {
  const seen = new Set<string>();
  const stack = [...(roles.get(name)?.includes ?? [])];
  while (stack.length > 0) {
    const next = stack.pop()!;
    if (next === name) return true;
    if (seen.has(next)) continue;
    seen.add(next);
    stack.push(...(roles.get(next)?.includes ?? []));
  }
  return false;
}

/** The permissions a declared role grants, its included roles' too (the declarations are checked first). */
function resolve(role: RoleDeclaration, roles: ReadonlyMap<string, RoleDeclaration>, all: readonly string[], seen = new Set<string>()): Set<string> {
  if (role.permissions === 'all') return new Set(all);
  const granted = new Set(role.permissions);
  for (const name of role.includes ?? []) {
    if (seen.has(name)) continue;
    seen.add(name);
    for (const p of resolve(roles.get(name)!, roles, all, seen)) granted.add(p);
  }
  return granted;
}

/**
 * Assembles the catalogue from the modules' declarations, refusing (RoleCatalogueError, listing every
 * problem) names declared twice, badly formed names, a role naming an undeclared permission or role,
 * circular inclusion, and a self-service staff role.
 */
export function assembleRoles(declarations: readonly ModuleRoles[]): RoleCatalogue {
  const allPermissions = declarations.flatMap((d) => d.permissions);
  const declared = new Map(declarations.flatMap((d) => d.roles.map((r) => [r.name, r] as const)));
  const problems = [...namingProblems(declarations), ...referenceProblems(declarations, new Set(allPermissions), declared)];
  if (problems.length > 0) throw new RoleCatalogueError(problems);

  const order = new Map(allPermissions.map((p, i) => [p, i]));
  const inOrder = (set: Iterable<string>) => [...set].sort((a, b) => order.get(a)! - order.get(b)!);
  const roles: RoleEntry[] = declarations.flatMap(({ module, roles: mine }) => mine.map((r) => Object.freeze({
    name: r.name, module, kind: r.kind, label: r.label, description: r.description, grantedBy: r.grantedBy,
    permissions: Object.freeze(inOrder(resolve(r, declared, allPermissions))),
  })));
  const byName = new Map(roles.map((r) => [r.name, r]));
  return Object.freeze({
    permissions: Object.freeze([...allPermissions]),
    roles: Object.freeze(roles),
    role: (name: string) => byName.get(name),
    permissionsFor(names: readonly string[]): string[] {
      return inOrder(new Set(names.flatMap((name) => byName.get(name)?.permissions ?? [])));
    },
  });
}
