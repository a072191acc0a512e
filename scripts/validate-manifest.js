// Validates an add-in manifest offline against Microsoft's XSD schemas (../shared/office-schemas),
// because `office-addin-manifest validate` needs the internet. Usable from the tests and as
// `node scripts/validate-manifest.js [manifest.xml]`.
const fs = require("node:fs");
const path = require("node:path");
const { validateXML } = require("xmllint-wasm");

const SCHEMA_DIR = path.resolve(__dirname, "../../shared/office-schemas/manifest");
const ROOT_SCHEMA = "OfficeAppManifestV1_1.xsd";

function loadSchemas(schemaDir = SCHEMA_DIR) {
  if (!fs.existsSync(path.join(schemaDir, ROOT_SCHEMA))) {
    throw new Error(`Office manifest schemas not found at ${schemaDir}: clone the project with shared/ beside it.`);
  }
  const files = fs.readdirSync(schemaDir).filter((name) => name.endsWith(".xsd"));
  const read = (fileName) => ({ fileName, contents: fs.readFileSync(path.join(schemaDir, fileName), "utf8") });
  return {
    schema: read(ROOT_SCHEMA),
    preload: files.filter((name) => name !== ROOT_SCHEMA).map(read),
  };
}

/** @returns {Promise<{ valid: boolean, errors: string[] }>} the schema's own messages, one per error */
async function validateManifest(xml, fileName = "manifest.xml") {
  const { schema, preload } = loadSchemas();
  const result = await validateXML({ xml: [{ fileName, contents: xml }], schema: [schema], preload });
  return { valid: result.valid, errors: result.errors.map((error) => error.rawMessage.trim()) };
}

module.exports = { validateManifest };

if (require.main === module) {
  const file = process.argv[2] || path.resolve(__dirname, "../manifest.xml");
  validateManifest(fs.readFileSync(file, "utf8"), path.basename(file)).then(({ valid, errors }) => {
    if (valid) {
      console.log(`${file}: valid against Microsoft's add-in manifest schemas`);
    } else {
      for (const message of errors) console.error(message);
      process.exitCode = 1;
    }
  });
}
