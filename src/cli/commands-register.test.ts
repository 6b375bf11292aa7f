// One gate (issue 4): no command returns data without an entry in the verstrekkingenregister.
// Every command path of `driehoek` is classified below; a new command that is not fails the test.
//   data         prints or writes content from the store: through the gate, ≥ 1 register entry
//   beheer       an administrative write or read: a register entry of kind "beheer" (or `soort`)
//   geen-inhoud  shows nothing from the store (the reason is given)
//   niet-hier    long-running or bound to its environment, cannot run in a test (the reason is given)
// Each data and beheer command is run on a small file database (the fixed demo region): it must
// succeed and grow the register with entries naming its user; a second run by a user or for a
// purpose that is not allowed must fail, print nothing and register no verstrekking.

import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Command } from "commander";
import type { CliEffects } from "./context.ts";
import { buildProgram } from "./main.ts";
import { adminAs, fgAs, readAs } from "./test-accounts.ts";
import {
  type CommandTestDb,
  OS_USER,
  openCommandTestDb,
  registerLines,
  runCommand,
  SPARE_USER,
} from "./test-data-commands.ts";

type Files = CommandTestDb["files"];

interface Checked {
  klasse: "data" | "beheer";
  /** The arguments of a run that succeeds (without --db). */
  run: (f: Files) => string[];
  /** The user the register entries must name. */
  gebruiker: string;
  /** For beheer: the kind of entry expected, when not "beheer". */
  soort?: "retentie";
  /** A run by a user or for a purpose that is not allowed; or why the command has none. */
  weiger: ((f: Files) => string[]) | { nvt: string };
}
interface Unchecked {
  klasse: "geen-inhoud" | "niet-hier";
  waarom: string;
}
type Row = Checked | Unchecked;

const CLI_USER = `cli:${OS_USER}`;
const as = (user: string, purpose?: string) => ["--als", user, ...(purpose ? ["--doel", purpose] : [])];
const MAYOR = as("burgemeester.sperwerkerk", "openbare-orde");
const OTHER_MAYOR = as("burgemeester.korenbloemrade", "openbare-orde");

const lokaleKennis = (f: Files, user: string) => [
  "lokale-kennis",
  "bewaar",
  "--gebied",
  "GM9001",
  "--jaar",
  "2026",
  "--bestand",
  f.localKnowledge,
  "--als",
  user,
];

