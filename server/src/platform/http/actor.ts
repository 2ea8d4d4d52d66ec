/** Who is making a request, as every service sees it. Carries no domain words beyond roles. */
export interface Actor {
  /** `user` for a signed-in person, `token` for a machine client, `anonymous` otherwise. */
  readonly kind: 'user' | 'token' | 'anonymous';
  readonly userId: string | null;
  readonly username: string | null;
  readonly displayName: string | null;
  /** `staff` or `citizen` for people; null for anonymous. */
  readonly userKind: 'staff' | 'citizen' | null;
  /** The agency a staff member belongs to; their agency-scoped permissions apply only inside it. */
  readonly agencyId: string | null;
  readonly roles: readonly string[];
  readonly permissions: ReadonlySet<string>;
}

/** The actor of an unauthenticated request. */
export const ANONYMOUS: Actor = Object.freeze({
  kind: 'anonymous',
  userId: null,
  username: null,
  displayName: null,
  userKind: null,
  agencyId: null,
  roles: [],
  permissions: new Set<string>(),
});

/** True when the actor holds the permission. */
export function can(actor: Actor, permission: string): boolean {
  return actor.permissions.has(permission);
}
