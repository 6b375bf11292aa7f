// The embedded Store: one DuckDB file, owned by one process (the server or a CLI command).

import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { type DuckDBConnection, DuckDBInstance, type DuckDBValue } from "@duckdb/node-api";
import type { Organisation, UserAccount } from "../../domain/account.ts";
import type { Area, AreaLevel, AreaSummary, IndelingRow, PopulationRow } from "../../domain/area.ts";
import type { ClassificationRow } from "../../domain/classification.ts";
import {
  type Delivery,
  type DeliveryCounts,
  emptyCounts,
  type QuarantineEntry,
} from "../../domain/delivery.ts";
import { StoreError } from "../../domain/errors.ts";
import type { AggregateRow, Registration } from "../../domain/registration.ts";
import {
  type Cell,
  parsePersons,
  registrationRow,
  rowToRegistration,
  SPOOL_ENCODING,
} from "../registration-rows.ts";
import { CONTENT_COLUMNS, MIGRATIONS, REGISTRATION_COLUMNS } from "../schema.ts";
import { SpoolWriter } from "../spool.ts";
import type {
  AddressPoint,
  AreaMonthlyCount,
  DeliveryContent,
  LedgerInterval,
  LoadOutcome,
  MonthlyCount,
  MonthlyCountsQuery,
  NewDelivery,
  RegistrationsQuery,
  SavedDocument,
  Store,
  StoredVersion,
} from "../store.ts";

export interface DuckDbOptions {
  /** DuckDB memory limit, e.g. "3GB". Default 3GB. */
  memoryLimit?: string;
  threads?: number;
}

/** Opens (creating when needed) the store at `path` (":memory:" for a throwaway one) and migrates it. */
export async function openDuckDbStore(path: string, options: DuckDbOptions = {}): Promise<DuckDbStore> {
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  let instance: DuckDBInstance;
  try {
    instance = await DuckDBInstance.create(path, {
      memory_limit: options.memoryLimit ?? "3GB",
      // Row order of tables is never relied on (every read that needs an order says ORDER BY);
      // without it bulk inserts run about a third faster.
      preserve_insertion_order: "false",
      ...(options.threads ? { threads: String(options.threads) } : {}),
    });
  } catch (err) {
    throw lockOrOpenError(path, err);
  }
  const store = new DuckDbStore(path, instance, await instance.connect(), [
    await instance.connect(),
    await instance.connect(),
  ]);
  await store.migrate();
  return store;
}

function lockOrOpenError(path: string, err: unknown): StoreError {
  const msg = String((err as Error)?.message ?? err);
  const pid = /PID (\d+)/.exec(msg)?.[1];
  if (/lock/i.test(msg)) {
    return new StoreError(
      `De database ${path} is in gebruik door een ander proces${pid ? ` (PID ${pid})` : ""}, waarschijnlijk de ` +
        "driehoek-server. Eén proces tegelijk mag schrijven. Stop de server, of lever het bestand aan via de " +
        "inbox van de server (driehoek serve --inbox MAP).",
      path,
      { cause: err },
    );
  }
  return new StoreError(`De database ${path} kan niet worden geopend: ${msg}`, path, { cause: err });
}

/** Rows per spool file; each full file is staged while the next is written. */
const SPOOL_CHUNK = 250_000;

const LOADED_DELIVERY_SQL =
  "SELECT * FROM delivery WHERE sha256 = ? AND source = ? AND status = 'geladen' ORDER BY id LIMIT 1";

const AREA_COLUMNS: [string, string][] = [
  ["level", "VARCHAR"],
  ["code", "VARCHAR"],
  ["year", "INTEGER"],
  ["name", "VARCHAR"],
  ["parent", "VARCHAR"],
  ["wgs84", "VARCHAR"],
  ["rd", "VARCHAR"],
];

/** How many rows (counts and registrations) the read cache keeps at most. */
const READ_CACHE_ROWS = 1_000_000;

const placeholders = (n: number) => Array.from({ length: n }, () => "?").join(", ");

/** One connection with a queue: DuckDB runs one statement per connection at a time. */
class Lane {
  private queue: Promise<unknown> = Promise.resolve();
  constructor(readonly conn: DuckDBConnection) {}

  run<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  async drain(): Promise<void> {
    await this.queue;
  }
}

async function readRows(conn: DuckDBConnection, sql: string, values?: DuckDBValue[]) {
  const reader = await conn.runAndReadAll(sql, values);
  return reader.getRowObjectsJS() as Record<string, unknown>[];
}

/**
 * Writes (imports, deliveries) go one at a time through the writer connection; reads go through
 * their own connections, so they see the last committed state and are never stuck behind a
 * long load (and a load may read, e.g. address points, while its transaction is open).
 */
export class DuckDbStore implements Store {
  private readonly writer: Lane;
  private readonly readers: Lane[];
  private nextReader = 0;

