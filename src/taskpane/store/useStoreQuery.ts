/**
 * A read from the store for a view: loading, its answer or its error, and reload. A late answer to
 * an older read is dropped. While the same thing (`key`) is read again, the last answer is kept as
 * `previous`, so the view does not blank out on every refresh; reading something else starts afresh.
 */
import * as React from "react";

export type QueryState<T> =
  | { kind: "idle" }
  | { kind: "loading"; previous: { data: T } | null }
  | { kind: "done"; data: T }
  | { kind: "failed"; error: unknown; previous: { data: T } | null };

export function useStoreQuery<T>(
  read: (() => Promise<T>) | null,
  deps: readonly unknown[],
  key = "",
): { state: QueryState<T>; reload(): void } {
  const [state, setState] = React.useState<QueryState<T>>({ kind: "idle" });
  const [round, setRound] = React.useState(0);
  const latest = React.useRef(0);
  const lastAnswer = React.useRef<{ key: string; data: T } | null>(null);
  const readRef = React.useRef(read);
  readRef.current = read;

  React.useEffect(() => {
    const run = readRef.current;
    const ticket = ++latest.current;
    if (!run) {
      setState({ kind: "idle" });
      return;
    }
    const previous = lastAnswer.current && lastAnswer.current.key === key ? { data: lastAnswer.current.data } : null;
    setState({ kind: "loading", previous });
    run().then(
      (data) => {
        if (latest.current !== ticket) return;
        lastAnswer.current = { key, data };
        setState({ kind: "done", data });
      },
      (error: unknown) => {
        if (latest.current === ticket) setState({ kind: "failed", error, previous });
      },
    );
    return () => {
      // A newer read (or unmounting) makes this one's answer irrelevant.
      if (latest.current === ticket) latest.current++;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the caller lists what the read depends on
  }, [...deps, key, round, read === null]);

  const reload = React.useCallback(() => setRound((n) => n + 1), []);
  return { state, reload };
}

/** The last answer: the current one, or the one kept while the same thing is read again; undefined when none. */
export function answerOf<T>(state: QueryState<T>): { data: T } | undefined {
  if (state.kind === "done") return { data: state.data };
  if (state.kind === "loading" || state.kind === "failed") return state.previous ?? undefined;
  return undefined;
}
