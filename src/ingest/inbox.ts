// The inbox: a folder where daily automated deliveries appear. Files directly in it load as source
// "inbox"; files in a subfolder load with the subfolder's name as source, using a `profiel.json`
// in that subfolder when there is one. Each file, once its size is stable, is loaded and moved to
// `verwerkt/` (loaded or already known) or `mislukt/`, with a report `<name>.rapport.txt` beside it.

import { existsSync } from "node:fs";
import { mkdir, readdir, rename, stat, writeFile } from "node:fs/promises";
import { basename, join } from "node:path";
import { InputError } from "../domain/errors.ts";
import type { Store } from "../store/store.ts";
import { ingestFile } from "./ingest-file.ts";
import { loadProfile } from "./profile.ts";

export const DONE_DIR = "verwerkt";
export const FAILED_DIR = "mislukt";
const SKIP = new Set([DONE_DIR, FAILED_DIR]);

export interface InboxEffects {
  store: Store;
  now: () => Date;
  log: (line: string) => void;
  /** After a delivery with new data was loaded (not a repeat, not a failure). */
  loaded?: () => void;
}

interface Candidate {
  path: string;
  source: string;
  profilePath: string | null;
}

async function listCandidates(dir: string): Promise<Candidate[]> {
  const out: Candidate[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.name.startsWith(".") || SKIP.has(entry.name)) continue;
    const p = join(dir, entry.name);
    if (entry.isFile() && !entry.name.endsWith(".rapport.txt")) {
      out.push({ path: p, source: "inbox", profilePath: null });
    } else if (entry.isDirectory()) {
      const profile = join(p, "profiel.json");
      for (const f of await readdir(p, { withFileTypes: true })) {
        if (
          !f.isFile() ||
          f.name.startsWith(".") ||
          f.name === "profiel.json" ||
          f.name.endsWith(".rapport.txt")
        )
          continue;
        out.push({
          path: join(p, f.name),
          source: entry.name,
          profilePath: existsSync(profile) ? profile : null,
        });
      }
    }
  }
  return out.sort((a, b) => a.path.localeCompare(b.path));
}

/** Loads one file and moves it away with its report. Returns the report text. */
export async function processInboxFile(dir: string, c: Candidate, fx: InboxEffects): Promise<string> {
  const stamp = fx.now().toISOString();
  let ok = false;
  let report: string;
  try {
    const profile = c.profilePath ? loadProfile(c.profilePath) : undefined;
    const { outcome, format } = await ingestFile(
      c.path,
      { source: c.source, profile },
      { store: fx.store, now: fx.now },
    );
    const d = outcome.delivery;
    if (outcome.kind === "failed") {
      const e = outcome.error;
      report = `Levering ${d.id} mislukt: ${e instanceof InputError ? e.describe() : e.message}\nEr is niets geladen.\n`;
    } else if (outcome.kind === "duplicate") {
      ok = true;
      report = `Dit bestand is al geladen als levering ${d.id}; er is niets veranderd.\n`;
    } else {
      ok = true;
      fx.loaded?.();
      const c2 = d.counts;
      report =
        `Levering ${d.id} (${d.source}, ${format}) geladen: ${c2.read} gelezen, ${c2.inserted} nieuw, ` +
        `${c2.updated} bijgewerkt, ${c2.unchanged} ongewijzigd, ${c2.aggregates} tabelcellen, ` +
        `${c2.quarantined} in quarantaine, ${c2.unplaced} niet geplaatst.\n`;
      for (const q of await fx.store.quarantine(d.id)) {
        report += `  regel ${q.line}${q.field ? `, veld ${q.field}` : ""}: ${q.reason}\n`;
      }
    }
  } catch (err) {
    report = `Niet verwerkt: ${err instanceof InputError ? err.describe() : (err as Error).message}\n`;
  }
  const target = join(dir, ok ? DONE_DIR : FAILED_DIR);
  await mkdir(target, { recursive: true });
  const name = `${stamp.replace(/[:.]/g, "-")}_${c.source}_${basename(c.path)}`;
  await rename(c.path, join(target, name));
  await writeFile(join(target, `${name}.rapport.txt`), `${stamp}\n${c.path}\n${report}`);
  fx.log(`inbox: ${c.path} -> ${ok ? DONE_DIR : FAILED_DIR}: ${report.split("\n")[0]}`);
  return report;
}

/**
 * Processes what is in the inbox now. A file is taken only when its size is unchanged since the
 * previous scan (`sizes`), so a file still being written is left for the next scan.
 */
export async function scanInbox(dir: string, fx: InboxEffects, sizes: Map<string, number>): Promise<number> {
  let done = 0;
  const seen = new Set<string>();
  for (const c of await listCandidates(dir)) {
    seen.add(c.path);
    const size = (await stat(c.path)).size;
    if (sizes.get(c.path) !== size) {
      sizes.set(c.path, size);
      continue;
    }
    sizes.delete(c.path);
    await processInboxFile(dir, c, fx);
    done++;
  }
  for (const p of sizes.keys()) if (!seen.has(p)) sizes.delete(p);
  return done;
}

/** Scans the inbox every `intervalMs` until stopped. Scans never overlap. */
export function watchInbox(dir: string, fx: InboxEffects, intervalMs = 2000): { stop(): Promise<void> } {
  const sizes = new Map<string, number>();
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;
  const timer = setInterval(() => {
    running = running.then(() =>
      stopped
        ? 0
        : scanInbox(dir, fx, sizes).catch((e) => fx.log(`inbox: fout bij scannen: ${(e as Error).message}`)),
    );
  }, intervalMs);
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
