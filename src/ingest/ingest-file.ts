// Ingest of one delivered file: hash, detect the format, read and validate the records, place
// them, and load the delivery atomically. A file that cannot be read at all is still recorded
// as a failed delivery, with the reason.

import type { DeliveryFormat, QuarantineEntry } from "../domain/delivery.ts";
import { InputError } from "../domain/errors.ts";
import type { DeliveryContent, LoadOutcome, Store } from "../store/store.ts";
import { aggregateContent } from "./aggregate-content.ts";
import { canonicalRecordStream } from "./canonical-csv.ts";
import { detectFormat } from "./detect-format.ts";
import { fileFacts, readLines } from "./file-facts.ts";
import { compileDateTimePattern } from "./parse-datetime.ts";
import { loadPlacer } from "./placement.ts";
import { applyProfile, jsonGetter, type Profile, profileColumns } from "./profile.ts";
import { type RecordStream, registrationContent, type SourceRecord } from "./registration-content.ts";
import { type Delimiter, openCsv } from "./text/csv-reader.ts";
import type { TextEncoding } from "./text/detect-encoding.ts";
import { readJsonRecords } from "./text/json-records.ts";

export interface IngestOptions {
  /** Name of the source (bron), e.g. "politie-oost-nederland". */
  source: string;
  profile?: Profile;
  delimiter?: Delimiter;
  encoding?: TextEncoding;
  onProgress?: (bytesRead: number, totalBytes: number) => void;
}

export interface IngestDeps {
  store: Store;
  now: () => Date;
}

export interface IngestReport {
  outcome: LoadOutcome;
  format: DeliveryFormat;
  /** Columns the canonical reader did not know (ignored, reported). */
  ignoredColumns: string[];
}

export async function ingestFile(path: string, opts: IngestOptions, deps: IngestDeps): Promise<IngestReport> {
  const facts = await fileFacts(path);
  // A file loaded before is not read again (the store checks once more, atomically, when loading).
  const known = await deps.store.loadedDelivery(opts.source, facts.sha256);
  if (known)
    return { outcome: { kind: "duplicate", delivery: known }, format: known.format, ignoredColumns: [] };
  let format: DeliveryFormat = "profiel";
  let detectError: unknown;
  try {
    if (!opts.profile) format = detectFormat(facts.head, path);
  } catch (err) {
    detectError = err;
  }
  const delivery = {
    source: opts.source,
    fileName: path,
    sha256: facts.sha256,
    bytes: facts.bytes,
    format,
    receivedAt: deps.now(),
  };
  let ignoredColumns: string[] = [];
  let content: DeliveryContent;
  try {
    if (detectError) throw detectError;
    if (format === "statline" || format === "cbs-odata") {
      content = await aggregateContent(path, format, opts.source, deps.store);
    } else {
      const built = await buildRegistrationStream(path, format, opts);
      ignoredColumns = built.ignoredColumns;
      const classification = new Map((await deps.store.classification()).map((c) => [c.bvhCode, c]));
      const placer = await loadPlacer(deps.store);
      content = registrationContent(
        built.stream,
        {
          source: opts.source,
          classification,
          placer,
          parseDateTime: opts.profile?.datumformaat
            ? compileDateTimePattern(opts.profile.datumformaat)
            : undefined,
        },
        { store: deps.store, rawLines: (lines) => readLines(path, lines) },
      );
    }
  } catch (err) {
    // Unreadable as a whole (empty, not CSV, missing columns …): record the failed delivery.
    content = failingContent(err);
  }
  const outcome = await deps.store.loadDelivery(delivery, content);
  return { outcome, format, ignoredColumns };
}

function failingContent(err: unknown): DeliveryContent {
  return {
    // biome-ignore lint/correctness/useYield: this stream only fails, on purpose
    registrations: (async function* () {
      throw err;
    })(),
    finish: () => ({ quarantine: [], read: 0 }),
  };
}

async function buildRegistrationStream(
  path: string,
  format: DeliveryFormat,
  opts: IngestOptions,
): Promise<{ stream: RecordStream; ignoredColumns: string[] }> {
  const profile = opts.profile;
  if (format === "profiel" && !profile) {
    throw new InputError(
      "onbekend bestandsformaat; lever het bestand met een koppelprofiel (--profiel)",
      path,
    );
  }
  if (profile?.formaat === "json")
    return { stream: await jsonProfileStream(path, profile), ignoredColumns: [] };
  const csv = await openCsv(path, {
    delimiter: opts.delimiter ?? profile?.scheiding,
    encoding: opts.encoding ?? profile?.codering,
    onProgress: opts.onProgress,
  });
  if (!profile) {
    const s = canonicalRecordStream(csv);
    return { stream: s, ignoredColumns: s.ignoredColumns };
  }
  const index = new Map(csv.header.map((h, i) => [h.trim(), i]));
  const missing = profileColumns(profile).filter((c) => !index.has(c));
  if (missing.length > 0) {
    await csv.close();
    throw new InputError(
      `kolom${missing.length > 1 ? "men" : ""} uit het koppelprofiel ontbreekt in het bestand: ${missing.join(", ")}`,
      path,
      csv.headerLine,
      missing[0] ?? null,
    );
  }
  const problems: QuarantineEntry[] = csv.problems;
  async function* batches(): AsyncIterable<SourceRecord[]> {
    for await (const batch of csv.records) {
      const out: SourceRecord[] = [];
      for (const rec of batch) {
        const mapped = applyProfile(profile as Profile, (name) => {
          const i = index.get(name);
          return i === undefined ? undefined : rec.fields[i];
        });
        if (mapped.ok) out.push({ line: rec.line, raw: rec.raw, record: mapped.record });
        else
          problems.push({
            file: path,
            line: rec.line,
            field: mapped.field,
            reason: mapped.reason,
            raw: rec.raw,
          });
      }
      yield out;
    }
  }
  return { stream: { file: path, batches: batches(), problems }, ignoredColumns: [] };
}

async function jsonProfileStream(path: string, profile: Profile): Promise<RecordStream> {
  const { records } = await readJsonRecords(path);
  const problems: QuarantineEntry[] = [];
  const out: SourceRecord[] = [];
  for (const { line, value } of records) {
    const raw = JSON.stringify(value);
    const mapped = applyProfile(profile, jsonGetter(value));
    if (mapped.ok) out.push({ line, raw, record: mapped.record });
    else problems.push({ file: path, line, field: mapped.field, reason: mapped.reason, raw });
  }
  async function* batches(): AsyncIterable<SourceRecord[]> {
    for (let i = 0; i < out.length; i += 10_000) yield out.slice(i, i + 10_000);
  }
  return { file: path, batches: batches(), problems };
}
