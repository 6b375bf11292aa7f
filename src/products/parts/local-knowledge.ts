// Local knowledge ("lokale kennis") for the gebiedsscan: what the police team, residents, partners
// and the gemeente know about an area in a year, and the gemeente's priorities. People write it
// for the product; it is kept as a versioned document (kind "lokale-kennis", key "<code>|<year>").
//
// A file gives one or more sections; saving merges them into the newest version, so the team's
// text stays when the gemeente adds its own. Each section keeps who wrote it ("Team Centrum") and
// when. An empty text (or an empty list of priorities) removes a section. Texts are plain text:
// shown as written (the renderers escape them), never mixed with registration text.

import { z } from "zod";
import { InputError } from "../../domain/errors.ts";
import type { SavedDocument, Store } from "../../store/store.ts";
import type { TextBlock } from "../product-document.ts";

export const LOCAL_KNOWLEDGE_KIND = "lokale-kennis";
/** The text sections, in the order the product shows them. */
export const TEXT_SECTIONS = ["team", "bewoners", "partners", "gemeente"] as const;
export type TextSection = (typeof TEXT_SECTIONS)[number];
export const MAX_TEXT = 4000;
export const MAX_PRIORITIES = 20;
export const MAX_PRIORITY = 300;
export const MAX_SIGNATURE = 100;

/** Headings of the sections, in Dutch. */
export const SECTION_TITLES: Record<TextSection | "prioriteiten", string> = {
  team: "Wat ziet het politieteam?",
  bewoners: "Wat zeggen bewoners?",
  partners: "Wat zien partners?",
  gemeente: "Wat ziet de gemeente?",
  prioriteiten: "Prioriteiten van de gemeente",
};

/** Control characters other than tab and line breaks: no plain text. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: that is what it looks for
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

const plain = (field: string, max: number) =>
  z
    .string({ error: `${field} is tekst` })
    .max(max, { error: `${field} is te lang: hooguit ${max} tekens` })
    .refine((s) => !CONTROL.test(s), { error: `${field} bevat tekens die geen gewone tekst zijn` });

const inputSchema = z
  .strictObject(
    {
      team: plain("team", MAX_TEXT).optional(),
      bewoners: plain("bewoners", MAX_TEXT).optional(),
      partners: plain("partners", MAX_TEXT).optional(),
      gemeente: plain("gemeente", MAX_TEXT).optional(),
      prioriteiten: z
        .array(
          plain("prioriteiten", MAX_PRIORITY).refine((s) => s.trim() !== "", {
            error: "prioriteiten: een prioriteit is leeg",
          }),
          { error: "prioriteiten is een lijst van teksten" },
        )
        .max(MAX_PRIORITIES, { error: `prioriteiten: hooguit ${MAX_PRIORITIES} prioriteiten` })
        .optional(),
      ondertekening: plain("ondertekening", MAX_SIGNATURE).optional(),
    },
    {
      error: (iss) =>
        iss.code === "unrecognized_keys"
          ? `onbekend veld ${iss.keys.map((k) => `"${k}"`).join(", ")}; gebruik team, bewoners, partners, gemeente, prioriteiten of ondertekening`
          : "hier hoort een object ({ … }) met team, bewoners, partners, gemeente en/of prioriteiten",
    },
  )
  .refine((x) => [...TEXT_SECTIONS, "prioriteiten" as const].some((k) => x[k] !== undefined), {
    error: "geef minstens één van team, bewoners, partners, gemeente of prioriteiten",
  });

/** What a file gives: the sections to set ("" or [] removes one) and how to sign them. */
export type LocalKnowledgeInput = z.infer<typeof inputSchema>;

const entrySchema = z.strictObject({
  tekst: z.string(),
  door: z.string(),
  gebruiker: z.string(),
  op: z.string(),
});
const bodySchema = z.strictObject({
  team: entrySchema.optional(),
  bewoners: entrySchema.optional(),
  partners: entrySchema.optional(),
  gemeente: entrySchema.optional(),
  prioriteiten: z
    .strictObject({ punten: z.array(z.string()), door: z.string(), gebruiker: z.string(), op: z.string() })
    .optional(),
});

/** One section as stored: the text, the signature shown, the user, and when (ISO 8601). */
export type KnowledgeEntry = z.infer<typeof entrySchema>;
/** The stored document's body. */
export type LocalKnowledgeBody = z.infer<typeof bodySchema>;

export interface StoredLocalKnowledge {
  area: string;
  year: number;
  version: number;
  body: LocalKnowledgeBody;
}

export const localKnowledgeKey = (area: string, year: number) => `${area}|${year}`;

