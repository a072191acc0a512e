/**
 * The store's commands on their own (`tsx src/store/main.ts serve …`), for the tests that start a
 * real server process and for the benchmark. Users run them through `supply-segments`.
 */
import { Command } from "commander";
import { failureLine } from "../cli/errors";
import { registerStoreCommands } from "./cli";

const program = new Command("supply-segments-store").description("the Supply Segments shared store");
registerStoreCommands(program);
program.parseAsync(process.argv).catch((error: unknown) => {
  process.stderr.write(`supply-segments: ${failureLine(error)}\n`);
  process.exitCode = (error as { exitCode?: number }).exitCode ?? 1;
});
