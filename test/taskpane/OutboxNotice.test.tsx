/**
 * @jest-environment ./test/taskpane/views/governance/support/jsdomWithNode.js
 *
 * The shell's notice of changes waiting for the store: read from the outbox kept in this browser as
 * the pane opens, whatever view is open, and one click from the Governance view.
 */
import "../support/dom";
import * as React from "react";
import { act, fireEvent, render, screen } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { Outbox, WebStorageOutboxStorage, type Sender } from "../../src/sync/outbox";
import { OutboxNotice } from "../../src/taskpane/OutboxNotice";
import { createConnectionSettings, outboxKeyFor } from "../../src/taskpane/store/connectionSettings";
import { StoreSessionProvider } from "../../src/taskpane/store/StoreSession";

// Nothing listens on port 9 (discard): the store is unreachable, so what waits keeps waiting.
const URL = "http://127.0.0.1:9";
const neverSent: Sender = async () => {
  throw new Error("not sent in this test");
};

async function renderNotice(onOpen: () => void) {
  const settings = createConnectionSettings({ document: null });
  await settings.writeUrl(URL);
  settings.writeToken(URL, "token-analyst");
  await act(async () => {
    render(
      <FluentProvider theme={webLightTheme}>
        <StoreSessionProvider settings={settings} clientOptions={{ retries: 0, timeoutMs: 2_000 }}>
          <OutboxNotice onOpen={onOpen} />
        </StoreSessionProvider>
      </FluentProvider>,
    );
  });
  return settings;
}

beforeEach(() => localStorage.clear());

test("nothing waiting, no notice", async () => {
  await renderNotice(() => undefined);
  expect(screen.queryByRole("status")).toBeNull();
});

test("changes kept from an earlier session are counted in the header and open the Governance view", async () => {
  const outbox = new Outbox(new WebStorageOutboxStorage(localStorage, outboxKeyFor(URL)), neverSent);
  await outbox.enqueue({ kind: "createDefinition", document: { id: "retail" } });
  await outbox.enqueue({ kind: "submit", definitionId: "retail", version: 1, etag: '"1"' });
  const onOpen = jest.fn();
  await renderNotice(onOpen);
  const button = await screen.findByRole("button", { name: /2 changes waiting for the store/ });
  fireEvent.click(button);
  expect(onOpen).toHaveBeenCalledTimes(1);
});
