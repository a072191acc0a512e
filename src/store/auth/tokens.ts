/**
 * The store's own bearer tokens: `sst_<id>_<secret>`. The id finds the row; only the SHA-256 of the
 * secret is stored (the secret is 256 random bits, so a fast hash is enough), and the comparison
 * takes constant time. A token is shown once, when it is created.
 */
import { randomBytes, timingSafeEqual } from "node:crypto";
import { appendAudit } from "../audit/chain";
import { inTransaction, StoreContext } from "../context";
import { sha256Hex } from "../digest";
import { badRequest, forbidden, notFound } from "../errors";
import { ALL_UNITS, isEnterprise, isRole, NAME_PATTERN, Principal, Role, ROLES, UNIT_PATTERN } from "./principal";

const TOKEN_FORMAT = /^sst_([a-z0-9]{16})_([A-Za-z0-9_-]{43})$/;

export interface TokenInfo {
  id: string;
  name: string;
  role: Role;
  units: string[];
  createdAt: string;
  createdBy: string;
  revokedAt: string | null;
}

export interface NewToken extends TokenInfo {
  /** The bearer token; shown once and never stored. */
  token: string;
}

export interface TokenRequest {
  name: string;
  role: string;
  /** Business units; empty or ["*"] for every unit. */
  units?: string[];
}

/** Checks a token request and normalises its units; `issuer` (an admin) may only grant what it holds. */
export function checkTokenRequest(request: TokenRequest, issuer?: Principal): { name: string; role: Role; units: string[] } {
  if (!new RegExp(NAME_PATTERN).test(request.name)) {
    throw badRequest(`name must be 1 to 100 letters, digits, spaces or . _ @ -, starting with a letter or digit; got ${JSON.stringify(request.name)}`, "/body/name");
  }
  if (!isRole(request.role)) throw badRequest(`role must be one of ${ROLES.join(", ")}; got ${JSON.stringify(request.role)}`, "/body/role");
  const given = request.units ?? [];
  const units = given.length === 0 || given.includes(ALL_UNITS) ? [ALL_UNITS] : [...new Set(given)].sort();
  units.forEach((unit, index) => {
    if (unit !== ALL_UNITS && !new RegExp(UNIT_PATTERN).test(unit)) {
      throw badRequest(`business unit must be letters, digits and . _ - (at most 64), got ${JSON.stringify(unit)}`, `/body/units/${index}`);
    }
  });
  if (issuer && !isEnterprise(issuer)) {
    const outside = units.filter((unit) => !issuer.units.includes(unit));
    if (outside.length > 0) {
      throw forbidden(`you can only issue tokens for your own business units (${issuer.units.join(", ")}); not for ${outside.join(", ")}`);
    }
  }
  return { name: request.name, role: request.role, units };
}

/** Creates a token and records it in the audit trail; `actor` is the admin (or `cli:<user>`). */
export async function createToken(context: StoreContext, request: TokenRequest, actor: string, issuer?: Principal): Promise<NewToken> {
  const { name, role, units } = checkTokenRequest(request, issuer);
  const id = randomBytes(10).toString("hex").slice(0, 16);
  const secret = randomBytes(32).toString("base64url");
  const now = context.now();
  const row = {
    id,
    name,
    role,
    units: JSON.stringify(units),
    secret_hash: sha256Hex(secret),
    created_at: now.toISOString(),
    created_by: actor,
    revoked_at: null,
  };
  await inTransaction(context, async (trx) => {
    await trx.insertInto("tokens").values(row).execute();
    await appendAudit(
      trx,
      context.database.dialect,
      { actor, action: "token.create", target: `token/${id}`, after: { id, name, role, units }, detail: { name, role, units } },
      now,
    );
  });
  return { id, name, role, units, createdAt: row.created_at, createdBy: actor, revokedAt: null, token: `sst_${id}_${secret}` };
}

export async function revokeToken(context: StoreContext, id: string, actor: string, issuer?: Principal): Promise<TokenInfo> {
  return inTransaction(context, async (trx) => {
    const row = await trx.selectFrom("tokens").selectAll().where("id", "=", id).executeTakeFirst();
    const info = row && toInfo(row);
    if (!info || (issuer && !isEnterprise(issuer) && !info.units.every((unit) => issuer.units.includes(unit)))) {
      throw notFound(`no token ${id}`, "/params/tokenId");
    }
    if (info.revokedAt) return info;
    const now = context.now().toISOString();
    await trx.updateTable("tokens").set({ revoked_at: now }).where("id", "=", id).execute();
    await appendAudit(
      trx,
      context.database.dialect,
      { actor, action: "token.revoke", target: `token/${id}`, before: { id, revokedAt: null }, after: { id, revokedAt: now }, detail: { name: info.name } },
      context.now(),
    );
    return { ...info, revokedAt: now };
  });
}

export async function listTokens(context: StoreContext, issuer?: Principal): Promise<TokenInfo[]> {
  const rows = await context.database.reader.selectFrom("tokens").selectAll().orderBy("created_at").orderBy("id").execute();
  return rows.map(toInfo).filter((info) => !issuer || isEnterprise(issuer) || info.units.every((unit) => issuer.units.includes(unit)));
}

/** The principal a store token stands for, or null when it is unknown, revoked or malformed. */
export async function authenticateToken(context: StoreContext, bearer: string): Promise<Principal | null> {
  const match = TOKEN_FORMAT.exec(bearer);
  if (!match) return null;
  const row = await context.database.reader.selectFrom("tokens").selectAll().where("id", "=", match[1]).executeTakeFirst();
  if (!row || row.revoked_at) return null;
  const presented = Buffer.from(sha256Hex(match[2]), "hex");
  const stored = Buffer.from(row.secret_hash, "hex");
  if (presented.length !== stored.length || !timingSafeEqual(presented, stored)) return null;
  const info = toInfo(row);
  return { subject: `user:${info.name}`, name: info.name, role: info.role, units: info.units, via: "token", tokenId: info.id };
}

function toInfo(row: { id: string; name: string; role: string; units: string; created_at: string; created_by: string; revoked_at: string | null }): TokenInfo {
  return {
    id: row.id,
    name: row.name,
    role: row.role as Role,
    units: JSON.parse(row.units) as string[],
    createdAt: row.created_at,
    createdBy: row.created_by,
    revokedAt: row.revoked_at,
  };
}
