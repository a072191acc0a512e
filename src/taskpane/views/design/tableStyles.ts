/** The Design view's tables: each scrolls sideways in its own bordered box, numbers right-aligned. */
import { makeStyles, tokens } from "@fluentui/react-components";

export const useTableStyles = makeStyles({
  scroller: { overflowX: "auto", border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium },
  table: { minWidth: "100%", width: "max-content" },
  number: { textAlign: "end", fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap" },
});
