/**
 * The pane's views, in navigation order. Each is loaded on first use (React.lazy → a chunk of its
 * own), so the first load carries only the shell. Views not built yet are not listed.
 */
import * as React from "react";

export type ViewId = "data" | "functions";

export interface ViewEntry {
  id: ViewId;
  label: string;
  /** One line for screen readers and tooltips. */
  description: string;
  component: React.LazyExoticComponent<React.ComponentType>;
}

export const VIEWS: readonly ViewEntry[] = [
  {
    id: "data",
    label: "Data",
    description: "Choose the table or range to segment and what each column means.",
    component: React.lazy(() => import(/* webpackChunkName: "view-data" */ "./views/data/DataView")),
  },
  {
    id: "functions",
    label: "Functions",
    description: "The SEGMENT functions you can type in cells.",
    component: React.lazy(() => import(/* webpackChunkName: "view-functions" */ "./views/FunctionsView")),
  },
];
