import type { AuditEvent, Principal, VersionSummary } from "../../../../src/sync/client";
import { approveBlocker, auditBlocker, auditSentence, personOf, rejectBlocker, submitBlocker, unitsText } from "../../../../src/taskpane/views/governance/governanceText";

const principal = (subject: string, role: Principal["role"], units = ["EU"]): Principal => ({ subject, name: subject.replace("user:", ""), role, units, via: "token" });

const version = (overrides: Partial<VersionSummary> = {}): VersionSummary => ({
  version: 2,
  status: "submitted",
  digest: "d",
  author: "user:dana",
  contributors: ["user:dana", "user:eve"],
  createdAt: "2025-01-15T09:00:00Z",
  updatedAt: "2025-01-15T09:00:00Z",
  submittedBy: "user:dana",
  submittedAt: "2025-01-15T10:00:00Z",
  decidedBy: null,
  decidedAt: null,
  comment: null,
  retiredAt: null,
  ...overrides,
});

describe("who may do what (the store's rules, said before the button is pressed)", () => {
  it("submitting needs a definition and the analyst or approver role; an unknown role (store away) may queue", () => {
    expect(submitBlocker(principal("user:dana", "analyst"), true)).toBeNull();
    expect(submitBlocker(principal("user:olga", "approver"), true)).toBeNull();
    expect(submitBlocker(null, true)).toBeNull();
    expect(submitBlocker(principal("user:vic", "viewer"), true)).toBe("Submitting needs the analyst or approver role; your token has the role viewer.");
    expect(submitBlocker(principal("user:dana", "analyst"), false)).toMatch(/^Design a definition first/);
  });

  it("four eyes: an approver who wrote, edited or submitted the version cannot approve it, but may reject it", () => {
    expect(approveBlocker(principal("user:olga", "approver"), version())).toBeNull();
    expect(approveBlocker(principal("user:dana", "approver"), version())).toBe("Four eyes: you wrote or submitted version 2, so another approver must approve it.");
    expect(approveBlocker(principal("user:eve", "approver"), version())).toBe("Four eyes: you wrote or submitted version 2, so another approver must approve it.");
    expect(approveBlocker(principal("user:sam", "approver"), version({ submittedBy: "user:sam" }))).toMatch(/^Four eyes/);
    expect(rejectBlocker(principal("user:dana", "approver"), version())).toBeNull();
    expect(approveBlocker(principal("user:ann", "admin"), version())).toBe("Approving and rejecting need the approver role; your token has the role admin.");
    expect(approveBlocker(principal("user:olga", "approver"), version({ status: "approved" }))).toBe("Version 2 is approved; only a version waiting for approval can be approved.");
  });

  it("the audit trail is for approvers and administrators", () => {
    expect(auditBlocker(principal("user:olga", "approver"))).toBeNull();
    expect(auditBlocker(principal("user:ann", "admin"))).toBeNull();
    expect(auditBlocker(principal("user:dana", "analyst"))).toBe("The audit trail is open to approvers and administrators; your token has the role analyst.");
  });

  it("people and units in words", () => {
    expect(personOf("user:dana")).toBe("dana");
    expect(personOf("oidc:1234")).toBe("oidc:1234");
    expect(unitsText(principal("user:x", "admin", ["*"]))).toBe("every business unit");
    expect(unitsText(principal("user:x", "analyst", ["EU", "US"]))).toBe("business units EU, US");
  });
});

describe("audit events as sentences", () => {
  const event = (action: string, target: string, detail: Record<string, unknown> = {}): AuditEvent => ({
    sequence: 1,
    time: "2025-01-15T09:00:00Z",
    actor: "user:olga",
    action,
    target,
    businessUnit: "EU",
    beforeDigest: null,
    afterDigest: null,
    detail,
    prevHash: "0",
    hash: "1",
  });

  it("says what happened to which version, with the comment given", () => {
    expect(auditSentence(event("definition.create", "definition/retail.v2/version/1", { name: "Retail" }), "retail.v2")).toBe("created the definition as version 1 (draft)");
    expect(auditSentence(event("version.approve", "definition/retail/version/3", { comment: "fine" }), "retail")).toBe("approved version 3: “fine”");
    expect(auditSentence(event("version.reject", "definition/retail/version/3", { comment: "AX too high" }), "retail")).toBe("rejected version 3: “AX too high”");
    expect(auditSentence(event("version.retire", "definition/retail/version/2", { supersededBy: 3 }), "retail")).toBe("retired version 2 (version 3 replaced it)");
    expect(auditSentence(event("assignments.upload", "definition/retail/version/3/assignments", { count: 4070 }), "retail")).toBe("uploaded 4,070 assignments of version 3");
    expect(auditSentence(event("override.set", "definition/retail/overrides/SKU/1", { segment: "AX", reason: "key account" }), "retail")).toBe("put item SKU/1 in segment AX: “key account”");
  });
});
