/**
 * What jsdom lacks and Fluent UI needs, for component tests: ResizeObserver (the TabList's selection
 * indicator measures its tabs). A stand-in that never reports a size: layout is checked in the
 * browser tests, not here.
 */
class ResizeObserverStandIn {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}

const scope = globalThis as unknown as { ResizeObserver?: unknown; window?: { ResizeObserver?: unknown } };
scope.ResizeObserver ??= ResizeObserverStandIn;
if (scope.window) scope.window.ResizeObserver ??= ResizeObserverStandIn;

export {};
