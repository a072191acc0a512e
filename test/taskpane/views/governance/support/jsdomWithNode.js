/**
 * jsdom for the Governance view tests, with the Node globals jsdom leaves out that a real store
 * and real HTTP need in the same test: fetch and its classes, AbortController (Node's, so fetch
 * accepts its signal), TextEncoder, structuredClone, setImmediate, streams and crypto. The store
 * (Fastify on SQLite) runs in-process and the pane's StoreClient talks to it over loopback HTTP.
 */
const { TestEnvironment } = require("jest-environment-jsdom");

const NODE_GLOBALS = [
  "fetch",
  "Request",
  "Response",
  "Headers",
  "FormData",
  "AbortController",
  "AbortSignal",
  "TextEncoder",
  "TextDecoder",
  "structuredClone",
  "setImmediate",
  "clearImmediate",
  "ReadableStream",
  "WritableStream",
  "TransformStream",
  "Blob",
  "crypto",
];

class JsdomWithNodeEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    for (const name of NODE_GLOBALS) if (globalThis[name] !== undefined) this.global[name] = globalThis[name];
  }
}

module.exports = JsdomWithNodeEnvironment;
