// Test support: runs the `driehoek` command in this process with captured output and a fixed clock.

import type { CliEffects } from "./context.ts";
import { main } from "./main.ts";

export interface CliRun {
  out: string;
  err: string;
  code: number;
}

export async function runInProcess(args: string[], opts: { stdin?: string } = {}): Promise<CliRun> {
  let out = "";
  let err = "";
  const fx: CliEffects = {
    now: () => new Date("2025-06-15T10:00:00Z"),
    stdout: (t) => {
      out += t;
    },
    stderr: (t) => {
      err += t;
    },
    env: {},
    isTty: false,
    readStdin: async () => opts.stdin ?? "",
  };
  process.exitCode = 0;
  await main(["node", "driehoek", ...args], fx);
  const code = Number(process.exitCode ?? 0);
  process.exitCode = 0;
  return { out, err, code };
}
