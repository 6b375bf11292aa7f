// The store's schema as numbered migrations, in the SQL subset DuckDB and PostgreSQL both run.
// A migration is never edited once released; add a new one.

export interface Migration {
  version: number;
  description: string;
  statements: string[];
}

/** Columns of a registration row, in spool and table order (shared by current and history). */
export const REGISTRATION_COLUMNS = [
  ["source", "VARCHAR NOT NULL"],
  ["source_id", "VARCHAR NOT NULL"],
  ["version", "TIMESTAMP"],
  ["delivery_id", "INTEGER NOT NULL"],
  ["kind", "VARCHAR NOT NULL"],
  ["bvh_code", "VARCHAR"],
  ["inp_code", "VARCHAR"],
  ["attempt", "BOOLEAN NOT NULL"],
  ["starts_at", "TIMESTAMP NOT NULL"],
  ["ends_at", "TIMESTAMP"],
  ["registered_at", "TIMESTAMP"],
  ["local_date", "DATE NOT NULL"],
  ["local_month", "INTEGER NOT NULL"],
  ["local_hour", "SMALLINT NOT NULL"],
  ["local_weekday", "SMALLINT NOT NULL"],
  ["iso_week", "INTEGER NOT NULL"],
  ["x", "DOUBLE PRECISION"],
  ["y", "DOUBLE PRECISION"],
  ["postcode", "VARCHAR"],
  ["house_number", "VARCHAR"],
  ["area_year", "INTEGER"],
  ["buurt", "VARCHAR"],
  ["wijk", "VARCHAR"],
  ["gemeente", "VARCHAR"],
  ["pc4", "VARCHAR"],
  ["placement", "VARCHAR NOT NULL"],
  ["modus_operandi", "VARCHAR"],
  ["persons", "VARCHAR"],
  ["description", "VARCHAR"],
] as const;

export type RegistrationColumn = (typeof REGISTRATION_COLUMNS)[number][0];

/** Columns whose change makes a new version (everything but bookkeeping). */
export const CONTENT_COLUMNS: RegistrationColumn[] = REGISTRATION_COLUMNS.map(([name]) => name).filter(
  (n) => n !== "source" && n !== "source_id" && n !== "version" && n !== "delivery_id",
);

const registrationColumnsSql = REGISTRATION_COLUMNS.map(([n, t]) => `${n} ${t}`).join(",\n  ");

