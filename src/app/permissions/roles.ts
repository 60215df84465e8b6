// Repository roles, lowest to highest, and how to read one from GitHub's collaborator-permission
// answer. The legacy `permission` field folds maintain into write and triage into read, so it is
// not used: `role_name` names the role, and for a custom role (whose name is the organisation's own)
// the `user.permissions` booleans say what it grants.

export const ROLES = ["read", "triage", "write", "maintain", "admin"] as const;
export type Role = (typeof ROLES)[number];

/** What the collaborator-permission endpoint answers, as far as roles go. */
export interface PermissionAnswer {
  readonly role_name?: string | null;
  readonly user?: {
    readonly permissions?: {
      readonly admin?: boolean;
      readonly maintain?: boolean;
      readonly push?: boolean;
      readonly triage?: boolean;
      readonly pull?: boolean;
    };
  } | null;
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** The role a permission answer grants, or `none`. */
export function roleOf(answer: PermissionAnswer): Role | "none" {
  const name = (answer.role_name ?? "").toLowerCase();
  if (isRole(name)) return name;
  const p = answer.user?.permissions;
  if (p === undefined) return "none";
  if (p.admin === true) return "admin";
  if (p.maintain === true) return "maintain";
  if (p.push === true) return "write";
  if (p.triage === true) return "triage";
  if (p.pull === true) return "read";
  return "none";
}

export function meetsRole(role: Role | "none", minimum: Role): boolean {
  return role !== "none" && ROLES.indexOf(role) >= ROLES.indexOf(minimum);
}
