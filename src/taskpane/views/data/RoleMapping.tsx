/** One field per column role: which column plays it, and how complete that column is. */
import * as React from "react";
import { Dropdown, Field, makeStyles, Option, tokens } from "@fluentui/react-components";
import { COLUMN_ROLES, type ColumnRole } from "../../../engine/data/columnRoles";
import type { SheetData } from "../../../excel/reader";
import type { RoleColumns } from "../../dataset";
import { checkColumn, formatShare } from "./columnCheck";

const NOT_USED = "none";

const useStyles = makeStyles({
  grid: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(200px, 1fr))",
    alignItems: "start",
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalS,
  },
  dropdown: { minWidth: 0, width: "100%" },
});

export interface RoleMappingProps {
  data: SheetData;
  roles: RoleColumns;
  /** Roles whose column was guessed from the header rather than chosen or saved. */
  guessed: ReadonlySet<ColumnRole>;
  onChange(role: ColumnRole, column: number | null): void;
}

export function RoleMapping({ data, roles, guessed, onChange }: RoleMappingProps) {
  const styles = useStyles();
  return (
    <div className={styles.grid}>
      {COLUMN_ROLES.map((info) => {
        const column = roles[info.role];
        const check = column === undefined ? null : checkColumn(info.role, data.columns[column]);
        const hint =
          column === undefined
            ? info.description
            : `${formatShare(check!.filled)} filled${guessed.has(info.role) ? " · guessed from the header" : ""}`;
        return (
          <Field
            key={info.role}
            label={info.label}
            hint={hint}
            validationState={check?.state ?? "none"}
            validationMessage={check?.message}
          >
            <Dropdown
              className={styles.dropdown}
              value={column === undefined ? "Not in the data" : data.headers[column]}
              selectedOptions={[column === undefined ? NOT_USED : String(column)]}
              onOptionSelect={(_, option) => onChange(info.role, option.optionValue === NOT_USED || option.optionValue === undefined ? null : Number(option.optionValue))}
            >
              <Option value={NOT_USED}>Not in the data</Option>
              {data.headers.map((header, index) => (
                <Option key={index} value={String(index)}>
                  {header}
                </Option>
              ))}
            </Dropdown>
          </Field>
        );
      })}
    </div>
  );
}
