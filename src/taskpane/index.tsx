import * as React from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider } from "@fluentui/react-components";
import { App } from "./App";
import { ServicesProvider, type PaneServices } from "./services";
import { themeForBackground } from "./theme";
import { createExcelGateway } from "./workbook/excelGateway";
import { createEngineClient } from "./worker/createEngineWorker";

/* global Office */

function officeBackground(): string | undefined {
  try {
    return Office.context?.officeTheme?.bodyBackgroundColor;
  } catch {
    // Office.context throws outside Office on some hosts: no Office theme, so the light one.
    return undefined;
  }
}

function render(host: string | null) {
  const container = document.getElementById("root");
  if (!container) throw new Error("taskpane.html has no #root element");
  const services: PaneServices = {
    workbook: host === "Excel" ? createExcelGateway() : null,
    engine: typeof Worker === "function" ? createEngineClient() : null,
  };
  createRoot(container).render(
    <FluentProvider theme={themeForBackground(officeBackground())} style={{ minHeight: "100vh" }}>
      <ServicesProvider services={services}>
        <App host={host} />
      </ServicesProvider>
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
