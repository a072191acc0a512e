/**
 * The Governance view against a real store: the store's test harness (Fastify on a fresh SQLite
 * directory, a token per role) listening on loopback, and the view rendered with a working
 * definition, a workbook gateway (or none) and its own connection settings.
 */
import * as React from "react";
import * as net from "node:net";
import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { SegmentDefinition } from "../../../../../src/engine/definition";
import { DesignStateProvider, type DesignState } from "../../../../../src/taskpane/design";
import { ServicesProvider } from "../../../../../src/taskpane/services";
import type { ConnectionSettings } from "../../../../../src/taskpane/store/connectionSettings";
import GovernanceView from "../../../../../src/taskpane/views/governance/GovernanceView";
import type { WorkbookGateway } from "../../../../../src/taskpane/workbook/gateway";
import { startTestStore, type TestStore } from "../../../../store/support/harness";

export interface ListeningStore {
  store: TestStore;
  baseUrl: string;
  port: number;
  /** Starts answering on `port` (for a store that was down). */
  listen(): Promise<void>;
  close(): Promise<void>;
}

/** A port nothing listens on (taken and released at once). */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** The store with its tokens; listening unless `down`, in which case its port refuses connections until listen(). */
export async function startStore(options: { down?: boolean } = {}): Promise<ListeningStore> {
  const store = await startTestStore("sqlite");
  const port = await freePort();
  const listen = async () => {
    await store.app.listen({ host: "127.0.0.1", port });
  };
  if (!options.down) await listen();
  return { store, port, baseUrl: `http://127.0.0.1:${port}`, listen, close: () => store.close() };
}

export function designState(definition: SegmentDefinition | null): DesignState {
  return {
    definition,
    setDefinition: () => undefined,
    applied: null,
    applyStatus: { kind: "idle" },
    reapply: async () => null,
    scenarios: [],
    saveScenario: () => null,
    removeScenario: () => undefined,
  };
}

export interface PaneOptions {
  definition: SegmentDefinition | null;
  workbook?: WorkbookGateway | null;
  settings?: ConnectionSettings;
}

function Pane({ definition, workbook = null, settings }: PaneOptions) {
  return (
    <FluentProvider theme={webLightTheme}>
      <ServicesProvider services={{ workbook, engine: null }}>
        <DesignStateProvider value={designState(definition)}>
          {/* No waiting between the client's own retries: the outbox decides when to send again. */}
          <GovernanceView settings={settings} clientOptions={{ sleep: async () => undefined }} retryIntervalMs={3_600_000} />
        </DesignStateProvider>
      </ServicesProvider>
    </FluentProvider>
  );
}

export async function renderPane(options: PaneOptions) {
  let result!: ReturnType<typeof render>;
  await act(async () => {
    result = render(<Pane {...options} />);
  });
  return {
    ...result,
    rerenderPane: async (next: PaneOptions) => {
      await act(async () => {
        result.rerender(<Pane {...next} />);
      });
    },
  };
}

export async function click(element: HTMLElement) {
  await act(async () => {
    fireEvent.click(element);
  });
}

export function type(element: HTMLElement, value: string) {
  fireEvent.change(element, { target: { value } });
}

/** Fills the connection form and presses Test connection. */
export async function connect(url: string, token: string) {
  type(screen.getByLabelText("Store address"), url);
  type(screen.getByLabelText("Token"), token);
  await click(screen.getByRole("button", { name: "Test connection" }));
}

export const button = (name: string | RegExp) => screen.getByRole("button", { name });

/** True when a Fluent button is disabled (they stay focusable, with aria-disabled, so keyboard users hear why). */
export const isDisabled = (element: HTMLElement) => element.getAttribute("aria-disabled") === "true" || (element as HTMLButtonElement).disabled;

export const eventually = (assertion: () => void) => waitFor(assertion, { timeout: 15_000 });
