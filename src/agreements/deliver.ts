// Runs the deliveries that are due now, once: for each (agreement item, recipient, period) the
// product is made AS the recipient through the disclosure gate (so the legal basis and the
// policies decide per recipient, and the register gets the entry), rendered in the agreed formats
// and delivered through the agreed channels. Each outcome is recorded as it happens
// (delivery-record.ts), so a second run delivers nothing twice and a run that stopped halfway
// resumes where it stopped. A crash between sending and recording can mean one delivery is sent
// again on the next run (at least once, never lost).
//
// Channels: "email" sends the files to the recipient's address; "map" writes them into
// <folderRoot>/<gemeente>/<map> (with one folder per recipient when an item has several);
// "web" and "api" only record that the product is ready to fetch: it is made when the user opens
// it, through the gate, and registered then. The product is only made now when at least one of
// e-mail and folder can work (mail server set up, recipient has an address, folder given, Chromium
// for PDF): the register holds disclosures that reached someone, not attempts. A channel that
// cannot work is recorded as failed and tried again on the next run; one that worked is not
// repeated. A format the product cannot have (GeoJSON without a map) is left out and named.
//
// A scheduled delivery counts as made with a second factor when the recipient's account has one
// (an authenticator app or an identity-provider link), as it would on the web.

import { join } from "node:path";
import { deliverToFolder } from "../delivery/delivery-folder.ts";
import type { MailAttachment, MailEffects } from "../delivery/mailer.ts";
import type { Gate } from "../disclosure/disclosure-gate.ts";
import type { LegalBasisRegistry } from "../disclosure/legal-bases/legal-basis-registry.ts";
import { requesterFor } from "../disclosure/store-gate.ts";
import type { UserAccount } from "../domain/account.ts";
import { AccessDenied } from "../domain/errors.ts";
import { productById } from "../products/catalog.ts";
import type { ProductDocument } from "../products/product-document.ts";
import { findArea, runProduct } from "../products/run-product.ts";
import type { PdfPrinter } from "../render/pdf/print-pdf.ts";
import { type ProductFormat, type RenderedProduct, renderFormats } from "../render/product/render-product.ts";
import type { Store } from "../store/store.ts";
import type { Channel } from "./agreement.ts";
import { currentAgreements, type StoredAgreement } from "./agreement-store.ts";
import type { HolidayPredicate } from "./calendar.ts";
import { productMail } from "./delivery-mail.ts";
import {
  type ChannelResult,
  channelDone,
  type DeliveryRecord,
  type DeliveryStatus,
  deliveryState,
  saveDeliveryRecord,
} from "./delivery-record.ts";
import { type ReminderResult, sendEvaluationReminders } from "./evaluation-reminders.ts";
import { isHoliday, loadHolidayConfig } from "./holidays.ts";
import { type DueDelivery, dueDeliveries } from "./schedule.ts";

export interface DeliveryDeps {
  store: Store;
  gate: Gate;
  registry: LegalBasisRegistry;
  now: () => Date;
  /** Needed for channel "email"; without it such deliveries fail (and are retried). */
  mail?: MailEffects;
  /** Sender address; empty: the mailer's own (DRIEHOEK_SMTP_AFZENDER). */
  mailFrom?: string;
  /** The delivery folder (must exist); needed for channel "map". */
  folderRoot?: string;
  /** Needed for format "pdf". */
  pdf?: PdfPrinter;
  /** Key for registration pseudonyms, for record-level products. */
  recordKey?: Uint8Array;
  /** Progress, one Dutch line at a time (the CLI writes it to stderr). */
  log?: (line: string) => void;
  /** The public holidays, which are not working days; default: from config/feestdagen.json. */
  isHoliday?: HolidayPredicate;
}

export interface DeliveryResult {
  key: string;
  gemeente: string;
  product: string;
  area: string;
  period: string;
  periodLabel: string;
  recipient: string;
  status: DeliveryStatus;
  registerSeq: number | null;
  reason: string | null;
  channels: Partial<Record<Channel, ChannelResult>>;
}

export interface DeliveryRun {
  deliveries: DeliveryResult[];
  reminders: ReminderResult[];
  /** Stored agreements that could not be read (nothing was delivered for them). */
  unreadable: { gemeente: string; reason: string }[];
}

const FILE_CHANNELS: readonly Channel[] = ["email", "map"];

