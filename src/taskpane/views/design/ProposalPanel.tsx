/**
 * The proposed definition before it is used: what it says, how many items and how much revenue each
 * segment would take on these items (ABC ranked on them, as applying does), for clusters the profiles
 * and the scatter; and the button that makes it the working definition for the other views.
 */
import * as React from "react";
import {
  Body1,
  Button,
  Caption1,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from "@fluentui/react-components";
import { formatCount, formatShare } from "../../../engine/definition/format";
import type { ClusterProposal, ProposedDefinition } from "../../worker/designJobs";
import { ClusterDetails } from "./ClusterDetails";
import { useTableStyles } from "./tableStyles";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  heading: { margin: 0 },
  name: { minWidth: "140px" },
  muted: { color: tokens.colorNeutralForeground3, margin: 0 },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
});

export interface ProposalPanelProps {
  proposal: ProposedDefinition | ClusterProposal;
  /** The proposal is the working definition already. */
  inUse: boolean;
  onUse(): void;
}

export function isClusterProposal(proposal: ProposedDefinition | ClusterProposal): proposal is ClusterProposal {
  return "scatter" in proposal;
}

export function ProposalPanel({ proposal, inUse, onUse }: ProposalPanelProps) {
  const styles = { ...useTableStyles(), ...useStyles() };
  const { definition, preview } = proposal;
  const itemCount = preview.items.reduce((a, b) => a + b, 0) + preview.unplaced;
  return (
    <section className={styles.root} aria-labelledby="design-proposal-heading">
      <Subtitle2 as="h2" id="design-proposal-heading" className={styles.heading}>
        Proposed: {definition.name}
      </Subtitle2>
      {definition.description && <Body1 as="p">{definition.description}</Body1>}
      <div className={styles.scroller} role="region" aria-label="Proposed segments" tabIndex={0}>
        <Table size="extra-small" className={styles.table} aria-label="Proposed segments: items and share of revenue on these items">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Segment</TableHeaderCell>
              <TableHeaderCell className={styles.name}>Name</TableHeaderCell>
              <TableHeaderCell className={styles.number}>Items</TableHeaderCell>
              <TableHeaderCell className={styles.number}>Share of items</TableHeaderCell>
              <TableHeaderCell className={styles.number}>Share of revenue</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {definition.segments.map((segment, k) => (
              <TableRow key={segment.id}>
                <TableCell>{segment.id}</TableCell>
                <TableCell className={styles.name}>{segment.name}</TableCell>
                <TableCell className={styles.number}>{formatCount(preview.items[k])}</TableCell>
                <TableCell className={styles.number}>{formatShare(itemCount > 0 ? preview.items[k] / itemCount : NaN)}</TableCell>
                <TableCell className={styles.number}>{formatShare(preview.totalRevenue !== 0 ? preview.revenue[k] / preview.totalRevenue : NaN)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      {preview.unplaced > 0 && (
        <Caption1 as="p" className={styles.muted}>
          {formatCount(preview.unplaced)} of {formatCount(itemCount)} items get no segment from this definition.
        </Caption1>
      )}
      {isClusterProposal(proposal) && <ClusterDetails proposal={proposal} />}
      {inUse ? (
        <MessageBar intent="success">
          <MessageBarBody>In use: Policies, Scenarios and KPIs work on this design.</MessageBarBody>
        </MessageBar>
      ) : (
        <div className={styles.actions}>
          <Button appearance="primary" onClick={onUse}>
            Use this design
          </Button>
        </div>
      )}
    </section>
  );
}
