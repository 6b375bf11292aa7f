// Shared by the beheer data pages (beheer-data-routes.tsx and its parts): their dependencies, the
// upload limit and the saving of uploaded files, failures in Dutch, and the navigation.

import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import type { Context, Hono, MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { Child } from "hono/jsx";
import type { HolidayPredicate } from "../../agreements/calendar.ts";
import type { Gate } from "../../disclosure/disclosure-gate.ts";
import type { LegalBasisRegistry } from "../../disclosure/legal-bases/legal-basis-registry.ts";
import { InputError } from "../../domain/errors.ts";
import type { PageStore } from "../app.ts";
import type { AuthVariables } from "../middleware/authentication/authentication.ts";
import type { ImportJobs } from "./import-jobs-work.ts";

export interface BeheerDataDeps {
  store: PageStore;
  gate: Gate;
  now: () => Date;
  registry: LegalBasisRegistry;
  /** Where uploaded files wait while they load (removed afterwards); default: the system's temp folder. */
  uploadDir?: string;
  /** The import jobs; default: a fresh registry on `now`. */
  importJobs?: ImportJobs;
  /** Public holidays (not working days) for the next delivery day; default: config/feestdagen.json. */
  isHoliday?: HolidayPredicate;
  /**
   * Called after the beheerder loaded new data (a delivery, or reference data): e.g. to make the
   * table protection again ahead of the next visitor, as after a delivery from the inbox.
   */
  dataLoaded?: () => void;
}

export type BeheerApp = Hono<{ Variables: AuthVariables }>;
export type BeheerContext = Context<{ Variables: AuthVariables }>;

/** The largest file the beheerder may upload (a month of police registrations of a large city). */
export const UPLOAD_MAX_BYTES = 50 * 1024 * 1024;

/** Form posts that carry a file: they get UPLOAD_MAX_BYTES instead of the app's small form limit. */
export function isUploadPath(method: string, path: string): boolean {
  return (
    method === "POST" &&
    (path === "/beheer/import" ||
      path === "/beheer/afspraken" ||
      /^\/beheer\/leveringen\/\d+\/opnieuw$/.test(path))
  );
}

/**
 * The app's body limit, with the beheer uploads (isUploadPath) exempted and given their own,
 * larger one. Every other request keeps `formLimit`.
 */
export function withUploadLimit(formLimit: MiddlewareHandler): MiddlewareHandler {
  const uploadLimit = bodyLimit({
    maxSize: UPLOAD_MAX_BYTES,
    onError: (c) => c.text("Dit bestand is te groot: het mag hoogstens 50 MB zijn.", 413),
  });
  return (c, next) => (isUploadPath(c.req.method, c.req.path) ? uploadLimit(c, next) : formLimit(c, next));
}

/** An uploaded file of a parsed form, or null when none was chosen. */
export function formFile(body: Record<string, unknown>, name: string): File | null {
  const v = body[name];
  const f = Array.isArray(v) ? v[0] : v;
  return f instanceof File && f.size > 0 ? f : null;
}

export interface SavedUpload {
  /** Where it is on disk: <uploadDir>/driehoek-upload-XXXX/<name>. */
  path: string;
  /** The file's own name as the browser sent it (made safe), as shown to people. */
  name: string;
  remove: () => Promise<void>;
}

/** A file name without folders and without characters that mean something to a shell or a path. */
export function safeFileName(name: string): string {
  const base = basename(name.replaceAll("\\", "/"))
    .replace(/[^A-Za-z0-9._ -]/g, "_")
    .replace(/^\.+/, "")
    .slice(0, 120)
    .trim();
  return base === "" ? "bestand" : base;
}

/** Writes an uploaded file to a folder of its own, under its own (safe) name. */
export async function saveUpload(dir: string | undefined, file: File): Promise<SavedUpload> {
  const folder = await mkdtemp(join(dir ?? tmpdir(), "driehoek-upload-"));
  const name = safeFileName(file.name);
  const path = join(folder, name);
  await writeFile(path, Buffer.from(await file.arrayBuffer()));
  return { path, name, remove: () => rm(folder, { recursive: true, force: true }) };
}

/**
 * A failure in plain Dutch, naming the file by its own name (not the temporary folder it was
 * loaded from), the line and the field: "gebieden.csv, regel 1, veld x: …".
 */
export function describeFailure(err: unknown): string {
  if (err instanceof InputError) {
    return new InputError(err.message, basename(err.file), err.line, err.field).describe();
  }
  return (err as Error)?.message ?? String(err);
}

/** The links between the beheer pages, at the top of each. */
export const BEHEER_PAGES: readonly [string, string, string][] = [
  ["/beheer/gebruikers", "Gebruikers", "inlognamen, rollen, blokkeren"],
  ["/beheer/organisaties", "Organisaties", "gemeenten, politie en partners met hun gezagsgebied"],
  ["/beheer/afspraken", "Informatieafspraken", "welke producten, hoe vaak, voor wie; evaluaties"],
  ["/beheer/leveringen", "Leveringen", "ontvangen bestanden, regels in quarantaine, opnieuw laden"],
  ["/beheer/import", "Referentiegegevens importeren", "gebieden, inwoners, politie-indeling, adressen"],
];

/** A short line of links back to the start page and to the sibling pages. */
export function BeheerNav({ current }: { current: string }) {
  return (
    <nav class="dh-beheer-nav" aria-label="Beheer">
      <ul class="utrecht-link-list utrecht-link-list--html-ul">
        <li class="utrecht-link-list__item">
          <a class="utrecht-link utrecht-link--html-a" href="/beheer/">
            Beheer
          </a>
        </li>
        {BEHEER_PAGES.filter(
          ([href]) => href !== "/beheer/gebruikers" && href !== "/beheer/organisaties",
        ).map(([href, label]) => (
          <li class="utrecht-link-list__item">
            <a
              class="utrecht-link utrecht-link--html-a"
              href={href}
              aria-current={href === current ? "page" : undefined}
            >
              {label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** Facts about one thing (a delivery, an agreement) as a description list. */
export function Facts({ facts }: { facts: readonly (readonly [string, Child])[] }) {
  return (
    <dl class="dh-facts">
      {facts.map(([k, v]) => (
        <>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </>
      ))}
    </dl>
  );
}
