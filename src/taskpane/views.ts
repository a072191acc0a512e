/**
 * The pane's views, in navigation order. Each is loaded on first use (React.lazy → a chunk of its
 * own), so the first load carries only the shell. Views not built yet are not listed.
 */
import * as React from "react";

export type ViewId = "data" | "design" | "policies" | "scenarios" | "kpis" | "governance" | "functions";

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
    id: "design",
    label: "Design",
    description: "Choose the dimensions and the method, see the segments and name them.",
    component: React.lazy(() => import(/* webpackChunkName: "view-design" */ "./views/design/DesignView")),
  },
  {
    id: "policies",
    label: "Policies",
    description: "Set each segment's service level and policy; see the inventory and fill rate they cost.",
    component: React.lazy(() => import(/* webpackChunkName: "view-policies" */ "./views/policies/PoliciesView")),
  },
  {
    id: "scenarios",
    label: "Scenarios",
    description: "Save designs as scenarios and compare two side by side.",
    component: React.lazy(() => import(/* webpackChunkName: "view-scenarios" */ "./views/scenarios/ScenariosView")),
  },
  {
    id: "kpis",
    label: "KPIs",
    description: "Each segment's service and cost against its targets, escalations first.",
    component: React.lazy(() => import(/* webpackChunkName: "view-kpis" */ "./views/kpis/KpisView")),
  },
  {
    id: "governance",
    label: "Governance",
    description: "Submit the definition to the shared store, see its approval, history and audit trail.",
    component: React.lazy(() => import(/* webpackChunkName: "view-governance" */ "./views/governance/GovernanceView")),
  },
  {
    id: "functions",
    label: "Functions",
    description: "The SEGMENT functions you can type in cells.",
    component: React.lazy(() => import(/* webpackChunkName: "view-functions" */ "./views/FunctionsView")),
  },
];
