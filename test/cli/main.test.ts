/** The command line's commands and options, in-process (the built binary is run by cli.e2e.test.ts). */
import { buildProgram } from "../../src/cli/main";

const program = buildProgram();
const help = (name: string) => program.commands.find((command) => command.name() === name)!.helpInformation();

test("the four segmentation commands come first, each with a description", () => {
  // Other commands (the shared store's) may follow; these four are the command line's public contract.
  expect(program.commands.slice(0, 4).map((command) => command.name())).toEqual(["readiness", "design", "apply", "compare"]);
  for (const command of program.commands.slice(0, 4)) expect(command.description().length).toBeGreaterThan(40);
});

test.each([
  ["readiness", "readiness [options] <data>", ["--min-history <periods>", "--min-share <share>", "--out <file>"]],
  ["design", "design [options] <data>", ["--method <method>", "--out <file>", "--abc-cutoffs <shares>", "--new-item-periods <n>", "--clusters <k>", "--seed <n>"]],
  ["apply", "apply [options] <definition> <data>", ["--out <file>", "--previous-data <file>"]],
  ["compare", "compare [options] <definitionA> <definitionB> <data>", ["--out <file>"]],
])("%s --help shows its usage, the column mapping and its own options", (name, usage, options) => {
  const text = help(name);
  expect(text).toContain(`Usage: supply-segments ${usage}`);
  for (const option of ["--item <column>", "--date <column>", "--quantity <column>", "--price <column>", "--revenue <column>", "--date-format <format>", "--returns <mode>", "--non-product <regex>", "--progress", ...options]) {
    expect(text).toContain(option);
  }
});

test("the top-level help lists every command with its arguments", () => {
  const text = program.helpInformation();
  for (const line of ["readiness [options] <data>", "design [options] <data>", "apply [options] <definition> <data>", "compare [options] <definitionA> <definitionB> <data>"]) {
    expect(text).toContain(line);
  }
});
