/**
 * A progress bar on stderr for long runs: shown when stderr is a terminal or --progress is given,
 * never on stdout (which carries the run's summary and may be piped). Redrawn at most ten times a
 * second; `done` clears it.
 */
export interface Progress {
  stage(label: string): void;
  update(fraction: number): void;
  done(): void;
}

const WIDTH = 28;

export function createProgress(enabled: boolean, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!enabled) return { stage() {}, update() {}, done() {} };
  let label = "";
  let last = 0;
  let drawn = false;
  let active = false;
  const draw = (fraction: number) => {
    if (!active) return;
    const clamped = Math.max(0, Math.min(1, fraction));
    const filled = Math.round(clamped * WIDTH);
    stream.write(`\r[${"#".repeat(filled)}${".".repeat(WIDTH - filled)}] ${String(Math.round(clamped * 100)).padStart(3)}% ${label}\x1b[K`);
    drawn = true;
  };
  return {
    stage(next) {
      label = next;
      active = true;
      draw(0);
    },
    update(fraction) {
      const now = Date.now();
      if (now - last < 100 && fraction < 1) return;
      last = now;
      draw(fraction);
    },
    done() {
      // Late reads (a stream still emitting after a failure) must not redraw over the error line.
      active = false;
      if (drawn) stream.write("\r\x1b[K");
      drawn = false;
    },
  };
}
