/** The first rows of the mapped columns, so the planner sees the mapping makes sense. */
import * as React from "react";
import { makeStyles, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, tokens } from "@fluentui/react-components";
import { roleInfo, COLUMN_ROLES } from "../../../engine/data/columnRoles";
import type { SheetData } from "../../../excel/reader";
import type { RoleColumns } from "../../dataset";
import { previewCell } from "./cellFormat";

export const PREVIEW_ROWS = 8;

const useStyles = makeStyles({
  scroller: {
    overflowX: "auto",
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  table: { minWidth: "100%", width: "max-content" },
  role: { display: "block", color: tokens.colorNeutralForeground3, fontWeight: tokens.fontWeightRegular },
  cell: { whiteSpace: "nowrap", maxWidth: "180px", overflow: "hidden", textOverflow: "ellipsis" },
});

export function DataPreview({ data, roles }: { data: SheetData; roles: RoleColumns }) {
  const styles = useStyles();
  const mapped = COLUMN_ROLES.filter((info) => roles[info.role] !== undefined).map((info) => ({
    role: info.role,
    column: roles[info.role] as number,
  }));
  const shown = mapped.length > 0 ? mapped : data.headers.slice(0, 4).map((_, column) => ({ role: null, column }));
  const rowCount = Math.min(PREVIEW_ROWS, data.rowCount);
  return (
    <div className={styles.scroller} role="region" aria-label={`Preview: the first ${rowCount} rows`} tabIndex={0}>
      <Table size="extra-small" className={styles.table} aria-label="Preview of the data">
        <TableHeader>
          <TableRow>
            {shown.map(({ role, column }) => (
              <TableHeaderCell key={`${role}-${column}`} className={styles.cell}>
                <span>
                  {data.headers[column]}
                  {role && <span className={styles.role}>{roleInfo(role).label}</span>}
                </span>
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {Array.from({ length: rowCount }, (_, row) => (
            <TableRow key={row}>
              {shown.map(({ role, column }) => (
                <TableCell key={`${role}-${column}`} className={styles.cell}>
                  {previewCell(data.columns[column], row)}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
