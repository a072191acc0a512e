/**
 * A stand-in for Excel's CustomFunctions global: the Error class and ErrorCode values Excel
 * defines, and an `associate` that records what the bundle registers, so the built functions can
 * be called by id as Excel calls them.
 */
export const ERROR_CODES = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;

export class StandInError {
  readonly code: string;
  readonly message?: string;

  constructor(code: string, message?: string) {
    if (!Object.values(ERROR_CODES).includes(code as never)) {
      throw new Error(`CustomFunctions.Error: unknown error code ${code}`);
    }
    this.code = code;
    this.message = message;
  }
}

export type Registered = (...args: unknown[]) => unknown;

export interface CustomFunctionsStandIn {
  Error: typeof StandInError;
  ErrorCode: typeof ERROR_CODES;
  associate(id: string | Record<string, Registered>, fn?: Registered): void;
  registry: Map<string, Registered>;
}

export function createCustomFunctionsStandIn(): CustomFunctionsStandIn {
  const registry = new Map<string, Registered>();
  return {
    Error: StandInError,
    ErrorCode: ERROR_CODES,
    registry,
    associate(id, fn) {
      const entries = typeof id === "string" ? [[id, fn as Registered] as const] : Object.entries(id);
      for (const [name, handler] of entries) {
        if (typeof handler !== "function") throw new Error(`associate(${name}): not a function`);
        if (registry.has(name.toUpperCase())) throw new Error(`associate(${name}): registered twice`);
        registry.set(name.toUpperCase(), handler);
      }
    },
  };
}

/** Installs the stand-in as the global CustomFunctions, for unit tests of src/functions. */
export function installCustomFunctionsStandIn(): CustomFunctionsStandIn {
  const standIn = createCustomFunctionsStandIn();
  (globalThis as unknown as { CustomFunctions: CustomFunctionsStandIn }).CustomFunctions = standIn;
  return standIn;
}

export function isStandInError(value: unknown): value is StandInError {
  return value instanceof StandInError;
}
