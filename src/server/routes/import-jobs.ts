// Background jobs of the beheerder's imports: an in-memory registry, one running job per kind at
// a time, with progress (done of total, and a Dutch line of text) that the status page polls. The
// clock and the ids are injected, so tests control them. Jobs live as long as the server process;
// what they changed is in the store and in the register, not here.

import { randomUUID } from "node:crypto";

export type JobState = "bezig" | "klaar" | "mislukt";

export interface JobProgress {
  /** Units done (rows, bytes or steps), at most `total`. */
  done: number;
  /** Units in all; 0 while unknown. */
  total: number;
  /** What happens now, in Dutch, e.g. "1.200 regels gelezen". */
  text: string;
}

export interface Job<R> {
  id: string;
  /** One job of a kind runs at a time (e.g. "gebieden", "levering"). */
  kind: string;
  /** What is imported, for people: the file name and the kind. */
  label: string;
  /** Who started it. */
  user: string;
  startedAt: Date;
  finishedAt: Date | null;
  state: JobState;
  progress: JobProgress;
  /** Set when the job is klaar. */
  result: R | null;
  /** Dutch message when the job mislukt. */
  error: string | null;
}

export type ReportProgress = (p: JobProgress) => void;

export interface JobRegistryDeps {
  now: () => Date;
  newId?: () => string;
  /** Finished jobs kept for their status pages (oldest dropped first); default 50. */
  keep?: number;
  /** Turns a failure into the Dutch message shown; default: the error's message. */
  describeError?: (err: unknown) => string;
  /** Called after every change of a job (start, progress, end), e.g. for a log or a test. */
  onChange?: (job: Readonly<Job<unknown>>) => void;
}

export interface JobRegistry<R> {
  /**
   * Starts `work` in the background, unless a job of the same kind is running: then that job is
   * returned as `busy` and nothing starts.
   */
  start(
    job: { kind: string; label: string; user: string },
    work: (report: ReportProgress) => Promise<R>,
  ): { started: Job<R> } | { busy: Job<R> };
  get(id: string): Job<R> | undefined;
  /** Newest first. */
  list(): Job<R>[];
  /** Resolves when the job has finished (at once when it has, or is unknown). */
  settled(id: string): Promise<void>;
}

export function createJobRegistry<R>(deps: JobRegistryDeps): JobRegistry<R> {
  const jobs = new Map<string, Job<R>>();
  const running = new Map<string, Promise<void>>();
  const newId = deps.newId ?? randomUUID;
  const keep = deps.keep ?? 50;
  const describe = deps.describeError ?? ((err: unknown) => (err as Error)?.message ?? String(err));

  const prune = () => {
    const finished = [...jobs.values()].filter((j) => j.state !== "bezig");
    for (const j of finished.slice(0, Math.max(0, finished.length - keep))) jobs.delete(j.id);
  };

  return {
    start(spec, work) {
      const busy = [...jobs.values()].find((j) => j.kind === spec.kind && j.state === "bezig");
      if (busy) return { busy };
      const job: Job<R> = {
        ...spec,
        id: newId(),
        startedAt: deps.now(),
        finishedAt: null,
        state: "bezig",
        progress: { done: 0, total: 0, text: "Het bestand wordt gelezen." },
        result: null,
        error: null,
      };
      jobs.set(job.id, job);
      const changed = () => deps.onChange?.(job);
      changed();
      const report: ReportProgress = (p) => {
        if (job.state !== "bezig") return;
        // Progress never goes back: a later, smaller total (a new phase) keeps the share done.
        const share = p.total > 0 ? Math.min(1, p.done / p.total) : 0;
        const before = job.progress.total > 0 ? job.progress.done / job.progress.total : 0;
        job.progress =
          share >= before
            ? { done: Math.min(p.done, p.total), total: p.total, text: p.text }
            : { ...job.progress, text: p.text };
        changed();
      };
      const done = (async () => {
        // Let the caller answer first: the work starts on the next turn.
        await Promise.resolve();
        try {
          const result = await work(report);
          job.result = result;
          job.state = "klaar";
          const total = job.progress.total || 1;
          job.progress = { done: total, total, text: "Klaar." };
        } catch (err) {
          job.error = describe(err);
          job.state = "mislukt";
          job.progress = { ...job.progress, text: "Mislukt." };
        } finally {
          job.finishedAt = deps.now();
          running.delete(job.id);
          prune();
          changed();
        }
      })();
      running.set(job.id, done);
      return { started: job };
    },
    get: (id) => jobs.get(id),
    list: () => [...jobs.values()].reverse(),
    settled: async (id) => {
      await running.get(id);
    },
  };
}

/** Share done as a whole percentage (0-100). */
export function percentDone(job: Pick<Job<unknown>, "progress" | "state">): number {
  if (job.state === "klaar") return 100;
  const { done, total } = job.progress;
  return total > 0 ? Math.floor((done / total) * 100) : 0;
}
