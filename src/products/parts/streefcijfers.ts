// Priorities and targets (streefcijfers) of a gemeente's integral safety plan (IVP), entered per
// gemeente by the oov-adviseur: the schema (Dutch errors naming the field path), who may save
// them, and saving and reading them as versioned documents (kind "streefcijfers", key the
// gemeente code). They are the gemeente's own statement, not police data.

import { z } from "zod";
import type { Requester } from "../../disclosure/disclosure-gate.ts";
import { InputError } from "../../domain/errors.ts";
import { INP_TYPES, inpNode } from "../../domain/inp-tree.ts";
import type { Role } from "../../domain/roles.ts";
import type { SavedDocument, Store } from "../../store/store.ts";

/** The document kind in the store. */
export const TARGETS_KIND = "streefcijfers";

/** Who may save a gemeente's targets (a user of that gemeente's organisation). */
export const TARGET_WRITE_ROLES: readonly Role[] = ["oov-adviseur", "burgemeester", "beheerder"];

const year = (field: string) =>
  z
    .int({ error: `${field} is een jaartal, bijvoorbeeld 2024` })
    .min(2000, { error: `${field} is een jaartal vanaf 2000` })
    .max(2100, { error: `${field} is een jaartal tot 2100` });

const target = z.discriminatedUnion(
  "soort",
  [
    z.strictObject({
      soort: z.literal("procent"),
      waarde: z
        .number({ error: "waarde is een getal: de verandering in procenten, bijvoorbeeld -10" })
        .min(-100, { error: "waarde is ten minste -100 (procent)" })
        .max(1000, { error: "waarde is ten hoogste 1000 (procent)" }),
      jaar: year("jaar"),
    }),
    z.strictObject({
      soort: z.literal("aantal"),
      waarde: z
        .number({ error: "waarde is een aantal per jaar, bijvoorbeeld 100" })
        .min(0, { error: "waarde is een aantal van 0 of meer" }),
      jaar: year("jaar"),
    }),
  ],
  {
    error: (iss) =>
      iss.input === undefined
        ? "ontbreekt"
        : `soort is "procent" (verandering ten opzichte van de basiswaarde) of "aantal" (een aantal per jaar)`,
  },
);

const priority = z
  .strictObject({
    titel: z
      .string({ error: "titel is tekst, bijvoorbeeld Woninginbraak" })
      .trim()
      .min(1, { error: "titel is leeg" }),
    inpCodes: z
      .array(z.string({ error: "een INP-code is tekst, bijvoorbeeld 1.1.1" }), {
        error: 'inpCodes is een lijst van INP-codes, bijvoorbeeld ["1.1.1"]',
      })
      .min(1, { error: "inpCodes is leeg: noem ten minste één INP-code" }),
    basisjaar: year("basisjaar"),
    basiswaarde: z
      .number({ error: "basiswaarde is het aantal in het basisjaar" })
      .min(0, { error: "basiswaarde is een aantal van 0 of meer" }),
    doel: target,
    toelichting: z.string({ error: "toelichting is tekst" }).default(""),
  })
  .superRefine((p, ctx) => {
    p.inpCodes.forEach((code, i) => {
      if (!inpNode(code.trim()))
        ctx.addIssue({
          code: "custom",
          path: ["inpCodes", i],
          message: `${JSON.stringify(code)} is geen INP-code (bijvoorbeeld 1.1.1, of 1.1 voor een hele groep)`,
        });
    });
    if (p.doel.jaar <= p.basisjaar)
      ctx.addIssue({
        code: "custom",
        path: ["doel", "jaar"],
        message: `het doeljaar ligt na het basisjaar (${p.basisjaar})`,
      });
  });

const targetsSchema = z.strictObject({
  gemeente: z
    .string({ error: "gemeente is een code als GM0344" })
    .regex(/^GM\d{4}$/, { error: "gemeente is een code als GM0344" })
    .optional(),
  prioriteiten: z
    .array(priority, { error: "prioriteiten is een lijst ([ … ])" })
    .min(1, { error: "prioriteiten is leeg: noem ten minste één prioriteit" }),
});

export type Targets = z.infer<typeof targetsSchema>;
export type Priority = Targets["prioriteiten"][number];

function dutchIssue(iss: z.core.$ZodRawIssue): string | undefined {
  if (iss.code === "unrecognized_keys") return `onbekend veld ${iss.keys.map((k) => `"${k}"`).join(", ")}`;
  if (iss.code === "invalid_type" && iss.input === undefined) return "ontbreekt";
  if (iss.code === "invalid_type" && iss.expected === "object") return "hier hoort een object ({ … })";
  return undefined;
}

