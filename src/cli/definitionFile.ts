/**
 * Definition files: read and validated (one line naming every problem), and written atomically
 * (a temporary file renamed into place, so a failed run never leaves half a definition).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { SegmentError } from "../engine/errors";
import { parseDefinition, type SegmentDefinition } from "../engine/definition/schema";
import { CliError } from "./errors";

export function loadDefinition(file: string): SegmentDefinition {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new CliError(`definition file not found: ${file}`);
    throw new CliError(`${file} could not be read: ${(error as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    throw new CliError(`${path.basename(file)} is not valid JSON: ${(error as Error).message}`);
  }
  try {
    return parseDefinition(json);
  } catch (error) {
    if (error instanceof SegmentError) throw new CliError(`${path.basename(file)}: ${error.message}`);
    throw error;
  }
}

export function writeJsonFile(file: string, value: unknown): void {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const temporary = path.join(path.dirname(path.resolve(file)), `.${path.basename(file)}.${process.pid}.tmp`);
  fs.writeFileSync(temporary, `${JSON.stringify(value, null, 2)}\n`);
  fs.renameSync(temporary, file);
}

/** Refuses an output path that is one of the inputs: a run must never overwrite its data. */
export function checkOutput(out: string, inputs: string[], extension: string): void {
  if (!out.toLowerCase().endsWith(extension)) throw new CliError(`--out must name a ${extension} file; got ${out}`);
  const target = path.resolve(out);
  for (const input of inputs) {
    if (path.resolve(input) === target) throw new CliError(`--out ${out} is also an input; choose another file name`);
  }
}