  constructor(
    readonly location: string,
    private readonly instance: DuckDBInstance,
    private readonly conn: DuckDBConnection,
    readConnections: DuckDBConnection[],
  ) {
    this.writer = new Lane(conn);
    this.readers = readConnections.map((c) => new Lane(c));
  }

  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    return this.writer.run(work);
  }

  /** A statement on the writer connection (inside its current transaction, if any). */
  private rows(sql: string, values?: DuckDBValue[]): Promise<Record<string, unknown>[]> {
    return readRows(this.conn, sql, values);
  }

  /** A read on one of the reader connections. */
  private query(sql: string, values?: DuckDBValue[]): Promise<Record<string, unknown>[]> {
    const lane = this.readers[this.nextReader++ % this.readers.length] ?? this.writer;
    return lane.run(() => readRows(lane.conn, sql, values));
  }

  private async transaction<T>(work: () => Promise<T>): Promise<T> {
    await this.conn.run("BEGIN TRANSACTION");
    try {
      const result = await work();
      await this.conn.run("COMMIT");
      return result;
    } catch (err) {
      await this.conn.run("ROLLBACK").catch(() => undefined);
      throw err;
    }
  }

  async migrate(): Promise<void> {
    await this.exclusive(async () => {
      await this.conn.run(
        "CREATE TABLE IF NOT EXISTS schema_migration (version INTEGER PRIMARY KEY, description VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL)",
      );
      const done = new Set(
        (await this.rows("SELECT version FROM schema_migration")).map((r) => Number(r.version)),
      );
      for (const m of MIGRATIONS) {
        if (done.has(m.version)) continue;
        await this.transaction(async () => {
          for (const sql of m.statements) await this.conn.run(sql);
          await this.conn.run("INSERT INTO schema_migration VALUES (?, ?, current_timestamp)", [
            m.version,
            m.description,
          ]);
        });
      }
    });
  }

  async close(): Promise<void> {
    await this.writer.drain();
    for (const r of this.readers) {
      await r.drain();
      r.conn.closeSync();
    }
    this.conn.closeSync();
    this.instance.closeSync();
  }

  // ---- reference data -------------------------------------------------------------------------

  /**
   * Inserts or replaces rows keyed by `key`, in one transaction, in bulk (spool file, read_csv,
   * one DELETE and one INSERT). Within one call the last row for a key wins.
   */
  private upsert(table: string, columns: [string, string][], key: string[], rows: Cell[][]): Promise<number> {
    if (rows.length === 0) return Promise.resolve(0);
    return this.exclusive(() =>
      this.transaction(async () => {
        const dir = mkdtempSync(join(tmpdir(), `driehoek-${table}-`));
        try {
          const spool = new SpoolWriter(join(dir, `${table}.csv`));
          rows.forEach((row, i) => {
            spool.write([...row, i]);
          });
          await spool.close();
          const names = columns.map(([n]) => n).join(", ");
          const csvColumns = [...columns, ["upsert_seq", "INTEGER"]]
            .map(([n, t]) => `'${n}': '${t}'`)
            .join(", ");
          await this.conn.run(
            `CREATE OR REPLACE TEMP TABLE stage_upsert AS SELECT * FROM read_csv(?, header = false, delim = ',',
               quote = '"', escape = '"', columns = {${csvColumns}})`,
            [spool.path],
          );
          const match = key.map((k) => `s.${k} = ${table}.${k}`).join(" AND ");
          await this.conn.run(
            `DELETE FROM ${table} WHERE EXISTS (SELECT 1 FROM stage_upsert s WHERE ${match})`,
          );
          await this.conn.run(
            `INSERT INTO ${table} (${names}) SELECT DISTINCT ON (${key.join(", ")}) ${names} FROM stage_upsert
             ORDER BY ${key.join(", ")}, upsert_seq DESC`,
          );
          await this.conn.run("DROP TABLE stage_upsert");
          return rows.length;
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      }),
    );
  }

  importClassification(rows: ClassificationRow[]): Promise<number> {
    this.classificationRead = undefined;
    return this.upsert(
      "classification",
      [
        ["bvh_code", "VARCHAR"],
        ["bvh_label", "VARCHAR"],
        ["inp_code", "VARCHAR"],
        ["is_crime", "BOOLEAN"],
      ],
      ["bvh_code"],
      rows.map((r) => [r.bvhCode, r.bvhLabel, r.inpCode, r.isCrime]),
    ).finally(() => {
      this.classificationRead = undefined;
    });
  }

  /** The classification as read (frozen, shared), forgotten on every import of it. */
  private classificationRead: Promise<readonly ClassificationRow[]> | undefined;

  classification(): Promise<ClassificationRow[]> {
    if (!this.classificationRead) {
      const read = this.query("SELECT * FROM classification ORDER BY bvh_code").then((rows) =>
        rows.map((r) =>
          Object.freeze({
            bvhCode: String(r.bvh_code),
            bvhLabel: String(r.bvh_label),
            inpCode: String(r.inp_code),
            isCrime: r.is_crime === null ? null : Boolean(r.is_crime),
          }),
        ),
      );
      this.classificationRead = read;
      read.catch(() => {
        if (this.classificationRead === read) this.classificationRead = undefined;
      });
    }
    // Callers get their own array; the rows themselves are shared and frozen.
    return this.classificationRead.then((xs) => xs.slice());
  }

  importAreas(areas: Area[]): Promise<number> {
    this.forgetAreas();
    return this.upsert(
      "area",
      AREA_COLUMNS,
      ["level", "code", "year"],
      areas.map((a) => [
        a.level,
        a.code,
        a.year,
        a.name,
        a.parent,
        a.wgs84 ? JSON.stringify(a.wgs84) : null,
        a.rd ? JSON.stringify(a.rd) : null,
      ]),
    ).finally(() => this.forgetAreas());
  }

  /** Parsed geometries per level and year (parsing all buurten costs ~0.2 s); cleared on import. */
  private readonly areaCache = new Map<string, Promise<Area[]>>();

  areas(level: AreaLevel, year?: number): Promise<Area[]> {
    const key = `${level}|${year ?? "alle"}`;
    let hit = this.areaCache.get(key);
    if (!hit) {
      hit = this.readAreas(level, year);
      this.areaCache.set(key, hit);
      hit.catch(() => this.areaCache.delete(key));
    }
    // Callers get their own array; the areas themselves are shared and must not be changed.
    return hit.then((xs) => xs.slice());
  }

  private async readAreas(level: AreaLevel, year?: number): Promise<Area[]> {
    const rows = await this.query(
      `SELECT * FROM area WHERE level = ?${year === undefined ? "" : " AND year = ?"} ORDER BY code, year`,
      year === undefined ? [level] : [level, year],
    );
    return rows.map((r) => ({
      code: String(r.code),
      level: String(r.level) as AreaLevel,
      year: Number(r.year),
      name: String(r.name),
      parent: r.parent === null ? null : String(r.parent),
      wgs84: r.wgs84 ? JSON.parse(String(r.wgs84)) : null,
      rd: r.rd ? JSON.parse(String(r.rd)) : null,
    }));
  }

  async boundaryYears(level: AreaLevel): Promise<number[]> {
    const rows = await this.query(
      "SELECT DISTINCT year FROM area WHERE level = ? AND rd IS NOT NULL ORDER BY year DESC",
      [level],
    );
    return rows.map((r) => Number(r.year));
  }

  importPopulation(rows: PopulationRow[]): Promise<number> {
    return this.upsert(
      "population",
      [
        ["code", "VARCHAR"],
        ["year", "INTEGER"],
        ["population", "INTEGER"],
      ],
      ["code", "year"],
      rows.map((r) => [r.code, r.year, r.population]),
    ).finally(() => this.forgetAreas());
  }

  importIndeling(rows: IndelingRow[], year: number): Promise<number> {
    return this.writeIndeling(rows, year).finally(() => this.forgetAreas());
  }

  private async writeIndeling(rows: IndelingRow[], year: number): Promise<number> {
    const police: Cell[][] = [];
    const seen = new Set<string>();
    const addArea = (level: AreaLevel, code: string | null, name: string | null, parent: string | null) => {
      if (!code || seen.has(`${level}:${code}`)) return;
      seen.add(`${level}:${code}`);
      police.push([level, code, year, name ?? code, parent, null, null]);
    };
    for (const r of rows) {
      addArea("eenheid", r.eenheid, r.eenheidName, null);
      addArea("district", r.district, r.districtName, r.eenheid);
      addArea("basisteam", r.basisteam, r.basisteamName, r.district ?? r.eenheid);
    }
    // Keep geometry already imported for these police areas (e.g. the units' GeoJSON).
    const geometry = new Map(
      (
        await this.query(
          "SELECT level, code, wgs84, rd FROM area WHERE year = ? AND level IN ('eenheid', 'district', 'basisteam')",
          [year],
        )
      ).map((r) => [`${r.level}:${r.code}`, [r.wgs84, r.rd] as Cell[]]),
    );
    for (const row of police) {
      const g = geometry.get(`${row[0]}:${row[1]}`);
      if (g) row.splice(5, 2, g[0] ?? null, g[1] ?? null);
    }
    await this.upsert("area", AREA_COLUMNS, ["level", "code", "year"], police);
    return this.upsert(
      "indeling",
      [
        ["year", "INTEGER"],
        ["gemeente", "VARCHAR"],
        ["basisteam", "VARCHAR"],
        ["district", "VARCHAR"],
        ["eenheid", "VARCHAR"],
      ],
      ["year", "gemeente"],
      rows.map((r) => [year, r.gemeente, r.basisteam, r.district, r.eenheid]),
    );
  }

  /** The area lists, per filter (every page asks for the gemeenten); cleared when areas change. */
  private readonly areaLists = new Map<string, Promise<AreaSummary[]>>();

  /** After a write to the areas, their populations or the police indeling. */
  private forgetAreas(): void {
    this.areaCache.clear();
    this.areaLists.clear();
  }

  listAreas(filter: { level?: AreaLevel; year?: number } = {}): Promise<AreaSummary[]> {
    const key = `${filter.level ?? ""}|${filter.year ?? ""}`;
    let hit = this.areaLists.get(key);
    if (!hit) {
      hit = this.readAreaList(filter).then((xs) => xs.map((a) => Object.freeze(a)));
      this.areaLists.set(key, hit);
      hit.catch(() => this.areaLists.delete(key));
    }
    // Callers get their own array; the areas themselves are shared and frozen.
    return hit.then((xs) => xs.slice());
  }

  private async readAreaList(filter: { level?: AreaLevel; year?: number }): Promise<AreaSummary[]> {
    const where: string[] = [];
    const values: DuckDBValue[] = [];
    if (filter.level) {
      where.push("a.level = ?");
      values.push(filter.level);
    }
    if (filter.year !== undefined) {
      where.push("a.year = ?");
      values.push(filter.year);
    }
    // A gemeente's parent comes from the police indeling of the same (or else the newest) year.
    const rows = await this.query(
      `SELECT a.code, a.level, a.year, a.name,
         COALESCE(a.parent, (SELECT COALESCE(i.basisteam, i.district, i.eenheid) FROM indeling i
            WHERE i.gemeente = a.code ORDER BY (i.year = a.year) DESC, i.year DESC LIMIT 1)) AS parent,
         p.population, p.year AS population_year
       FROM area a
       LEFT JOIN (SELECT code, year, population,
                    row_number() OVER (PARTITION BY code ORDER BY year DESC) AS rn FROM population) p
         ON p.code = a.code AND p.rn = 1
       ${where.length ? `WHERE ${where.join(" AND ")}` : ""}
       ORDER BY CASE a.level WHEN 'eenheid' THEN 1 WHEN 'district' THEN 2 WHEN 'basisteam' THEN 3
         WHEN 'gemeente' THEN 4 WHEN 'wijk' THEN 5 WHEN 'buurt' THEN 6 ELSE 7 END, a.code, a.year`,
      values,
    );
    return rows.map((r) => ({
      code: String(r.code),
      level: String(r.level) as AreaLevel,
      year: Number(r.year),
      name: String(r.name),
      parent: r.parent === null ? null : String(r.parent),
      population: r.population === null ? null : Number(r.population),
      populationYear: r.population_year === null ? null : Number(r.population_year),
    }));
  }

  importAddresses(rows: AddressPoint[]): Promise<number> {
    return this.upsert(
      "address",
      [
        ["postcode", "VARCHAR"],
        ["house_number", "VARCHAR"],
        ["x", "DOUBLE"],
        ["y", "DOUBLE"],
      ],
      ["postcode", "house_number"],
      rows.map((a) => [a.postcode, a.houseNumber, a.x, a.y]),
    );
  }

  async addresses(postcodes: string[]): Promise<AddressPoint[]> {
    if (postcodes.length === 0) return [];
    const rows: Record<string, unknown>[] = [];
    for (let i = 0; i < postcodes.length; i += 1000) {
      const part = postcodes.slice(i, i + 1000);
      rows.push(
        ...(await this.query(
          `SELECT postcode, house_number, x, y FROM address WHERE postcode IN (${placeholders(part.length)})`,
          part,
        )),
      );
    }
    return rows.map((r) => ({
      postcode: String(r.postcode),
      houseNumber: String(r.house_number),
      x: Number(r.x),
      y: Number(r.y),
    }));
  }

  // ---- deliveries ------------------------------------------------------------------------------

  private async insertDelivery(d: NewDelivery, status: string, error: string | null, c: DeliveryCounts) {
    this.deliveryList = undefined;
    const [row] = await this.rows("SELECT nextval('delivery_id_seq') AS id");
    const id = Number(row?.id);
    await this.conn.run(`INSERT INTO delivery VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, [
      id,
      d.source,
      d.fileName,
      d.sha256,
      d.bytes,
      d.format,
      status,
      error,
      d.receivedAt.toISOString().replace("T", " ").replace("Z", ""),
      c.read,
      c.inserted,
      c.updated,
      c.unchanged,
      c.aggregates,
      c.quarantined,
      c.unplaced,
    ]);
    return id;
  }

  loadDelivery(d: NewDelivery, content: DeliveryContent): Promise<LoadOutcome> {
    return this.exclusive(async (): Promise<LoadOutcome> => {
      const [prior] = await this.rows(LOADED_DELIVERY_SQL, [d.sha256, d.source]);
      if (prior) return { kind: "duplicate", delivery: toDelivery(prior) };
      const dir = mkdtempSync(join(tmpdir(), "driehoek-levering-"));
      try {
        const id = await this.transaction(() => this.loadInTransaction(d, content, dir));
        this.clearReadCache();
        const delivery = await this.deliveryById(id);
        if (!delivery) throw new StoreError("levering verdween na het laden", this.location);
        return { kind: "loaded", delivery };
      } catch (err) {
        const error = err instanceof Error ? err : new Error(String(err));
        const id = await this.insertDelivery(d, "mislukt", error.message, emptyCounts());
        const delivery = await this.deliveryById(id);
        if (!delivery) throw error;
        return { kind: "failed", delivery, error };
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }).finally(() => {
      // Read while the load ran (its own connection sees the rows before commit): read again.
      this.deliveryList = undefined;
    });
  }

  /** Spools the content, then stages and merges it; runs inside the delivery's transaction. */
  private async loadInTransaction(d: NewDelivery, content: DeliveryContent, dir: string): Promise<number> {
    const counts = emptyCounts();
    const id = await this.insertDelivery(d, "geladen", null, counts);

    const staged = await this.spoolAndStage(content, id, dir);
    const aggSpool = new SpoolWriter(join(dir, "aggregaten.csv"));
    if (content.aggregates) {
      for await (const batch of content.aggregates) {
        for (const a of batch) {
          aggSpool.write([a.source, a.table, a.areaCode, a.period, a.category, a.measure, a.value, id]);
        }
        await aggSpool.drain();
      }
    }
    await aggSpool.close();
    const { quarantine, read } = content.finish();
    counts.read = read;
    counts.quarantined = quarantine.length;

    if (staged > 0) {
      const dupQuarantine = await this.resolveDuplicateIds(id, d.fileName, content);
      quarantine.push(...dupQuarantine);
      quarantine.sort((a, b) => a.line - b.line);
      counts.quarantined = quarantine.length;
      Object.assign(counts, await this.mergeRegistrations(id));
    }
    if (staged > 0) await this.refreshMonthlyCounts(id);
    await this.conn.run("DROP TABLE IF EXISTS stage");
    if (aggSpool.rows > 0) counts.aggregates = await this.mergeAggregates(aggSpool.path);
    if (quarantine.length > 0) await this.insertQuarantine(id, quarantine, dir);

    await this.conn.run(
      `UPDATE delivery SET n_read = ?, n_inserted = ?, n_updated = ?, n_unchanged = ?, n_aggregates = ?,
         n_quarantined = ?, n_unplaced = ? WHERE id = ?`,
      [
        counts.read,
        counts.inserted,
        counts.updated,
        counts.unchanged,
        counts.aggregates,
        counts.quarantined,
        counts.unplaced,
        id,
      ],
    );
    return id;
  }

  /**
   * Writes the registrations to spool files of SPOOL_CHUNK rows and stages each full chunk while
   * the next one is being read: DuckDB's own threads read the chunk into the `stage` table as the
   * JavaScript thread goes on parsing. Returns the number of rows staged.
   */
  private async spoolAndStage(content: DeliveryContent, deliveryId: number, dir: string): Promise<number> {
    const spoolType = (name: string, type: string) => {
      const enc = SPOOL_ENCODING[name];
      return enc === "epoch-ms" ? "BIGINT" : enc === "yyyymmdd" ? "INTEGER" : type.replace(" NOT NULL", "");
    };
    const decode = (name: string) => {
      const enc = SPOOL_ENCODING[name];
      if (enc === "epoch-ms") return `epoch_ms(${name}) AS ${name}`;
      if (enc === "yyyymmdd")
        return `make_date(${name} // 10000, (${name} // 100) % 100, ${name} % 100) AS ${name}`;
      return name;
    };
    const columns = [...REGISTRATION_COLUMNS, ["line", "INTEGER"] as const];
    const csvColumns = columns.map(([n, t]) => `'${n}': '${spoolType(n, t)}'`).join(", ");
    const select = [...REGISTRATION_COLUMNS.map(([n]) => decode(n)), "line"].join(", ");
    await this.conn.run(
      `CREATE OR REPLACE TEMP TABLE stage (${columns.map(([n, t]) => `${n} ${t.replace(" NOT NULL", "")}`).join(", ")})`,
    );
    let staging: Promise<unknown> = Promise.resolve();
    let total = 0;
    let chunk = 0;
    const stageChunk = async (spool: SpoolWriter) => {
      await spool.close();
      if (spool.rows === 0) return;
      total += spool.rows;
      staging = staging.then(() =>
        this.conn.run(
          `INSERT INTO stage SELECT ${select} FROM read_csv(?, header = false, delim = ',', quote = '"',
             escape = '"', columns = {${csvColumns}}, parallel = true)`,
          [spool.path],
        ),
      );
    };
    let spool = new SpoolWriter(join(dir, `registraties-${chunk}.csv`));
    try {
      for await (const batch of content.registrations ?? []) {
        for (const r of batch) spool.write(registrationRow(r.registration, deliveryId, r.line));
        await spool.drain();
        if (spool.rows >= SPOOL_CHUNK) {
          await stageChunk(spool);
          spool = new SpoolWriter(join(dir, `registraties-${++chunk}.csv`));
        }
      }
      await stageChunk(spool);
    } finally {
      // Never leave a statement running on the connection when the caller rolls back.
      await staging.catch(() => undefined);
    }
    await staging;
    return total;
  }

  /**
   * A source id that occurs more than once in one delivery: the newest version is kept; older
   * versions go to history; repeats with the same version and content count as unchanged; a
   * repeat with the same version but other content goes to quarantine (the first line wins).
   */
  private async resolveDuplicateIds(deliveryId: number, file: string, content: DeliveryContent) {
    const dupRows = await this.rows(
      `SELECT s.* FROM stage s JOIN (SELECT source, source_id FROM stage GROUP BY source, source_id
         HAVING count(*) > 1) d ON d.source = s.source AND d.source_id = s.source_id
       ORDER BY s.source, s.source_id, s.version DESC NULLS LAST, s.line`,
    );
    if (dupRows.length === 0) return [];
    const sameContent = (a: Record<string, unknown>, b: Record<string, unknown>) =>
      CONTENT_COLUMNS.every((c) => String(a[c]) === String(b[c]));
    const toHistory: number[] = [];
    const toDrop: number[] = [];
    const conflicts: { line: number; firstLine: number; sourceId: string }[] = [];
    let winner: Record<string, unknown> | undefined;
    for (const row of dupRows) {
      if (!winner || winner.source !== row.source || winner.source_id !== row.source_id) {
        winner = row;
        continue;
      }
      const line = Number(row.line);
      toDrop.push(line);
      const sameVersion = String(row.version) === String(winner.version);
      if (!sameVersion) toHistory.push(line);
      else if (!sameContent(row, winner)) {
        conflicts.push({ line, firstLine: Number(winner.line), sourceId: String(row.source_id) });
      }
    }
    const names = REGISTRATION_COLUMNS.map(([n]) => n).join(", ");
    const inList = (lines: number[]) => lines.join(", ");
    if (toHistory.length > 0) {
      await this.conn.run(
        `INSERT INTO registration_history SELECT ${names}, ${deliveryId} FROM stage WHERE line IN (${inList(toHistory)})`,
      );
    }
    await this.conn.run(`DELETE FROM stage WHERE line IN (${inList(toDrop)})`);
    const raw = content.rawLines
      ? await content.rawLines(conflicts.map((c) => c.line))
      : new Map<number, string>();
    return conflicts.map(
      (c): QuarantineEntry => ({
        file,
        line: c.line,
        field: "registratienummer",
        reason: `registratienummer ${c.sourceId} staat al op regel ${c.firstLine} met dezelfde versie maar een andere inhoud`,
        raw: raw.get(c.line) ?? "",
      }),
    );
  }

  /**
   * Merges the staged registrations (one row per id) into the current table. Per (source,
   * source_id): new → insert; same content → unchanged; different content and newer (or no
   * version to compare: the later delivery wins) → the current row moves to history and the new
   * one replaces it; older → straight to history.
   */
  private async mergeRegistrations(deliveryId: number) {
    const names = REGISTRATION_COLUMNS.map(([n]) => n).join(", ");
    const changed = CONTENT_COLUMNS.map((c) => `s.${c} IS DISTINCT FROM r.${c}`).join(" OR ");
    const newer = "(s.version IS NULL OR r.version IS NULL OR s.version >= r.version)";
    await this.conn.run(
      `CREATE TEMP TABLE stage_match AS
       SELECT s.source, s.source_id,
              CASE WHEN NOT (${changed}) THEN 'unchanged' WHEN ${newer} THEN 'replace' ELSE 'older' END AS action
       FROM stage s JOIN registration r ON r.source = s.source AND r.source_id = s.source_id`,
    );
    const [m] = await this.rows(
      `SELECT count(*) FILTER (WHERE action = 'unchanged') AS unchanged,
              count(*) FILTER (WHERE action = 'replace') AS replaced,
              count(*) FILTER (WHERE action = 'older') AS older,
              (SELECT count(*) FROM stage) AS staged,
              (SELECT count(*) FROM stage WHERE placement = 'niet-geplaatst') AS unplaced
       FROM stage_match`,
    );
    const replaced = Number(m?.replaced ?? 0);
    const older = Number(m?.older ?? 0);
    const unchanged = Number(m?.unchanged ?? 0);
    const staged = Number(m?.staged ?? 0);
    if (replaced > 0) {
      await this.conn.run(
        `INSERT INTO registration_history SELECT r.*, ${deliveryId} FROM registration r
         JOIN stage_match m ON m.source = r.source AND m.source_id = r.source_id AND m.action = 'replace'`,
      );
      await this.conn.run(
        `DELETE FROM registration WHERE EXISTS (SELECT 1 FROM stage_match m WHERE m.source = registration.source
           AND m.source_id = registration.source_id AND m.action = 'replace')`,
      );
    }
    if (older > 0) {
      await this.conn.run(
        `INSERT INTO registration_history SELECT ${REGISTRATION_COLUMNS.map(([n]) => `s.${n}`).join(", ")}, ${deliveryId} FROM stage s
         JOIN stage_match m ON m.source = s.source AND m.source_id = s.source_id AND m.action = 'older'`,
      );
    }
    await this.conn.run(
      `INSERT INTO registration (${names}) SELECT ${names} FROM stage s
       WHERE NOT EXISTS (SELECT 1 FROM stage_match m WHERE m.source = s.source AND m.source_id = s.source_id
                         AND m.action IN ('unchanged', 'older'))`,
    );
    await this.conn.run("DROP TABLE stage_match");
    return {
      inserted: staged - replaced - older - unchanged,
      updated: replaced,
      unchanged: unchanged + older,
      unplaced: Number(m?.unplaced ?? 0),
    };
  }

  /**
   * Recounts monthly_count for every gemeente this delivery touched: those of its new rows and
   * those of the versions it replaced. Runs inside the delivery's transaction.
   */
  private async refreshMonthlyCounts(deliveryId: number): Promise<void> {
    // Only the (gemeente, month) pairs this delivery touched are recounted: months whose
    // registrations were purged at the end of their retention keep their counts.
    await this.conn.run(
      `CREATE OR REPLACE TEMP TABLE touched AS
       SELECT DISTINCT gemeente, local_month FROM stage WHERE gemeente IS NOT NULL
       UNION SELECT DISTINCT gemeente, local_month FROM registration_history
       WHERE superseded_by_delivery = ? AND gemeente IS NOT NULL`,
      [deliveryId],
    );
    await this.conn.run(
      `DELETE FROM monthly_count WHERE (gemeente, month) IN (SELECT gemeente, local_month FROM touched)`,
    );
    await this.conn.run(
      `INSERT INTO monthly_count
       SELECT r.gemeente, r.local_month, r.inp_code, count(*), count(*) FILTER (WHERE r.attempt)
       FROM registration r JOIN touched t ON t.gemeente = r.gemeente AND t.local_month = r.local_month
       WHERE r.inp_code IS NOT NULL
       GROUP BY r.gemeente, r.local_month, r.inp_code`,
    );
    await this.conn.run("DROP TABLE touched");
  }

  private async mergeAggregates(path: string): Promise<number> {
    await this.conn.run(
      `CREATE TEMP TABLE stage_agg AS SELECT * FROM read_csv(?, header = false, delim = ',', quote = '"', escape = '"',
         columns = {'source': 'VARCHAR', 'table_name': 'VARCHAR', 'area_code': 'VARCHAR', 'period': 'VARCHAR',
                    'category': 'VARCHAR', 'measure': 'VARCHAR', 'value': 'DOUBLE', 'delivery_id': 'INTEGER'})`,
      [path],
    );
    await this.conn.run(
      `DELETE FROM aggregate WHERE EXISTS (SELECT 1 FROM stage_agg s WHERE s.source = aggregate.source
         AND s.table_name = aggregate.table_name AND s.area_code = aggregate.area_code AND s.period = aggregate.period
         AND s.category = aggregate.category AND s.measure = aggregate.measure)`,
    );
    await this.conn.run(
      `INSERT INTO aggregate SELECT DISTINCT ON (source, table_name, area_code, period, category, measure) *
       FROM stage_agg`,
    );
    const [row] = await this.rows("SELECT count(*) AS n FROM stage_agg");
    await this.conn.run("DROP TABLE stage_agg");
    return Number(row?.n ?? 0);
  }

  private async insertQuarantine(deliveryId: number, entries: QuarantineEntry[], dir: string): Promise<void> {
    const spool = new SpoolWriter(join(dir, "quarantaine.csv"));
    let seq = 0;
    for (const q of entries) spool.write([deliveryId, ++seq, q.file, q.line, q.field, q.reason, q.raw]);
    await spool.close();
    await this.conn.run(
      `INSERT INTO quarantine SELECT * FROM read_csv(?, header = false, delim = ',', quote = '"', escape = '"',
         columns = {'delivery_id': 'INTEGER', 'seq': 'INTEGER', 'file': 'VARCHAR', 'line': 'INTEGER',
                    'field': 'VARCHAR', 'reason': 'VARCHAR', 'raw': 'VARCHAR'})`,
      [spool.path],
    );
  }

  private async deliveryById(id: number): Promise<Delivery | undefined> {
    const [r] = await this.rows("SELECT * FROM delivery WHERE id = ?", [id]);
    return r ? toDelivery(r) : undefined;
  }

  /** The deliveries as read (frozen, shared), forgotten when one is recorded. */
  private deliveryList: Promise<readonly Delivery[]> | undefined;

  deliveries(): Promise<Delivery[]> {
    if (!this.deliveryList) {
      const read = this.query("SELECT * FROM delivery ORDER BY id").then((rows) =>
        rows.map((r) => deepFreeze(toDelivery(r))),
      );
      this.deliveryList = read;
      read.catch(() => {
        if (this.deliveryList === read) this.deliveryList = undefined;
      });
    }
    // Callers get their own array; the deliveries themselves are shared and frozen.
    return this.deliveryList.then((xs) => xs.slice());
  }

  async loadedDelivery(source: string, sha256: string): Promise<Delivery | undefined> {
    const [r] = await this.query(LOADED_DELIVERY_SQL, [sha256, source]);
    return r ? toDelivery(r) : undefined;
  }

  async delivery(id: number): Promise<Delivery | undefined> {
    const [r] = await this.query("SELECT * FROM delivery WHERE id = ?", [id]);
    return r ? toDelivery(r) : undefined;
  }

  async quarantine(deliveryId: number): Promise<QuarantineEntry[]> {
    const rows = await this.query("SELECT * FROM quarantine WHERE delivery_id = ? ORDER BY seq", [
      deliveryId,
    ]);
    return rows.map((r) => ({
      file: String(r.file),
      line: Number(r.line),
      field: r.field === null ? null : String(r.field),
      reason: String(r.reason),
      raw: String(r.raw),
    }));
  }

  // ---- reads -----------------------------------------------------------------------------------

  async personPseudonyms(gemeente: string): Promise<string[]> {
    const rows = await this.query(
      "SELECT DISTINCT persons FROM registration WHERE gemeente = ? AND persons IS NOT NULL",
      [gemeente],
    );
    const out = new Set<string>();
    for (const r of rows) {
      for (const link of parsePersons(String(r.persons))) out.add(link.pseudonym);
    }
    return [...out].sort();
  }

  async registrationCount(): Promise<number> {
    const [r] = await this.query("SELECT count(*) AS n FROM registration");
    return Number(r?.n ?? 0);
  }

  async registrationVersions(source: string, sourceId: string): Promise<StoredVersion[]> {
    const rows = await this.query(
      `SELECT *, true AS is_current, NULL AS superseded_by_delivery FROM registration WHERE source = ? AND source_id = ?
       UNION ALL
       SELECT * EXCLUDE (superseded_by_delivery), false, superseded_by_delivery FROM registration_history
       WHERE source = ? AND source_id = ?
       ORDER BY is_current, version NULLS FIRST, delivery_id`,
      [source, sourceId, source, sourceId],
    );
    return rows.map((r) => ({
      registration: rowToRegistration(r),
      deliveryId: Number(r.delivery_id),
      current: Boolean(r.is_current),
    }));
  }

  /**
   * Results of the count and registration reads, shared and frozen, until the registrations
   * change (a delivery or a purge clears it after its commit). Products read the same counts
   * many times (a bundle, the table protection, a batch).
   */
  private readonly readCache = new Map<string, { rows: Promise<readonly unknown[]>; size: number }>();
  private readCacheRows = 0;

  private clearReadCache(): void {
    this.readCache.clear();
    this.readCacheRows = 0;
  }

  private cachedRead<T>(key: string, read: () => Promise<T[]>): Promise<readonly T[]> {
    const hit = this.readCache.get(key);
    if (hit) {
      // Most recently used last, so the oldest is forgotten first.
      this.readCache.delete(key);
      this.readCache.set(key, hit);
      return hit.rows as Promise<readonly T[]>;
    }
    const entry = { rows: Promise.resolve([] as readonly T[]), size: 0 };
    entry.rows = read().then((rows) => {
      for (const r of rows) Object.freeze(r);
      if (this.readCache.get(key) === entry) {
        entry.size = rows.length;
        this.readCacheRows += rows.length;
        // Forget the least recently used reads until the cache holds at most READ_CACHE_ROWS.
        for (const [k, e] of this.readCache) {
          if (this.readCacheRows <= READ_CACHE_ROWS) break;
          this.readCache.delete(k);
          this.readCacheRows -= e.size;
        }
      }
      return Object.freeze(rows);
    });
    this.readCache.set(key, entry);
    entry.rows.catch(() => {
      if (this.readCache.get(key) === entry) this.readCache.delete(key);
    });
    return entry.rows;
  }

  monthlyCounts(q: MonthlyCountsQuery): Promise<readonly MonthlyCount[]> {
    return this.cachedRead(`counts|${q.level}|${q.area}|${q.fromMonth}|${q.toMonth}`, () =>
      this.readMonthlyCounts(q),
    );
  }

  private async readMonthlyCounts(q: MonthlyCountsQuery): Promise<MonthlyCount[]> {
    const column = { gemeente: "gemeente", wijk: "wijk", buurt: "buurt", pc4: "pc4" }[q.level];
    // Gemeenten have their counts kept per month (monthly_count); smaller areas count live.
    const rows = await this.query(
      q.level === "gemeente"
        ? `SELECT month, inp_code, sum(n) AS n, sum(attempts) AS attempts FROM monthly_count
           WHERE gemeente = ? AND month BETWEEN ? AND ? GROUP BY month, inp_code ORDER BY month, inp_code`
        : `SELECT local_month AS month, inp_code, count(*) AS n, count(*) FILTER (WHERE attempt) AS attempts
           FROM registration
           WHERE ${column} = ? AND local_month BETWEEN ? AND ? AND inp_code IS NOT NULL
           GROUP BY local_month, inp_code ORDER BY local_month, inp_code`,
      [q.area, q.fromMonth, q.toMonth],
    );
    return rows.map((r) => ({
      month: Number(r.month),
      inpCode: String(r.inp_code),
      count: Number(r.n),
      attempts: Number(r.attempts),
    }));
  }

  monthlyCountsWithin(q: {
    gemeente: string;
    level: "wijk" | "buurt";
    fromMonth: number;
    toMonth: number;
  }): Promise<readonly AreaMonthlyCount[]> {
    return this.cachedRead(
      `within|${q.level}|${q.gemeente}|${q.fromMonth}|${q.toMonth}`,
      async () => (await this.readWithin(q))[q.level],
    );
  }

  /** Wijk and buurt counts are asked together (products, the family protection): one scan for both. */
  private readonly withinReads = new Map<string, Promise<Record<"wijk" | "buurt", AreaMonthlyCount[]>>>();

  private readWithin(q: { gemeente: string; fromMonth: number; toMonth: number }) {
    const key = `${q.gemeente}|${q.fromMonth}|${q.toMonth}`;
    let read = this.withinReads.get(key);
    if (!read) {
      read = this.readWithinBoth(q);
      this.withinReads.set(key, read);
      // Shared only while it runs: afterwards the read cache holds each level.
      const forget = () => this.withinReads.delete(key);
      read.then(forget, forget);
    }
    return read;
  }

  private async readWithinBoth(q: {
    gemeente: string;
    fromMonth: number;
    toMonth: number;
  }): Promise<Record<"wijk" | "buurt", AreaMonthlyCount[]>> {
    const rows = await this.query(
      `SELECT grouping(wijk) = 0 AS is_wijk, coalesce(wijk, buurt) AS area, local_month AS month, inp_code,
         count(*) AS n, count(*) FILTER (WHERE attempt) AS attempts
       FROM registration
       WHERE gemeente = ? AND local_month BETWEEN ? AND ? AND inp_code IS NOT NULL
       GROUP BY GROUPING SETS ((wijk, local_month, inp_code), (buurt, local_month, inp_code))
       ORDER BY area, month, inp_code`,
      [q.gemeente, q.fromMonth, q.toMonth],
    );
    const out: Record<"wijk" | "buurt", AreaMonthlyCount[]> = { wijk: [], buurt: [] };
    for (const r of rows) {
      // The group of registrations without a wijk (or buurt) has no area: not counted in any.
      if (r.area === null) continue;
      out[r.is_wijk ? "wijk" : "buurt"].push({
        area: String(r.area),
        month: Number(r.month),
        inpCode: String(r.inp_code),
        count: Number(r.n),
        attempts: Number(r.attempts),
      });
    }
    return out;
  }

  registrations(q: RegistrationsQuery): Promise<readonly Registration[]> {
    const key = `regs|${q.level}|${q.area}|${q.fromDay}|${q.toDay}|${(q.inpCodes ?? []).join(",")}`;
    return this.cachedRead(key, () => this.readRegistrations(q));
  }

  private async readRegistrations(q: RegistrationsQuery): Promise<Registration[]> {
    const column = { gemeente: "gemeente", wijk: "wijk", buurt: "buurt" }[q.level];
    const day = (d: number) =>
      `${Math.floor(d / 10000)}-${String(Math.floor(d / 100) % 100).padStart(2, "0")}-${String(d % 100).padStart(2, "0")}`;
    const codes = q.inpCodes ?? [];
    const rows = await this.query(
      `SELECT * FROM registration
       WHERE ${column} = ? AND local_date BETWEEN CAST(? AS DATE) AND CAST(? AS DATE)
       ${codes.length > 0 ? `AND inp_code IN (${codes.map(() => "?").join(", ")})` : ""}
       ORDER BY starts_at, source, source_id`,
      [q.area, day(q.fromDay), day(q.toDay), ...codes],
    );
    return rows.map(rowToRegistration);
  }

  async aggregates(filter: { areaCode?: string; table?: string }): Promise<AggregateRow[]> {
    const where: string[] = [];
    const values: DuckDBValue[] = [];
    if (filter.areaCode) {
      where.push("area_code = ?");
      values.push(filter.areaCode);
    }
    if (filter.table) {
      where.push("table_name = ?");
      values.push(filter.table);
    }
    const rows = await this.query(
      `SELECT * FROM aggregate ${where.length ? `WHERE ${where.join(" AND ")}` : ""}
       ORDER BY table_name, area_code, period, category, measure`,
      values,
    );
    return rows.map((r) => ({
      source: String(r.source),
      table: String(r.table_name),
      areaCode: String(r.area_code),
      period: String(r.period),
      category: String(r.category),
      measure: String(r.measure),
      value: r.value === null ? null : Number(r.value),
    }));
  }

  // ---- organisations and users ------------------------------------------------------------------

  saveOrganisation(org: Organisation): Promise<void> {
    return this.exclusive(async () => {
      await this.conn.run(
        `INSERT INTO organisation VALUES (?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, kind = excluded.kind, authority = excluded.authority`,
        [org.id, org.name, org.kind, JSON.stringify(org.authority)],
      );
    });
  }

  async organisations(): Promise<Organisation[]> {
    const rows = await this.query("SELECT * FROM organisation ORDER BY id");
    return rows.map((r) => ({
      id: String(r.id),
      name: String(r.name),
      kind: String(r.kind) as Organisation["kind"],
      authority: JSON.parse(String(r.authority)) as string[],
    }));
  }

  saveUser(u: UserAccount): Promise<void> {
    return this.exclusive(async () => {
      await this.conn.run(
        `INSERT INTO user_account VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::TIMESTAMP, ?, ?::TIMESTAMP)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, email = excluded.email,
           organisation = excluded.organisation, roles = excluded.roles,
           password_hash = excluded.password_hash, totp_secret = excluded.totp_secret,
           oidc_subject = excluded.oidc_subject, failed_logins = excluded.failed_logins,
           locked_until = excluded.locked_until, active = excluded.active`,
        [
          u.id,
          u.name,
          u.email,
          u.organisation,
          JSON.stringify(u.roles),
          u.passwordHash,
          u.totpSecret,
          u.oidcSubject,
          u.failedLogins,
          u.lockedUntil ? sqlTimestamp(u.lockedUntil) : null,
          u.active,
          sqlTimestamp(u.createdAt),
        ],
      );
    });
  }

  async user(id: string): Promise<UserAccount | undefined> {
    const [row] = await this.query("SELECT * FROM user_account WHERE id = ?", [id]);
    return row ? toUser(row) : undefined;
  }

  async users(): Promise<UserAccount[]> {
    return (await this.query("SELECT * FROM user_account ORDER BY id")).map(toUser);
  }

  recordVisit(userId: string, at: Date): Promise<Date | null> {
    return this.exclusive(async () => {
      const [row] = await this.query("SELECT visited_at FROM user_visit WHERE user_id = ?", [userId]);
      await this.conn.run(
        `INSERT INTO user_visit VALUES (?, ?::TIMESTAMP)
         ON CONFLICT (user_id) DO UPDATE SET visited_at = excluded.visited_at`,
        [userId, sqlTimestamp(at)],
      );
      return row ? utcDate(row.visited_at) : null;
    });
  }

  purgeExpired(cutoffs: { registrationsBefore?: Date; historyBefore?: Date; quarantineBefore?: Date }) {
    return this.exclusive(() =>
      this.transaction(async () => {
        const count = async (sql: string, at: Date | undefined) => {
          if (!at) return 0;
          const [row] = await this.rows(`SELECT count(*) AS n FROM (${sql})`, [sqlTimestamp(at)]);
          return Number(row?.n ?? 0);
        };
        const registrations = await count(
          "SELECT 1 FROM registration WHERE starts_at < ?::TIMESTAMP",
          cutoffs.registrationsBefore,
        );
        if (registrations > 0) {
          await this.conn.run("DELETE FROM registration WHERE starts_at < ?::TIMESTAMP", [
            sqlTimestamp(cutoffs.registrationsBefore as Date),
          ]);
        }
        const history = await count(
          "SELECT 1 FROM registration_history WHERE starts_at < ?::TIMESTAMP",
          cutoffs.historyBefore,
        );
        if (history > 0) {
          await this.conn.run("DELETE FROM registration_history WHERE starts_at < ?::TIMESTAMP", [
            sqlTimestamp(cutoffs.historyBefore as Date),
          ]);
        }
        const inQuarantine =
          "SELECT 1 FROM quarantine WHERE delivery_id IN (SELECT id FROM delivery WHERE received_at < ?::TIMESTAMP)";
        const quarantine = await count(inQuarantine, cutoffs.quarantineBefore);
        if (quarantine > 0) {
          await this.conn.run(
            "DELETE FROM quarantine WHERE delivery_id IN (SELECT id FROM delivery WHERE received_at < ?::TIMESTAMP)",
            [sqlTimestamp(cutoffs.quarantineBefore as Date)],
          );
        }
        return { registrations, history, quarantine };
      }).finally(() => this.clearReadCache()),
    );
  }

  saveDocument(doc: Omit<SavedDocument, "version">): Promise<SavedDocument> {
    this.documentLists.clear();
    return this.exclusive(() =>
      this.transaction(async () => {
        const [row] = await this.rows(
          "SELECT coalesce(max(version), 0) AS v FROM saved_document WHERE kind = ? AND doc_key = ?",
          [doc.kind, doc.key],
        );
        const version = Number(row?.v ?? 0) + 1;
        await this.conn.run("INSERT INTO saved_document VALUES (?, ?, ?, ?, ?, ?::TIMESTAMP)", [
          doc.kind,
          doc.key,
          version,
          JSON.stringify(doc.body),
          doc.author,
          doc.savedAt.toISOString(),
        ]);
        return { ...doc, version };
      }).finally(() => this.documentLists.clear()),
    );
  }

  /** The newest documents per kind (and key) as read (frozen, shared), forgotten on every save. */
  private readonly documentLists = new Map<string, Promise<readonly SavedDocument[]>>();

  documents(kind: string, key?: string): Promise<SavedDocument[]> {
    const cacheKey = `${kind}\u0000${key ?? ""}\u0000${key === undefined ? "alle" : "een"}`;
    let hit = this.documentLists.get(cacheKey);
    if (!hit) {
      const read = this.readDocuments(kind, key).then((docs) => docs.map((d) => deepFreeze(d)));
      this.documentLists.set(cacheKey, read);
      read.catch(() => {
        if (this.documentLists.get(cacheKey) === read) this.documentLists.delete(cacheKey);
      });
      hit = read;
    }
    return hit.then((xs) => xs.slice());
  }

  private async readDocuments(kind: string, key?: string): Promise<SavedDocument[]> {
    const rows = await this.query(
      `SELECT * FROM saved_document d WHERE kind = ? ${key === undefined ? "" : "AND doc_key = ?"}
       AND version = (SELECT max(version) FROM saved_document e WHERE e.kind = d.kind AND e.doc_key = d.doc_key)
       ORDER BY doc_key`,
      key === undefined ? [kind] : [kind, key],
    );
    return rows.map(rowToDocument);
  }

  async documentHistory(kind: string, key: string): Promise<SavedDocument[]> {
    const rows = await this.query(
      "SELECT * FROM saved_document WHERE kind = ? AND doc_key = ? ORDER BY version",
      [kind, key],
    );
    return rows.map(rowToDocument);
  }

  async registerHead(): Promise<{ seq: number; hash: string } | null> {
    const [row] = await this.query("SELECT seq, hash FROM register_head WHERE id = 1");
    return row ? { seq: Number(row.seq), hash: String(row.hash) } : null;
  }

  /** Ledgers as read (shared, frozen), per area and minimum; forgotten when one grows. */
  private readonly ledgers = new Map<string, Promise<readonly LedgerInterval[]>>();

  protectionLedger(area: string, minimum: number): Promise<readonly LedgerInterval[]> {
    const key = `${area}|${minimum}`;
    let hit = this.ledgers.get(key);
    if (!hit) {
      hit = this.readLedger(area, minimum).then((xs) => Object.freeze(xs.map((x) => Object.freeze(x))));
      this.ledgers.set(key, hit);
      hit.catch(() => this.ledgers.delete(key));
    }
    return hit;
  }

  private async readLedger(area: string, minimum: number): Promise<LedgerInterval[]> {
    const rows = await this.query(
      "SELECT series, from_month, to_month FROM protection_ledger WHERE area = ? AND minimum = ?",
      [area, minimum],
    );
    return rows.map((r) => ({
      series: String(r.series),
      from: Number(r.from_month),
      to: Number(r.to_month),
    }));
  }

  addToProtectionLedger(
    area: string,
    minimum: number,
    intervals: readonly LedgerInterval[],
  ): Promise<number> {
    if (intervals.length === 0) return Promise.resolve(0);
    return this.exclusive(() =>
      this.transaction(async () => {
        const [before] = await this.rows(
          "SELECT count(*) AS n FROM protection_ledger WHERE area = ? AND minimum = ?",
          [area, minimum],
        );
        // Thousands of intervals at once (a gemeente with its buurten): through a CSV file, which
        // DuckDB reads far faster than statements with parameters.
        const dir = mkdtempSync(join(tmpdir(), "driehoek-grootboek-"));
        try {
          const spool = new SpoolWriter(join(dir, "grootboek.csv"));
          for (const x of intervals) spool.write([x.series, x.from, x.to]);
          await spool.close();
          await this.conn.run(
            `INSERT INTO protection_ledger SELECT ?, ?, series, from_month, to_month FROM read_csv(?, header = false,
               delim = ',', quote = '"', escape = '"',
               columns = {'series': 'VARCHAR', 'from_month': 'INTEGER', 'to_month': 'INTEGER'})
             ON CONFLICT DO NOTHING`,
            [area, minimum, spool.path],
          );
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
        const [after] = await this.rows(
          "SELECT count(*) AS n FROM protection_ledger WHERE area = ? AND minimum = ?",
          [area, minimum],
        );
        return Number(after?.n ?? 0) - Number(before?.n ?? 0);
      }).finally(() => this.ledgers.delete(`${area}|${minimum}`)),
    );
  }

  saveRegisterHead(head: { seq: number; hash: string }, at: Date): Promise<void> {
    return this.exclusive(async () => {
      await this.conn.run(
        `INSERT INTO register_head VALUES (1, ?, ?, ?::TIMESTAMP)
         ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash, updated_at = excluded.updated_at`,
        [head.seq, head.hash, sqlTimestamp(at)],
      );
    });
  }
}

function toDelivery(r: Record<string, unknown>): Delivery {
  return {
    id: Number(r.id),
    source: String(r.source),
    fileName: String(r.file_name),
    sha256: String(r.sha256),
    bytes: Number(r.bytes),
    format: String(r.format) as Delivery["format"],
    status: String(r.status) as Delivery["status"],
    error: r.error === null ? null : String(r.error),
    receivedAt: r.received_at instanceof Date ? r.received_at : new Date(`${String(r.received_at)}Z`),
    counts: {
      read: Number(r.n_read),
      inserted: Number(r.n_inserted),
      updated: Number(r.n_updated),
      unchanged: Number(r.n_unchanged),
      aggregates: Number(r.n_aggregates),
      quarantined: Number(r.n_quarantined),
      unplaced: Number(r.n_unplaced),
    },
  };
}

/** A UTC instant as a TIMESTAMP literal (the store keeps UTC). */
function sqlTimestamp(d: Date): string {
  return d.toISOString().replace("T", " ").replace("Z", "");
}

/** Freezes a value and everything in it (rows and documents shared by the store's caches). */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

function utcDate(v: unknown): Date {
  return v instanceof Date ? v : new Date(`${String(v).replace(" ", "T")}Z`);
}

function toUser(r: Record<string, unknown>): UserAccount {
  const text = (v: unknown) => (v === null || v === undefined ? null : String(v));
  return {
    id: String(r.id),
    name: String(r.name),
    email: text(r.email),
    organisation: text(r.organisation),
    roles: JSON.parse(String(r.roles)) as UserAccount["roles"],
    passwordHash: text(r.password_hash),
    totpSecret: text(r.totp_secret),
    oidcSubject: text(r.oidc_subject),
    failedLogins: Number(r.failed_logins),
    lockedUntil: r.locked_until === null ? null : utcDate(r.locked_until),
    active: Boolean(r.active),
    createdAt: utcDate(r.created_at),
  };
}

function rowToDocument(r: Record<string, unknown>): SavedDocument {
  return {
    kind: String(r.kind),
    key: String(r.doc_key),
    version: Number(r.version),
    body: JSON.parse(String(r.body)),
    author: String(r.author),
    savedAt: utcDate(r.saved_at),
  };
}
