/**
 * The data the planner chose in the Data view — the columns read from the workbook and the role of
 * each — shared with the views that come after it (Design, Policies, ...).
 */
import * as React from "react";
import type { ColumnRole } from "../engine/data/columnRoles";
import type { SheetData } from "../excel/reader";

/** Column index per role. */
export type RoleColumns = Partial<Record<ColumnRole, number>>;

export interface ChosenData {
  data: SheetData;
  roles: RoleColumns;
}

interface DatasetState {
  chosen: ChosenData | null;
  choose(chosen: ChosenData | null): void;
}

const DatasetContext = React.createContext<DatasetState>({ chosen: null, choose: () => undefined });

export function DatasetProvider({ children }: { children: React.ReactNode }) {
  const [chosen, choose] = React.useState<ChosenData | null>(null);
  const value = React.useMemo(() => ({ chosen, choose }), [chosen]);
  return <DatasetContext.Provider value={value}>{children}</DatasetContext.Provider>;
}

export function useDataset(): DatasetState {
  return React.useContext(DatasetContext);
}
