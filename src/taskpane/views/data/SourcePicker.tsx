/** Picks the data: an Excel table, a named range or the current selection. */
import * as React from "react";
import { Dropdown, Field, makeStyles, Option, OptionGroup } from "@fluentui/react-components";
import type { DataSource, SourceChoice, WorkbookSources } from "../../../excel/sources";

export function sourceKey(source: DataSource): string {
  return source.kind === "selection" ? "selection" : `${source.kind}:${source.name}`;
}

const rows = (choice: SourceChoice, headerIncluded: boolean) => {
  const count = Math.max(0, choice.rowCount - (headerIncluded ? 1 : 0));
  return `${count.toLocaleString("en-US")} ${count === 1 ? "row" : "rows"}`;
};

/** The text the dropdown shows for a choice. */
export function choiceLabel(choice: SourceChoice): string {
  switch (choice.source.kind) {
    case "table":
      return `${choice.source.name} · table · ${rows(choice, true)}`;
    case "namedRange":
      return `${choice.source.name} · name · ${rows(choice, true)}`;
    case "selection":
      return `Selection ${choice.address}`;
  }
}

const useStyles = makeStyles({
  dropdown: { minWidth: 0, width: "100%" },
});

export interface SourcePickerProps {
  sources: WorkbookSources | null;
  selectedKey: string | null;
  onSelect(key: string): void;
  disabled: boolean;
}

export function allChoices(sources: WorkbookSources | null): SourceChoice[] {
  if (!sources) return [];
  return [...sources.tables, ...sources.namedRanges, ...(sources.selection ? [sources.selection] : [])];
}

export function SourcePicker({ sources, selectedKey, onSelect, disabled }: SourcePickerProps) {
  const styles = useStyles();
  const choices = allChoices(sources);
  const selected = choices.find((choice) => sourceKey(choice.source) === selectedKey);
  const empty = sources !== null && choices.length === 0;
  return (
      <Field
        label="Data to segment"
        hint={empty ? undefined : "An Excel table, a named range or the cells you selected, with headers in the first row."}
        validationState={empty ? "warning" : "none"}
        validationMessage={empty ? "This workbook has no tables or named ranges. Select your data (headers included) and refresh." : undefined}
      >
        <Dropdown
          className={styles.dropdown}
          placeholder={sources === null ? "Looking for tables…" : "Choose a table or range"}
          value={selected ? choiceLabel(selected) : ""}
          selectedOptions={selectedKey ? [selectedKey] : []}
          onOptionSelect={(_, data) => data.optionValue && onSelect(data.optionValue)}
          disabled={disabled || sources === null}
        >
          {sources && sources.tables.length > 0 && (
            <OptionGroup label="Tables">
              {sources.tables.map((choice) => (
                <Option key={sourceKey(choice.source)} value={sourceKey(choice.source)} text={choiceLabel(choice)}>
                  {choiceLabel(choice)}
                </Option>
              ))}
            </OptionGroup>
          )}
          {sources && sources.namedRanges.length > 0 && (
            <OptionGroup label="Named ranges">
              {sources.namedRanges.map((choice) => (
                <Option key={sourceKey(choice.source)} value={sourceKey(choice.source)} text={choiceLabel(choice)}>
                  {choiceLabel(choice)}
                </Option>
              ))}
            </OptionGroup>
          )}
          {sources?.selection && (
            <OptionGroup label="Selection">
              <Option value="selection" text={choiceLabel(sources.selection)}>
                {choiceLabel(sources.selection)}
              </Option>
            </OptionGroup>
          )}
        </Dropdown>
      </Field>
  );
}