/** A problem in a targets file: the field path ("prioriteiten.0.doel.jaar") and what is wrong. */
export interface TargetsProblem {
  path: string;
  message: string;
}

export function checkTargets(
  json: unknown,
): { ok: true; targets: Targets } | { ok: false; problems: TargetsProblem[] } {
  const r = targetsSchema.safeParse(json, { error: dutchIssue });
  if (r.success) return { ok: true, targets: r.data };
  return {
    ok: false,
    problems: r.error.issues.map((iss) => ({ path: iss.path.map(String).join("."), message: iss.message })),
  };
}

/**
 * The targets in parsed JSON from `source` (a file name, for the message).
 * @throws InputError naming the field(s) when they do not fit.
 */
export function parseTargets(json: unknown, source: string): Targets {
  const r = checkTargets(json);
  if (r.ok) return r.targets;
  const [first, ...rest] = r.problems;
  if (first && rest.length === 0) throw new InputError(first.message, source, null, first.path || null);
  const shown = r.problems.slice(0, 10).map((p) => `${p.path || "(bestand)"}: ${p.message}`);
  const more = r.problems.length - shown.length;
  throw new InputError(
    `${r.problems.length} fouten: ${shown.join("; ")}${more > 0 ? `; en nog ${more}` : ""}`,
    source,
  );
}

/** The INP types (level 3) a priority covers: group codes ("1.1", "1") stand for all their types. */
export function priorityTypes(p: Pick<Priority, "inpCodes">): string[] {
  const out = new Set<string>();
  for (const raw of p.inpCodes) {
    const code = raw.trim();
    if (inpNode(code, 3)) out.add(code);
    else for (const t of INP_TYPES) if (t.code.startsWith(`${code}.`)) out.add(t.code);
  }
  return [...out];
}

/** The yearly number the priority aims for in its target year. */
export function targetValue(p: Pick<Priority, "basiswaarde" | "doel">): number {
  return p.doel.soort === "aantal" ? p.doel.waarde : p.basiswaarde * (1 + p.doel.waarde / 100);
}

/**
 * The yearly number on the straight path from the baseline (in the base year) to the target (in
 * the target year) for `year`; the target itself from the target year on, the baseline before.
 */
export function pathValue(p: Pick<Priority, "basisjaar" | "basiswaarde" | "doel">, year: number): number {
  const goal = targetValue(p);
  if (year >= p.doel.jaar) return goal;
  if (year <= p.basisjaar) return p.basiswaarde;
  return p.basiswaarde + ((goal - p.basiswaarde) * (year - p.basisjaar)) / (p.doel.jaar - p.basisjaar);
}

/** Why the requester may not save the gemeente's targets; null when it may. */
export function targetsWriteProblem(requester: Requester, gemeente: string): string | null {
  const org = requester.organisation;
  const own = org?.kind === "gemeente" && org.authority.includes(gemeente);
  const role = requester.roles.some((r) => (TARGET_WRITE_ROLES as readonly string[]).includes(r));
  if (own && role) return null;
  return (
    `Alleen de adviseur openbare orde en veiligheid, de burgemeester of de beheerder van gemeente ${gemeente} ` +
    `mag de streefcijfers van ${gemeente} bewaren; ${requester.user} ` +
    (own ? "heeft geen van die rollen." : "werkt niet voor die gemeente.")
  );
}

/** Saves a new version of the gemeente's targets. */
export function saveTargets(
  store: Pick<Store, "saveDocument">,
  gemeente: string,
  targets: Targets,
  author: string,
  savedAt: Date,
): Promise<SavedDocument> {
  return store.saveDocument({
    kind: TARGETS_KIND,
    key: gemeente,
    body: { ...targets, gemeente },
    author,
    savedAt,
  });
}

/** The newest targets of a gemeente, checked again; null when none are stored. */
export interface StoredTargets {
  targets: Targets;
  version: number;
  author: string;
  savedAt: Date;
}

export async function currentTargets(
  store: Pick<Store, "documents">,
  gemeente: string,
): Promise<StoredTargets | null> {
  const doc = (await store.documents(TARGETS_KIND, gemeente)).find((d) => d.key === gemeente);
  if (!doc) return null;
  return {
    targets: parseTargets(doc.body, `streefcijfers ${gemeente} versie ${doc.version}`),
    version: doc.version,
    author: doc.author,
    savedAt: doc.savedAt,
  };
}
