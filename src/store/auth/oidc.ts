/**
 * Optional OpenID Connect: a bearer JWT from the organisation's identity provider is accepted when
 * its signature checks against the configured JWKS and its issuer, audience and expiry are right.
 * The role and business units come from configurable claims; one role per principal, the highest
 * when the claim lists several (admin > approver > analyst > viewer).
 */
import { createLocalJWKSet, createRemoteJWKSet, JWTPayload, jwtVerify, JWTVerifyGetKey } from "jose";
import { OidcConfig } from "../config";
import { unauthorized } from "../errors";
import { ALL_UNITS, isRole, Principal, Role, ROLES, UNIT_PATTERN } from "./principal";

export type OidcVerifier = (jwt: string) => Promise<Principal>;

/** A compact JWS: three base64url parts. Store tokens never look like this. */
export function looksLikeJwt(bearer: string): boolean {
  return /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/.test(bearer);
}

export function createOidcVerifier(config: OidcConfig): OidcVerifier {
  const keys: JWTVerifyGetKey = config.jwks
    ? createLocalJWKSet(config.jwks as Parameters<typeof createLocalJWKSet>[0])
    : createRemoteJWKSet(new URL(config.jwksUrl!), { cooldownDuration: 30_000, cacheMaxAge: 600_000 });
  return async (jwt) => {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(jwt, keys, { issuer: config.issuer, audience: config.audience, clockTolerance: 30 }));
    } catch (error) {
      throw unauthorized(`the OpenID Connect token was refused: ${describeJoseError(error)}`);
    }
    if (!payload.sub) throw unauthorized("the OpenID Connect token has no subject (sub)");
    const role = pickRole(payload[config.roleClaim]);
    if (!role) throw unauthorized(`the OpenID Connect token has no store role in claim "${config.roleClaim}" (one of ${ROLES.join(", ")})`);
    const unitClaim = payload[config.unitsClaim];
    const units = (Array.isArray(unitClaim) ? unitClaim : typeof unitClaim === "string" ? [unitClaim] : []).filter(
      (unit): unit is string => typeof unit === "string" && (unit === ALL_UNITS || new RegExp(UNIT_PATTERN).test(unit)),
    );
    const name = typeof payload[config.nameClaim] === "string" ? (payload[config.nameClaim] as string) : payload.sub;
    return { subject: `oidc:${payload.sub}`, name, role, units, via: "oidc" };
  };
}

function pickRole(claim: unknown): Role | undefined {
  const values = Array.isArray(claim) ? claim : [claim];
  const known = values.filter(isRole);
  return known.sort((a, b) => ROLES.indexOf(b) - ROLES.indexOf(a))[0];
}

function describeJoseError(error: unknown): string {
  // By code rather than instanceof: bundlers and test runners may load jose's classes twice.
  const { code, claim, reason, message } = (error ?? {}) as { code?: string; claim?: string; reason?: string; message?: string };
  switch (code) {
    case "ERR_JWT_EXPIRED":
      return "it has expired";
    case "ERR_JWT_CLAIM_VALIDATION_FAILED":
      return `claim "${claim}" is wrong (${reason})`;
    case "ERR_JWS_SIGNATURE_VERIFICATION_FAILED":
      return "its signature does not verify";
    case "ERR_JWKS_NO_MATCHING_KEY":
      return "no key of the identity provider matches it";
  }
  return typeof code === "string" && code.startsWith("ERR_J") && message ? message : "it could not be verified";
}
