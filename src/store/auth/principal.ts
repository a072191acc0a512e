/** Who is calling: the identity every rule, audit event and four-eyes check is about. */
export const ROLES = ["viewer", "analyst", "approver", "admin"] as const;
export type Role = (typeof ROLES)[number];

/** The business-unit wildcard of enterprise-wide principals. */
export const ALL_UNITS = "*";

export interface Principal {
  /** Stable identity: `user:<name>` for store tokens, `oidc:<sub>` for OpenID Connect. Four-eyes compares this. */
  subject: string;
  name: string;
  role: Role;
  /** Business units the caller may see and change; ["*"] means all. */
  units: string[];
  via: "token" | "oidc";
  tokenId?: string;
}

export const UNIT_PATTERN = "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$";
export const NAME_PATTERN = "^[A-Za-z0-9][A-Za-z0-9 ._@-]{0,99}$";

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

export function isEnterprise(principal: Principal): boolean {
  return principal.units.includes(ALL_UNITS);
}

export function canSeeUnit(principal: Principal, unit: string): boolean {
  return isEnterprise(principal) || principal.units.includes(unit);
}