const COMMANDS: Record<string, Row> = {
  // --- niet-hier ---
  start: {
    klasse: "niet-hier",
    waarom:
      "loads the demo and starts the web server until stopped; the web app reads through the same gate (src/server tests)",
  },
  serve: {
    klasse: "niet-hier",
    waarom: "starts the web server (and inbox watcher) until stopped; covered by the server's own tests",
  },

  // --- geen-inhoud: loading public reference files, and writes that show only counts ---
  "import classificatie": {
    klasse: "geen-inhoud",
    waarom: "loads a public code list from a file; prints a count",
  },
  "import gebieden": {
    klasse: "geen-inhoud",
    waarom: "loads public CBS boundaries from a file; prints a count",
  },
  "import bevolking": {
    klasse: "geen-inhoud",
    waarom: "loads public CBS population from a file; prints a count",
  },
  "import indeling": {
    klasse: "geen-inhoud",
    waarom: "loads the public police division from a file; prints a count",
  },
  "import adressen": {
    klasse: "geen-inhoud",
    waarom: "loads public address points (BAG) from a file; prints a count",
  },
  ingest: {
    klasse: "geen-inhoud",
    waarom:
      "writes a delivered file into the store and prints only its counts; reading deliveries back is `leveringen`/`quarantaine` (beheer)",
  },
  "demo generate": {
    klasse: "geen-inhoud",
    waarom: "writes synthetic demo files from a seed; opens no store",
  },
  "register verify": {
    klasse: "geen-inhoud",
    waarom:
      "checks seals and numbering; prints only the number of lines or where it breaks, no entry's content",
  },
  "register anker": {
    klasse: "geen-inhoud",
    waarom: "prints the head's sequence number and hash only (to keep outside driehoek)",
  },
  // The analyses compute on the CSV given with --input, not on the store.
  "analyse decompose": { klasse: "geen-inhoud", waarom: "computes on the --input file; opens no store" },
  "analyse gi": { klasse: "geen-inhoud", waarom: "computes on the --input file; opens no store" },
  "analyse poisson-rate": { klasse: "geen-inhoud", waarom: "computes on numbers given as options" },
  "analyse rate": { klasse: "geen-inhoud", waarom: "computes on numbers given as options" },
  "analyse mann-kendall": { klasse: "geen-inhoud", waarom: "computes on the --input file; opens no store" },
  "analyse control": { klasse: "geen-inhoud", waarom: "computes on numbers given as options" },
  "analyse peers": { klasse: "geen-inhoud", waarom: "computes on the --input file; opens no store" },
  "analyse tijdpatroon": { klasse: "geen-inhoud", waarom: "computes on the --input file; opens no store" },
  "analyse herhaling": { klasse: "geen-inhoud", waarom: "computes on the --input file; opens no store" },
  "analyse concentratie": { klasse: "geen-inhoud", waarom: "computes on the --input file; opens no store" },
  "analyse knox": { klasse: "geen-inhoud", waarom: "computes on the --input file; opens no store" },
  "analyse kde": { klasse: "geen-inhoud", waarom: "computes on the --input file; opens no store" },

  // --- data ---
  gebieden: {
    klasse: "data",
    run: () => ["gebieden", "--niveau", "gemeente", ...readAs],
    gebruiker: "analist",
    weiger: () => ["gebieden", "--als", "analist"],
  },
  "analyse hotspots": {
    klasse: "data",
    // With --gebied the boundary comes from the store, through the gate.
    run: (f) => [
      "analyse",
      "hotspots",
      "--input",
      f.points,
      "--x",
      "x",
      "--y",
      "y",
      "--gebied",
      "GM9001",
      ...as("analist.sperwerkerk", "ivp-monitoring"),
    ],
    gebruiker: "analist.sperwerkerk",
    weiger: (f) => [
      "analyse",
      "hotspots",
      "--input",
      f.points,
      "--x",
      "x",
      "--y",
      "y",
      "--gebied",
      "GM9001",
      ...as("analist.sperwerkerk"),
    ],
  },
  herleid: {
    klasse: "data",
    // A person of the demo, as a product shows them: the police get the delivered pseudonym back.
    run: (f) => [
      "herleid",
      f.pseudonym,
      "--gebied",
      "GM9001",
      ...as("politieanalist.sperwerkerk", "politietaak"),
    ],
    gebruiker: "politieanalist.sperwerkerk",
    weiger: (f) => ["herleid", f.pseudonym, "--gebied", "GM9001", ...MAYOR],
  },
  product: {
    klasse: "data",
    run: () => [
      "product",
      "maandoverzicht",
      "--gebied",
      "GM9001",
      "--periode",
      "2026-10",
      "--formaat",
      "json",
      ...MAYOR,
    ],
    gebruiker: "burgemeester.sperwerkerk",
    weiger: () => [
      "product",
      "maandoverzicht",
      "--gebied",
      "GM9001",
      "--periode",
      "2026-10",
      "--formaat",
      "json",
      ...OTHER_MAYOR,
    ],
  },
  batch: {
    klasse: "data",
    // The products agreed for GM9001 (by `afspraak bewaar`, run first).
    run: (f) => ["batch", "--periode", "2026-10", "--uit", f.out, ...MAYOR],
    gebruiker: "burgemeester.sperwerkerk",
    // A known user who may not is refused per product and reported (exit 0, by design); a user
    // who does not exist is refused before anything is made.
    weiger: (f) => ["batch", "--periode", "2026-10", "--uit", f.out, ...as("niemand", "openbare-orde")],
  },
  bezorg: {
    klasse: "data",
    // Delivers the maandoverzicht 2026-10 agreed for GM9001 to the mayor, through the gate.
    run: (f) => ["bezorg", "--map", f.out],
    gebruiker: "burgemeester.sperwerkerk",
    weiger: {
      nvt: "no --als or --doel: each delivery is made as its recipient for the agreed purpose, refused per recipient by the gate",
    },
  },
  "inventaris toon": {
    klasse: "data",
    run: () => ["inventaris", "toon", "GM9001", ...as("oov.sperwerkerk", "voorbereiding-driehoek")],
    gebruiker: "oov.sperwerkerk",
    weiger: () => ["inventaris", "toon", "GM9001", ...as("oov.korenbloemrade", "voorbereiding-driehoek")],
  },
  "inventaris overzicht": {
    klasse: "data",
    run: () => [
      "inventaris",
      "overzicht",
      "--formaat",
      "json",
      ...as("oov.sperwerkerk", "voorbereiding-driehoek"),
    ],
    gebruiker: "oov.sperwerkerk",
    weiger: () => ["inventaris", "overzicht", "--formaat", "json", ...as("oov.sperwerkerk")],
  },
  "afspraak toon": {
    klasse: "data",
    run: () => ["afspraak", "toon", "GM9001", ...MAYOR],
    gebruiker: "burgemeester.sperwerkerk",
    weiger: () => ["afspraak", "toon", "GM9001", ...OTHER_MAYOR],
  },
  "afspraak geschiedenis": {
    klasse: "data",
    run: () => ["afspraak", "geschiedenis", "GM9001", ...MAYOR],
    gebruiker: "burgemeester.sperwerkerk",
    weiger: () => ["afspraak", "geschiedenis", "GM9001", ...OTHER_MAYOR],
  },
  "lokale-kennis toon": {
    klasse: "data",
    run: () => ["lokale-kennis", "toon", "--gebied", "GM9001", "--jaar", "2026", ...MAYOR],
    gebruiker: "burgemeester.sperwerkerk",
    weiger: () => ["lokale-kennis", "toon", "--gebied", "GM9001", "--jaar", "2026", ...OTHER_MAYOR],
  },
  "streefcijfers toon": {
    klasse: "data",
    run: () => ["streefcijfers", "toon", "GM9001", ...MAYOR],
    gebruiker: "burgemeester.sperwerkerk",
    weiger: () => ["streefcijfers", "toon", "GM9001", ...OTHER_MAYOR],
  },

  // --- beheer ---
  leveringen: {
    klasse: "beheer",
    run: () => ["leveringen", ...adminAs],
    gebruiker: "beheer",
    weiger: () => ["leveringen", ...readAs],
  },
  quarantaine: {
    klasse: "beheer",
    run: () => ["quarantaine", "1", ...adminAs],
    gebruiker: "beheer",
    weiger: () => ["quarantaine", "1", ...readAs],
  },
  "register export": {
    klasse: "beheer",
    run: () => ["register", "export", ...fgAs],
    gebruiker: "fg",
    weiger: () => ["register", "export", ...readAs],
  },
  retentie: {
    klasse: "beheer",
    soort: "retentie",
    run: () => ["retentie"],
    gebruiker: "systeem",
    weiger: { nvt: "no user or purpose: the system purges by config/bewaartermijnen.json" },
  },
  // The account commands are the operator's on the server (`cli:<OS user>` in the register; they
  // take no --als): their refused run is a change that is not allowed (an unknown user, role or
  // kind), which must show and register nothing.
  token: {
    klasse: "beheer",
    run: () => ["token", "--als", "analist", "--doel", "ivp-monitoring"],
    gebruiker: CLI_USER,
    weiger: () => ["token", "--als", "niemand", "--doel", "ivp-monitoring"],
  },
  "organisatie toevoegen": {
    klasse: "beheer",
    run: () => [
      "organisatie",
      "toevoegen",
      "--id",
      "gm-extra",
      "--naam",
      "Extra",
      "--soort",
      "gemeente",
      "--gebied",
      "GM9002",
    ],
    gebruiker: CLI_USER,
    weiger: () => [
      "organisatie",
      "toevoegen",
      "--id",
      "gm-fout",
      "--naam",
      "Fout",
      "--soort",
      "club",
      "--gebied",
      "GM9002",
    ],
  },
  "organisatie lijst": {
    klasse: "beheer",
    run: () => ["organisatie", "lijst", ...as("beheer.sperwerkerk")],
    gebruiker: "beheer.sperwerkerk",
    weiger: () => ["organisatie", "lijst", ...MAYOR],
  },
  "gebruiker toevoegen": {
    klasse: "beheer",
    run: () => ["gebruiker", "toevoegen", "--id", "nieuw", "--naam", "Nieuw", "--rol", "fg"],
    gebruiker: CLI_USER,
    weiger: () => ["gebruiker", "toevoegen", "--id", "nieuw2", "--naam", "Nieuw", "--rol", "koning"],
  },
  "gebruiker lijst": {
    klasse: "beheer",
    run: () => ["gebruiker", "lijst", ...as("beheer.sperwerkerk")],
    gebruiker: "beheer.sperwerkerk",
    weiger: () => ["gebruiker", "lijst", ...MAYOR],
  },
  "gebruiker rollen": {
    klasse: "beheer",
    run: () => ["gebruiker", "rollen", SPARE_USER, "--rol", "fg"],
    gebruiker: CLI_USER,
    weiger: () => ["gebruiker", "rollen", "niemand", "--rol", "fg"],
  },
  "gebruiker wachtwoord": {
    klasse: "beheer",
    run: () => ["gebruiker", "wachtwoord", SPARE_USER],
    gebruiker: CLI_USER,
    weiger: () => ["gebruiker", "wachtwoord", "niemand"],
  },
  "gebruiker email": {
    klasse: "beheer",
    run: () => ["gebruiker", "email", SPARE_USER, "wegwerp@example.org"],
    gebruiker: CLI_USER,
    weiger: () => ["gebruiker", "email", "niemand", "niemand@example.org"],
  },
  "gebruiker koppel": {
    klasse: "beheer",
    run: () => ["gebruiker", "koppel", SPARE_USER, "--issuer", "https://idp.example", "--subject", "abc"],
    gebruiker: CLI_USER,
    weiger: () => ["gebruiker", "koppel", "niemand", "--issuer", "https://idp.example", "--subject", "abc"],
  },
  "gebruiker tweede-factor": {
    klasse: "beheer",
    run: () => ["gebruiker", "tweede-factor", SPARE_USER],
    gebruiker: CLI_USER,
    weiger: () => ["gebruiker", "tweede-factor", "niemand"],
  },
  "gebruiker blokkeren": {
    klasse: "beheer",
    run: () => ["gebruiker", "blokkeren", SPARE_USER],
    gebruiker: CLI_USER,
    weiger: () => ["gebruiker", "blokkeren", "niemand"],
  },
  "gebruiker deblokkeren": {
    klasse: "beheer",
    run: () => ["gebruiker", "deblokkeren", SPARE_USER],
    gebruiker: CLI_USER,
    weiger: () => ["gebruiker", "deblokkeren", "niemand"],
  },
  "streefcijfers bewaar": {
    klasse: "beheer",
    run: (f) => [
      "streefcijfers",
      "bewaar",
      "--gemeente",
      "GM9001",
      "--bestand",
      f.targets,
      "--als",
      "oov.sperwerkerk",
    ],
    gebruiker: "oov.sperwerkerk",
    weiger: (f) => [
      "streefcijfers",
      "bewaar",
      "--gemeente",
      "GM9001",
      "--bestand",
      f.targets,
      "--als",
      "teamchef.sperwerkerk",
    ],
  },
  "afspraak bewaar": {
    klasse: "beheer",
    run: (f) => ["afspraak", "bewaar", "--bestand", f.agreement, "--als", "oov.sperwerkerk"],
    gebruiker: "oov.sperwerkerk",
    weiger: (f) => ["afspraak", "bewaar", "--bestand", f.agreement, "--als", "teamchef.sperwerkerk"],
  },
  "afspraak herinneringen": {
    klasse: "beheer",
    run: () => ["afspraak", "herinneringen", ...as("beheer.sperwerkerk")],
    gebruiker: "beheer.sperwerkerk",
    weiger: () => ["afspraak", "herinneringen", ...MAYOR],
  },
  "lokale-kennis bewaar": {
    klasse: "beheer",
    run: (f) => lokaleKennis(f, "teamchef.sperwerkerk"),
    gebruiker: "teamchef.sperwerkerk",
    weiger: (f) => lokaleKennis(f, "teamchef.korenbloemrade"),
  },
  "inventaris bewaar": {
    klasse: "beheer",
    run: (f) => [
      "inventaris",
      "bewaar",
      "--bestand",
      f.inventory,
      "--gemeente",
      "GM9001",
      "--als",
      "oov.sperwerkerk",
    ],
    gebruiker: "oov.sperwerkerk",
    weiger: (f) => [
      "inventaris",
      "bewaar",
      "--bestand",
      f.inventory,
      "--gemeente",
      "GM9001",
      "--als",
      "oov.korenbloemrade",
    ],
  },
};

