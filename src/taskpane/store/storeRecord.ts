/** A definition as the store holds it, or null when the store has none of that id (in the user's business units). */
import { StoreClient, StoreRequestError } from "../../sync/client";
import type { DefinitionView, VersionSummary } from "../../sync/client";

export interface StoreRecord {
  view: DefinitionView;
  /** The ETag every write to it must send. */
  etag: string;
}

export async function readStoreRecord(client: StoreClient, id: string): Promise<StoreRecord | null> {
  try {
    const { definition, etag } = await client.getDefinition(id);
    return { view: definition, etag };
  } catch (error) {
    if (error instanceof StoreRequestError && error.status === 404) return null;
    throw error;
  }
}

export function latestVersion(view: DefinitionView): VersionSummary | null {
  return view.versions.reduce<VersionSummary | null>((latest, v) => (latest === null || v.version > latest.version ? v : latest), null);
}

/** The newest version waiting for approval. */
export function waitingVersion(view: DefinitionView): VersionSummary | null {
  return view.versions.filter((v) => v.status === "submitted").reduce<VersionSummary | null>((newest, v) => (newest === null || v.version > newest.version ? v : newest), null);
}