/** Checks parsed JSON; the message names the field. */
export function checkLocalKnowledge(
  json: unknown,
): { ok: true; input: LocalKnowledgeInput } | { ok: false; problems: { path: string; message: string }[] } {
  const r = inputSchema.safeParse(json);
  if (r.success) return { ok: true, input: r.data };
  return {
    ok: false,
    problems: r.error.issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message })),
  };
}

/**
 * The local knowledge in a file's text.
 * @throws InputError naming `source` and the field when it is no JSON or does not fit.
 */
export function parseLocalKnowledge(text: string, source: string): LocalKnowledgeInput {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new InputError(`geen geldige JSON: ${(err as Error).message}`, source);
  }
  const r = checkLocalKnowledge(json);
  if (r.ok) return r.input;
  const [first, ...rest] = r.problems;
  if (first && rest.length === 0) throw new InputError(first.message, source, null, first.path || null);
  throw new InputError(`${r.problems.length} fouten: ${r.problems.map((p) => p.message).join("; ")}`, source);
}

/** The sections a file sets (or removes). */
export function sectionsIn(input: LocalKnowledgeInput): (TextSection | "prioriteiten")[] {
  return [...TEXT_SECTIONS, "prioriteiten" as const].filter((k) => input[k] !== undefined);
}

/** The previous body with the file's sections set (or removed), signed by `who` at `at`. Pure. */
export function mergeLocalKnowledge(
  previous: LocalKnowledgeBody | null,
  input: LocalKnowledgeInput,
  who: { user: string; signature: string },
  at: Date,
): LocalKnowledgeBody {
  const out: LocalKnowledgeBody = { ...(previous ?? {}) };
  const signed = {
    door: input.ondertekening?.trim() || who.signature,
    gebruiker: who.user,
    op: at.toISOString(),
  };
  for (const k of TEXT_SECTIONS) {
    const text = input[k];
    if (text === undefined) continue;
    if (text.trim() === "") delete out[k];
    else out[k] = { tekst: text.trim(), ...signed };
  }
  if (input.prioriteiten !== undefined) {
    if (input.prioriteiten.length === 0) delete out.prioriteiten;
    else out.prioriteiten = { punten: input.prioriteiten.map((p) => p.trim()), ...signed };
  }
  return out;
}

function fromDocument(doc: SavedDocument): StoredLocalKnowledge {
  const [area = "", year = ""] = doc.key.split("|");
  const r = bodySchema.safeParse(doc.body);
  if (!r.success) {
    throw new Error(
      `lokale kennis ${doc.key} versie ${doc.version} is beschadigd: ${r.error.issues[0]?.message}`,
    );
  }
  return { area, year: Number(year), version: doc.version, body: r.data };
}

/** The newest version for an area and year; null when there is none. */
export async function readLocalKnowledge(
  store: Pick<Store, "documents">,
  area: string,
  year: number,
): Promise<StoredLocalKnowledge | null> {
  const [doc] = await store.documents(LOCAL_KNOWLEDGE_KIND, localKnowledgeKey(area, year));
  return doc ? fromDocument(doc) : null;
}

/** Saves the file's sections merged into the newest version, as a new version. */
export async function saveLocalKnowledge(
  store: Pick<Store, "documents" | "saveDocument">,
  area: string,
  year: number,
  input: LocalKnowledgeInput,
  who: { user: string; signature: string },
  now: Date,
): Promise<StoredLocalKnowledge> {
  const previous = await readLocalKnowledge(store, area, year);
  const body = mergeLocalKnowledge(previous?.body ?? null, input, who, now);
  const saved = await store.saveDocument({
    kind: LOCAL_KNOWLEDGE_KIND,
    key: localKnowledgeKey(area, year),
    body,
    author: who.user,
    savedAt: now,
  });
  return fromDocument(saved);
}

const dateNl = new Intl.DateTimeFormat("nl-NL", { timeZone: "Europe/Amsterdam", dateStyle: "long" });

/** "Team Centrum, 3 maart 2026". */
export const signatureLine = (e: { door: string; op: string }) =>
  `${e.door}, ${dateNl.format(new Date(e.op))}`;

/** Paragraphs of a text: split on empty lines. */
const paragraphsOf = (text: string) =>
  text
    .split(/\r?\n\s*\r?\n/)
    .map((p) => p.trim())
    .filter((p) => p !== "");

/** The text blocks of one section (empty when it is not filled in). */
export function knowledgeBlocks(
  body: LocalKnowledgeBody | null,
  section: TextSection | "prioriteiten",
): TextBlock[] {
  if (!body) return [];
  if (section === "prioriteiten") {
    const p = body.prioriteiten;
    return p
      ? [{ kind: "text", paragraphs: p.punten.map((x, i) => `${i + 1}. ${x}`), author: signatureLine(p) }]
      : [];
  }
  const e = body[section];
  return e ? [{ kind: "text", paragraphs: paragraphsOf(e.tekst), author: signatureLine(e) }] : [];
}
