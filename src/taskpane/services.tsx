/**
 * What the views use beyond React: the workbook and the engine worker. Provided once by index.tsx
 * (real Excel, real worker) and by tests (fakes), so views never reach for globals.
 */
import * as React from "react";
import type { JobClient } from "./worker/client";
import type { EngineJobs } from "./worker/registry";
import type { WorkbookGateway } from "./workbook/gateway";

export interface PaneServices {
  /** Null outside Excel (the pane opened in a plain browser). */
  workbook: WorkbookGateway | null;
  engine: JobClient<EngineJobs> | null;
}

const ServicesContext = React.createContext<PaneServices>({ workbook: null, engine: null });

export function ServicesProvider({ services, children }: { services: PaneServices; children: React.ReactNode }) {
  return <ServicesContext.Provider value={services}>{children}</ServicesContext.Provider>;
}

export function useServices(): PaneServices {
  return React.useContext(ServicesContext);
}
