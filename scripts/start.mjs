// `npm start`: builds the add-in in development mode, serves it on https://localhost:3000 and
// prints how to sideload it into Excel. Ctrl+C stops the server.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import https from "node:https";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const manifest = path.join(root, "manifest.xml");
const port = Number(process.env.PORT || 3000);
const origin = `https://localhost:${port}`;

if (!existsSync(path.join(root, "node_modules", "webpack"))) {
  console.error("Dependencies are not installed: run `npm ci` first.");
  process.exit(1);
}

const server = spawn(process.execPath, [path.join(root, "node_modules", "webpack", "bin", "webpack.js"), "serve", "--mode", "development"], {
  cwd: root,
  stdio: ["ignore", "pipe", "inherit"],
  env: { ...process.env, PORT: String(port) },
});
let output = "";
server.stdout.on("data", (chunk) => {
  output += chunk;
  if (process.env.VERBOSE) process.stdout.write(chunk);
});
const stop = (signal) => server.kill(signal);
process.on("SIGINT", () => stop("SIGINT"));
process.on("SIGTERM", () => stop("SIGTERM"));
server.on("exit", (code) => {
  if (code && !ready) process.stdout.write(output);
  process.exit(code ?? 0);
});

let ready = false;
function probe() {
  return new Promise((resolve) => {
    const request = https.get(`${origin}/functions.json`, { rejectUnauthorized: false, timeout: 2000 }, (response) => {
      response.resume();
      resolve(response.statusCode === 200);
    });
    request.on("error", () => resolve(false));
    request.on("timeout", () => request.destroy());
  });
}

const started = Date.now();
while (!ready) {
  await new Promise((r) => setTimeout(r, 1000));
  if (server.exitCode !== null) break;
  ready = await probe();
  if (!ready && Date.now() - started > 180000) {
    console.error(`The development server did not answer on ${origin} within 3 minutes.\n${output}`);
    stop("SIGTERM");
  }
}

console.log(`
Supply Segments is being served at ${origin}
  task pane      ${origin}/taskpane.html
  functions      ${origin}/functions.js, ${origin}/functions.json
  manifest       ${manifest}

Sideload it into Excel:

  Excel on the web
    1. Open a workbook at https://www.office.com (the browser must run on this machine, or reach
       ${origin} and trust its certificate).
    2. Home > Add-ins > More Add-ins > My Add-ins > Upload My Add-in, and choose
       ${manifest}
    3. Click "Segments" on the Home tab; type =SEGMENT. in a cell to see the functions.

  Excel on Windows
    1. Put manifest.xml in a shared folder (right-click the folder > Properties > Sharing).
    2. File > Options > Trust Center > Trust Center Settings > Trusted Add-in Catalogs: add the
       share's network path (\\\\machine\\share), tick "Show in Menu", OK, and restart Excel.
    3. Home > Add-ins > More Add-ins > Shared Folder > Supply Segments > Add.

  Excel on Mac
    1. Copy manifest.xml to ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef/
       (create the wef folder if needed) and restart Excel.
    2. Home > Add-ins > My Add-ins (under Developer Add-ins) > Supply Segments.

  The certificate for ${origin} comes from office-addin-dev-certs (~/.office-addin-dev-certs);
  on the machine running Excel, trust it with \`npx office-addin-dev-certs install\`.

Press Ctrl+C to stop the server.
`);
