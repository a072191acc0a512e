// HTTPS options for the development server, from office-addin-dev-certs' locally generated
// certificates. Installing its CA needs sudo on Linux; where that fails (a container running as
// root, say) the certificates are still generated and used, and we say how to trust the CA.
const fs = require("node:fs");

async function httpsServerOptions() {
  const devCerts = require("office-addin-dev-certs");
  const defaults = require("office-addin-dev-certs/lib/defaults");
  try {
    return { ...(await devCerts.getHttpsServerOptions()), caTrusted: true };
  } catch (error) {
    const paths = [defaults.caCertificatePath, defaults.localhostCertificatePath, defaults.localhostKeyPath];
    if (!paths.every((file) => fs.existsSync(file))) throw error;
    const reason = String(error && error.message ? error.message : error).split("\n")[0];
    console.warn(
      `\nThe development certificate authority could not be installed (${reason}).\n` +
        `The server uses its certificates anyway. Trust ${defaults.caCertificatePath} on the machine that runs Excel\n` +
        `(or run \`npx office-addin-dev-certs install\` there) so Excel accepts https://localhost:3000.\n`,
    );
    return {
      ca: fs.readFileSync(defaults.caCertificatePath),
      cert: fs.readFileSync(defaults.localhostCertificatePath),
      key: fs.readFileSync(defaults.localhostKeyPath),
      caTrusted: false,
      caCertificatePath: defaults.caCertificatePath,
    };
  }
}

module.exports = { httpsServerOptions };