export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    description: "reference data, deliveries, quarantine, registrations with history, aggregates",
    statements: [
      `CREATE TABLE classification (
  bvh_code VARCHAR PRIMARY KEY,
  bvh_label VARCHAR NOT NULL,
  inp_code VARCHAR NOT NULL,
  is_crime BOOLEAN
)`,
      `CREATE TABLE area (
  level VARCHAR NOT NULL,
  code VARCHAR NOT NULL,
  year INTEGER NOT NULL,
  name VARCHAR NOT NULL,
  parent VARCHAR,
  wgs84 VARCHAR,
  rd VARCHAR,
  PRIMARY KEY (level, code, year)
)`,
      `CREATE TABLE population (
  code VARCHAR NOT NULL,
  year INTEGER NOT NULL,
  population INTEGER NOT NULL,
  PRIMARY KEY (code, year)
)`,
      `CREATE TABLE indeling (
  year INTEGER NOT NULL,
  gemeente VARCHAR NOT NULL,
  basisteam VARCHAR,
  district VARCHAR,
  eenheid VARCHAR NOT NULL,
  PRIMARY KEY (year, gemeente)
)`,
      `CREATE TABLE address (
  postcode VARCHAR NOT NULL,
  house_number VARCHAR NOT NULL,
  x DOUBLE PRECISION NOT NULL,
  y DOUBLE PRECISION NOT NULL,
  PRIMARY KEY (postcode, house_number)
)`,
      "CREATE SEQUENCE delivery_id_seq START 1",
      `CREATE TABLE delivery (
  id INTEGER PRIMARY KEY,
  source VARCHAR NOT NULL,
  file_name VARCHAR NOT NULL,
  sha256 VARCHAR NOT NULL,
  bytes BIGINT NOT NULL,
  format VARCHAR NOT NULL,
  status VARCHAR NOT NULL,
  error VARCHAR,
  received_at TIMESTAMP NOT NULL,
  n_read INTEGER NOT NULL,
  n_inserted INTEGER NOT NULL,
  n_updated INTEGER NOT NULL,
  n_unchanged INTEGER NOT NULL,
  n_aggregates INTEGER NOT NULL,
  n_quarantined INTEGER NOT NULL,
  n_unplaced INTEGER NOT NULL
)`,
      `CREATE TABLE quarantine (
  delivery_id INTEGER NOT NULL,
  seq INTEGER NOT NULL,
  file VARCHAR NOT NULL,
  line INTEGER NOT NULL,
  field VARCHAR,
  reason VARCHAR NOT NULL,
  raw VARCHAR NOT NULL,
  PRIMARY KEY (delivery_id, seq)
)`,
      // No primary key on registration: uniqueness of (source, source_id) is kept by the merge in
      // loadDelivery (an index over tens of millions of keys would slow every bulk load).
      `CREATE TABLE registration (\n  ${registrationColumnsSql}\n)`,
      `CREATE TABLE registration_history (\n  ${registrationColumnsSql},\n  superseded_by_delivery INTEGER NOT NULL\n)`,
      `CREATE TABLE aggregate (
  source VARCHAR NOT NULL,
  table_name VARCHAR NOT NULL,
  area_code VARCHAR NOT NULL,
  period VARCHAR NOT NULL,
  category VARCHAR NOT NULL,
  measure VARCHAR NOT NULL,
  value DOUBLE PRECISION,
  delivery_id INTEGER NOT NULL,
  PRIMARY KEY (source, table_name, area_code, period, category, measure)
)`,
    ],
  },
  {
    version: 2,
    description: "monthly counts per gemeente and INP type, kept up to date by every delivery",
    statements: [
      `CREATE TABLE monthly_count (
  gemeente VARCHAR NOT NULL,
  month INTEGER NOT NULL,
  inp_code VARCHAR NOT NULL,
  n INTEGER NOT NULL,
  attempts INTEGER NOT NULL
)`,
      `INSERT INTO monthly_count
  SELECT gemeente, local_month, inp_code, count(*), count(*) FILTER (WHERE attempt)
  FROM registration WHERE gemeente IS NOT NULL AND inp_code IS NOT NULL
  GROUP BY gemeente, local_month, inp_code`,
    ],
  },
  {
    version: 3,
    description: "organisations, user accounts, and the head of the disclosure register",
    statements: [
      `CREATE TABLE organisation (
  id VARCHAR PRIMARY KEY,
  name VARCHAR NOT NULL,
  kind VARCHAR NOT NULL,
  authority VARCHAR NOT NULL
)`,
      `CREATE TABLE user_account (
  id VARCHAR PRIMARY KEY,
  name VARCHAR NOT NULL,
  email VARCHAR,
  organisation VARCHAR,
  roles VARCHAR NOT NULL,
  password_hash VARCHAR,
  totp_secret VARCHAR,
  oidc_subject VARCHAR,
  failed_logins INTEGER NOT NULL,
  locked_until TIMESTAMP,
  active BOOLEAN NOT NULL,
  created_at TIMESTAMP NOT NULL
)`,
      `CREATE TABLE register_head (
  id INTEGER PRIMARY KEY,
  seq BIGINT NOT NULL,
  hash VARCHAR NOT NULL,
  updated_at TIMESTAMP NOT NULL
)`,
    ],
  },
  {
    version: 4,
    description: "ledger of the sums table protection has let through, so later decisions keep them",
    statements: [
      `CREATE TABLE protection_ledger (
  area VARCHAR NOT NULL,
  minimum INTEGER NOT NULL,
  series VARCHAR NOT NULL,
  from_month INTEGER NOT NULL,
  to_month INTEGER NOT NULL,
  PRIMARY KEY (area, minimum, series, from_month, to_month)
)`,
    ],
  },
  {
    version: 5,
    description:
      "versioned documents people write: information agreements, the inventory, local knowledge, priorities and targets",
    statements: [
      `CREATE TABLE saved_document (
  kind VARCHAR NOT NULL,
  doc_key VARCHAR NOT NULL,
  version INTEGER NOT NULL,
  body VARCHAR NOT NULL,
  author VARCHAR NOT NULL,
  saved_at TIMESTAMP NOT NULL,
  PRIMARY KEY (kind, doc_key, version)
)`,
    ],
  },
  {
    version: 6,
    description: "when each user last opened Mijn beeld, so it can show what changed since",
    statements: [
      `CREATE TABLE user_visit (
  user_id VARCHAR PRIMARY KEY,
  visited_at TIMESTAMP NOT NULL
)`,
    ],
  },
];