/** Every command path that does something itself (groups such as `import` only show help). */
function commandPaths(): string[] {
  const quiet: CliEffects = {
    now: () => new Date(0),
    stdout: () => {},
    stderr: () => {},
    env: {},
    isTty: false,
    readStdin: async () => "",
  };
  const paths: string[] = [];
  const walk = (c: Command, prefix: string[]) => {
    for (const sub of c.commands) {
      const path = [...prefix, sub.name()];
      // Commander keeps the action privately; a group without one only shows help.
      const acts = typeof (sub as unknown as { _actionHandler?: unknown })._actionHandler === "function";
      if (sub.commands.length === 0 || acts) paths.push(path.join(" "));
      walk(sub, path);
    }
  };
  walk(buildProgram(quiet), []);
  return paths;
}

describe("every command is classified", () => {
  it("names each command path of driehoek in the table, and nothing else", () => {
    const paths = commandPaths();
    assert.ok(paths.includes("register verify") && paths.includes("product"), paths.join(", "));
    for (const p of paths) {
      assert.ok(p in COMMANDS, `nieuw commando "${p}": classificeer het in commands-register.test.ts`);
    }
    for (const p of Object.keys(COMMANDS)) {
      assert.ok(
        paths.includes(p),
        `"${p}" staat in de tabel van commands-register.test.ts maar bestaat niet`,
      );
    }
    for (const [p, row] of Object.entries(COMMANDS)) {
      if (row.klasse === "geen-inhoud" || row.klasse === "niet-hier") assert.ok(row.waarom.length > 10, p);
    }
  });
});

