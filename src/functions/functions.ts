/**
 * The functions bundle Excel loads: the SEGMENT.* custom functions, the public contract a planner
 * types into cells. Each one only reads Excel's arguments and calls the engine (src/engine).
 *
 * One module per family holds the JSDoc Excel shows (`*Functions.ts`, listed in webpack.config.js):
 * custom-functions-metadata-plugin generates functions.json from it and appends the
 * CustomFunctions.associate calls to each module when it is bundled.
 *
 * Conventions: ranges spill one answer per row; the policy functions take a single value or a range
 * for every argument (one call per column, not per row); an omitted optional argument arrives as
 * null; nothing throws: problems come back as #VALUE!, #NUM! or #N/A with a message.
 */
import "./classifyFunctions";
import "./policyFunctions";
import "./clusterFunctions";
import "./definitionFunctions";
