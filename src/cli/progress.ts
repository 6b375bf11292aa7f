// A progress bar on stderr for long work, only when stderr is a terminal.

import cliProgress from "cli-progress";
import type { CliEffects } from "./context.ts";

export interface Progress {
  update(done: number, total: number): void;
  stop(): void;
}

export function byteProgress(fx: CliEffects, label: string): Progress {
  if (!fx.isTty) return { update() {}, stop() {} };
  const bar = new cliProgress.SingleBar(
    {
      format: `${label} [{bar}] {percentage}% | {value}/{total} MB | nog {eta_formatted}`,
      stream: process.stderr,
      hideCursor: true,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(done, total) {
      const mb = (n: number) => Math.round((n / 1e6) * 10) / 10;
      if (!started) {
        bar.start(mb(total), 0);
        started = true;
      }
      bar.update(mb(done));
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