describe("no command returns data without a register entry", () => {
  let t: CommandTestDb;
  before(async () => {
    t = await openCommandTestDb();
  });
  after(() => t?.remove());

  const checked = Object.entries(COMMANDS).filter((e): e is [string, Checked] => "run" in e[1]);
  // Saving comes first: the agreement, inventory and targets the reading commands show.
  const order = (row: Checked) => (row.klasse === "beheer" ? 0 : 1);
  checked.sort((a, b) => order(a[1]) - order(b[1]));

  for (const [path, row] of checked) {
    it(`${path} (${row.klasse})`, async () => {
      const before = registerLines(t.registerFile).length;
      const ok = await runCommand(t.db, row.run(t.files));
      assert.equal(ok.code, 0, `${path}: ${ok.err}`);
      const added = registerLines(t.registerFile).slice(before);
      assert.ok(added.length >= 1, `${path} gaf gegevens zonder regel in het verstrekkingenregister`);
      assert.notEqual(ok.out, "", `${path} toonde niets`);
      for (const e of added) assert.equal(e.user, row.gebruiker, `${path}: ${JSON.stringify(e)}`);
      const kind = row.klasse === "data" ? "verstrekking" : (row.soort ?? "beheer");
      assert.ok(
        added.some((e) => e.kind === kind),
        `${path}: geen regel van soort ${kind} (${added.map((e) => e.kind)})`,
      );

      if (!("nvt" in row.weiger)) {
        const refused = row.weiger;
        const at = registerLines(t.registerFile).length;
        const no = await runCommand(t.db, refused(t.files));
        assert.notEqual(no.code, 0, `${path} zonder recht slaagde: ${no.out}`);
        assert.equal(no.out, "", `${path} zonder recht toonde iets`);
        const more = registerLines(t.registerFile).slice(at);
        assert.deepEqual(
          more.filter((e) => e.kind === "verstrekking"),
          [],
          `${path} zonder recht kwam in het register als verstrekking`,
        );
      }
    });
  }
});