function hasSecondFactor(user: UserAccount | undefined): boolean {
  return Boolean(user?.totpSecret || user?.oidcSubject);
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Runs every due delivery once, then the evaluation reminders. */
export async function runDueDeliveries(deps: DeliveryDeps): Promise<DeliveryRun> {
  const log = deps.log ?? (() => {});
  const { agreements, unreadable } = await currentAgreements(deps.store);
  for (const u of unreadable)
    log(`Afspraak van ${u.gemeente} is niet te lezen en wordt overgeslagen: ${u.reason}`);
  const state = await deliveryState(deps.store);
  const due = dueDeliveries(
    agreements.map((a) => a.agreement),
    state.done,
    deps.now(),
    { isHoliday: deps.isHoliday ?? isHoliday(loadHolidayConfig()) },
  );
  log(due.length === 0 ? "Er is nu niets te bezorgen." : `${due.length} bezorging(en) te doen.`);
  const deliveries: DeliveryResult[] = [];
  for (const [i, d] of due.entries()) {
    log(
      `[${i + 1}/${due.length}] ${d.item.product} ${d.item.gebied} ${d.period.label} voor ${d.recipient} …`,
    );
    const stored = agreements.find((a) => a.agreement.gemeente === d.gemeente) as StoredAgreement;
    const r = await deliverOne(deps, d, stored, state.failed.get(d.key));
    log(`[${i + 1}/${due.length}] ${r.status}${r.reason ? `: ${r.reason}` : ""}`);
    deliveries.push(r);
  }
  const reminders = await sendEvaluationReminders(deps, agreements);
  for (const r of reminders) {
    if (r.outcome === "verzonden")
      log(`Herinnering evaluatie ${r.gemeente} verzonden aan ${r.to.join(", ")}.`);
    if (r.outcome === "niet-verzonden")
      log(`Herinnering evaluatie ${r.gemeente} niet verzonden: ${r.problem}`);
  }
  return { deliveries, reminders, unreadable };
}

interface Files {
  files: RenderedProduct[];
  /** Formats left out because this product cannot have them (e.g. GeoJSON without a map), with why. */
  missing: string[];
}

async function renderFiles(
  doc: ProductDocument,
  formats: readonly ProductFormat[],
  pdf?: PdfPrinter,
): Promise<Files> {
  const out: Files = { files: [], missing: [] };
  for (const r of await renderFormats(doc, formats, { pdf })) {
    if ("file" in r) out.files.push(r.file);
    else out.missing.push(`${r.format} (${messageOf(r.error)})`);
  }
  return out;
}

/**
 * Why a file channel cannot work for this recipient whatever the product holds (no mail server,
 * no address, no folder, no Chromium for PDF); null when it can be tried.
 */
function blockedChannel(deps: DeliveryDeps, d: DueDelivery, user: UserAccount | undefined, k: Channel) {
  if (k === "email" && !deps.mail) return "e-mail is niet ingesteld (DRIEHOEK_SMTP_HOST)";
  if (k === "email" && !user?.email)
    return `${d.recipient} heeft geen e-mailadres (zet het met: driehoek gebruiker email ${d.recipient} <adres>)`;
  if (k === "map" && !deps.folderRoot) return "er is geen leveringsmap ingesteld (--map)";
  if (FILE_CHANNELS.includes(k) && d.item.formaten.includes("pdf") && !deps.pdf) {
    return "PDF maken kan hier niet: Chromium ontbreekt";
  }
  return null;
}

async function deliverOne(
  deps: DeliveryDeps,
  d: DueDelivery,
  stored: StoredAgreement,
  previous: DeliveryRecord | undefined,
): Promise<DeliveryResult> {
  const record = async (
    status: DeliveryStatus,
    fields: { reason: string | null; registerSeq: number | null; legalBasis: string | null },
    channels: Partial<Record<Channel, ChannelResult>>,
  ): Promise<DeliveryResult> => {
    const body: DeliveryRecord = {
      sleutel: d.key,
      gemeente: d.gemeente,
      afspraakVersie: stored.version,
      product: d.item.product,
      gebied: d.item.gebied,
      periode: d.period.id,
      ontvanger: d.recipient,
      doel: d.item.doel,
      status,
      registernummer: fields.registerSeq,
      grondslag: fields.legalBasis,
      reden: fields.reason,
      kanalen: channels,
      op: deps.now().toISOString(),
    };
    await saveDeliveryRecord(deps.store, body, deps.now());
    return {
      key: d.key,
      gemeente: d.gemeente,
      product: d.item.product,
      area: d.item.gebied,
      period: d.period.id,
      periodLabel: d.period.label,
      recipient: d.recipient,
      status,
      registerSeq: fields.registerSeq,
      reason: fields.reason,
      channels,
    };
  };
  const outcome = (
    channels: Partial<Record<Channel, ChannelResult>>,
    registerSeq: number | null,
    legalBasis: string | null,
  ) => {
    const failed = d.item.kanalen.filter((k) => !channelDone(channels[k]));
    return record(
      failed.length === 0 ? "bezorgd" : "mislukt",
      {
        reason: failed.length === 0 ? null : failed.map((k) => `${k}: ${channels[k]?.detail}`).join("; "),
        registerSeq,
        legalBasis,
      },
      channels,
    );
  };

  // What worked on an earlier try stays done; what cannot work now is not tried.
  const user = await deps.store.user(d.recipient);
  const channels: Partial<Record<Channel, ChannelResult>> = {};
  for (const k of d.item.kanalen) {
    const earlier = previous?.kanalen[k];
    if (earlier && channelDone(earlier)) channels[k] = earlier;
  }
  const todo = d.item.kanalen.filter((k) => !channels[k]);
  for (const k of todo) {
    const blocked = blockedChannel(deps, d, user, k);
    if (blocked) channels[k] = { status: "mislukt", detail: blocked };
  }
  const fileChannels = todo.filter((k) => FILE_CHANNELS.includes(k) && !channels[k]);
  const webChannels = todo.filter((k) => !FILE_CHANNELS.includes(k));
  for (const k of webChannels) channels[k] = availableOn(k);
  // Nothing to send or write now: nothing is made, so nothing is disclosed or registered.
  if (fileChannels.length === 0) return outcome(channels, null, null);

  let doc: ProductDocument;
  try {
    const def = productById(d.item.product);
    if (!def) throw new Error(`product ${d.item.product} bestaat niet (meer)`);
    const requester = { ...(await requesterFor(deps.store, d.recipient)), strongAuth: hasSecondFactor(user) };
    doc = await runProduct(
      {
        store: deps.store,
        gate: deps.gate,
        registry: deps.registry,
        now: deps.now,
        recordKey: deps.recordKey,
      },
      def,
      {
        requester,
        purpose: d.item.doel,
        area: d.item.gebied,
        period: d.period,
        facts: d.item.lokaleAfspraak ? { localAgreement: true } : undefined,
      },
    );
  } catch (err) {
    // A refusal is final for this period and recipient (web and api included); anything else is
    // tried again on the next run.
    if (err instanceof AccessDenied) {
      // Only what worked on an earlier try stays on record.
      const earlier = Object.fromEntries(
        Object.entries(channels).filter(([k]) => !todo.includes(k as Channel)),
      );
      return record("geweigerd", { reason: err.message, registerSeq: null, legalBasis: null }, earlier);
    }
    for (const k of fileChannels) channels[k] = { status: "mislukt", detail: messageOf(err) };
    return outcome(channels, null, null);
  }
  const registerSeq = doc.disclosure?.registerSeq ?? null;
  const legalBasis = doc.disclosure?.legalBasis ?? null;
  const made = await renderFiles(doc, d.item.formaten, deps.pdf);
  const note = made.missing.length > 0 ? ` (niet bijgevoegd: ${made.missing.join("; ")})` : "";
  for (const k of fileChannels) {
    if (made.files.length === 0) {
      channels[k] = {
        status: "mislukt",
        detail: `geen enkel bestand kon worden gemaakt: ${made.missing.join("; ")}`,
      };
      continue;
    }
    try {
      channels[k] =
        k === "email"
          ? await sendMail(deps, d, stored, doc, user as UserAccount, made, note)
          : await writeFolder(deps, d, made.files, note);
    } catch (err) {
      channels[k] = { status: "mislukt", detail: messageOf(err) };
    }
  }
  return outcome(channels, registerSeq, legalBasis);
}

function availableOn(k: Channel): ChannelResult {
  return {
    status: "beschikbaar",
    detail:
      k === "web"
        ? "klaar om te bekijken in driehoek; bij openen beslist de verstrekkingscontrole opnieuw"
        : "op te halen via de API van driehoek; bij ophalen beslist de verstrekkingscontrole opnieuw",
  };
}

async function sendMail(
  deps: DeliveryDeps,
  d: DueDelivery,
  stored: StoredAgreement,
  doc: ProductDocument,
  user: UserAccount,
  made: Files,
  note: string,
): Promise<ChannelResult> {
  // blockedChannel made sure there is a mailer and an address.
  const mail = deps.mail as MailEffects;
  const email = user.email as string;
  const purposeId = d.item.doel.split(":")[0];
  const attachments: MailAttachment[] = made.files.map((f) => ({
    filename: f.fileName,
    content: f.content,
    contentType: f.mediaType,
  }));
  await mail.send(
    productMail({
      from: deps.mailFrom ?? "",
      to: email,
      recipientName: user.name,
      doc,
      productTitle: productById(doc.product)?.title ?? doc.product,
      purposeName: deps.registry.purposes.find((p) => p.id === purposeId)?.naam ?? d.item.doel,
      gemeenteName: (await findArea(deps.store, d.gemeente))?.name ?? d.gemeente,
      agreementVersion: stored.version,
      attachments,
      missing: made.missing,
    }),
  );
  return { status: "bezorgd", detail: `aan ${email}${note}` };
}

async function writeFolder(
  deps: DeliveryDeps,
  d: DueDelivery,
  files: RenderedProduct[],
  note: string,
): Promise<ChannelResult> {
  const root = deps.folderRoot as string; // checked by blockedChannel
  const folder = d.item.map ?? d.item.product;
  const sub = d.item.ontvangers.length > 1 ? join(d.gemeente, folder, d.recipient) : join(d.gemeente, folder);
  const written = await deliverToFolder(
    root,
    sub,
    files.map((f) => ({ name: f.fileName, content: f.content })),
  );
  return { status: "bezorgd", detail: `${written.join(", ")}${note}` };
}
