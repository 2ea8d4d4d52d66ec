import { describe, expect, it } from 'vitest';
import { ROLE_DECLARATIONS } from '../modules.js';
import { assembleRoles, defineRoles, RoleCatalogueError, type ModuleRoles, type RoleDeclaration } from './roles.js';

const text = { id: 'Peran uji', en: 'Test role' };
const role = (name: string, extra: Partial<RoleDeclaration> = {}): RoleDeclaration => ({
  name, kind: 'staff', label: text, description: text, permissions: [], grantedBy: 'administrators', ...extra,
});

const BASE = defineRoles({
  module: 'base',
  permissions: ['base:read', 'base:write', 'app:base'],
  roles: [role('reader', { permissions: ['base:read', 'app:base'] })],
});

/** The problems the catalogue refuses the declarations with, or [] when it assembles. */
function problems(declarations: readonly ModuleRoles[]): readonly string[] {
  try {
    assembleRoles(declarations);
    return [];
  } catch (err) {
    expect(err).toBeInstanceOf(RoleCatalogueError);
    return (err as RoleCatalogueError).problems;
  }
}

describe('the role catalogue', () => {
  it('assembles the platform modules\' declarations', () => {
    const catalogue = assembleRoles(ROLE_DECLARATIONS);
    expect(catalogue.role('personnel_admin')).toMatchObject({ module: 'personnel', kind: 'staff', label: { id: 'Admin kepegawaian' } });
    expect(catalogue.permissions).toContain('region:manage');
    expect(catalogue.role('business_owner')?.grantedBy).toBe('self-service');
  });

  it('resolves included roles across modules, in declaration order, and grants nothing for unknown names', () => {
    const editor = defineRoles({
      module: 'news', permissions: ['news:edit'],
      roles: [role('editor', { includes: ['reader'], permissions: ['news:edit'] }), role('chief', { includes: ['editor'], permissions: ['base:write'] })],
    });
    const catalogue = assembleRoles([BASE, editor]);
    expect(catalogue.permissionsFor(['chief'])).toEqual(['base:read', 'base:write', 'app:base', 'news:edit']);
    expect(catalogue.permissionsFor(['editor', 'withdrawn_role'])).toEqual(['base:read', 'app:base', 'news:edit']);
    expect(catalogue.role('editor')?.module).toBe('news');
  });

  it('refuses a role or permission declared twice, naming both modules', () => {
    const clash = defineRoles({ module: 'other', permissions: ['base:read'], roles: [role('reader', { permissions: ['base:read'] })] });
    expect(problems([BASE, clash])).toEqual([
      'other: izin "base:read" sudah dideklarasikan oleh base',
      'other: peran "reader" sudah dideklarasikan oleh base',
    ]);
  });

  it('refuses a role naming a permission or role nobody declared', () => {
    const broken = defineRoles({
      module: 'broken', permissions: [],
      roles: [role('writer', { permissions: ['base:read', 'base:delete'], includes: ['ghost'] })],
    });
    expect(problems([BASE, broken])).toEqual([
      'broken: peran "writer" memakai izin "base:delete" yang tidak dideklarasikan modul mana pun',
      'broken: peran "writer" mencakup peran "ghost" yang tidak dideklarasikan',
    ]);
  });

  it('refuses circular inclusion, badly formed names and a self-service staff role', () => {
    const bad = defineRoles({
      module: 'bad', permissions: ['Bad Permission'],
      roles: [
        role('a_role', { includes: ['b_role'] }), role('b_role', { includes: ['a_role'] }),
        role('Bad-Name'), role('clerk', { grantedBy: 'self-service' }),
      ],
    });
    expect(problems([bad])).toEqual([
      'bad: izin "Bad Permission" tidak berbentuk "bidang:tindakan"',
      'bad: nama peran "Bad-Name" hanya boleh huruf kecil, angka dan _',
      'bad: peran "clerk" untuk pegawai tidak boleh diambil sendiri (self-service hanya untuk warga)',
      'bad: peran "a_role" mencakup dirinya sendiri (melingkar)',
      'bad: peran "b_role" mencakup dirinya sendiri (melingkar)',
    ]);
  });

  it('stops the start with one message listing every problem', () => {
    const broken = defineRoles({ module: 'broken', permissions: [], roles: [role('reader'), role('writer', { permissions: ['x:y'] })] });
    expect(() => assembleRoles([...ROLE_DECLARATIONS, BASE, broken])).toThrow(
      /Katalog peran tidak valid; platform tidak dijalankan:\n- broken: peran "reader" sudah dideklarasikan oleh base\n- broken: peran "writer" memakai izin "x:y"/,
    );
  });
});
