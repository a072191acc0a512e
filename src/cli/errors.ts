/**
 * What goes wrong on the command line, said in one line: a file that cannot be read, a column
 * mapping that does not fit the file, a definition that does not validate. main.ts prints
 * "supply-segments: <message>" to stderr and exits with the code.
 */
import { SegmentError } from "../engine/errors";

/** Exit codes: 1 = the run failed (bad file, mapping or definition); 2 = readiness check failed. */
export const EXIT_FAILURE = 1;
export const EXIT_NOT_READY = 2;

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = EXIT_FAILURE,
  ) {
    super(message);
    this.name = "CliError";
  }
}

/** The one line to print for any failure. */
export function failureLine(error: unknown): string {
  if (error instanceof CliError || error instanceof SegmentError) return error.message;
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const file = (error as NodeJS.ErrnoException | null)?.path;
  if (code === "ENOENT") return `file not found: ${file}`;
  if (code === "EACCES" || code === "EPERM") return `permission denied: ${file}`;
  if (code === "EISDIR") return `expected a file, got a directory: ${file}`;
  const message = error instanceof Error ? error.message : String(error);
  return `unexpected error: ${message.split("\n")[0]}`;
}
