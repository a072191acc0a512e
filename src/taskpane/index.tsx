import * as React from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider } from "@fluentui/react-components";
import { App } from "./App";
import { themeForBackground } from "./theme";

/* global Office */

function officeBackground(): string | undefined {
  try {
    return Office.context?.officeTheme?.bodyBackgroundColor;
  } catch {
    return undefined;
  }
}

function render(host: string | null) {
  const container = document.getElementById("root");
  if (!container) throw new Error("taskpane.html has no #root element");
  createRoot(container).render(
    <FluentProvider theme={themeForBackground(officeBackground())} style={{ minHeight: "100vh" }}>
      <App host={host} />
    </FluentProvider>,
  );
}

if (typeof Office !== "undefined" && typeof Office.onReady === "function") {
  Office.onReady((info) => render(info.host ? String(info.host) : null)).catch((error: unknown) => {
    document.body.textContent = `Supply Segments could not start: ${error instanceof Error ? error.message : String(error)}`;
  });
} else {
  render(null);
}
