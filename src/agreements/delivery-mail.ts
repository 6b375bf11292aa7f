// The e-mails the scheduler sends, in plain Dutch: a product with its files attached, and the
// reminder that an agreement is to be evaluated. Pure: data in, message out.

import type { MailAttachment, MailMessage } from "../delivery/mailer.ts";
import type { ProductDocument } from "../products/product-document.ts";
import { dayLabelNl, isoDateToDay } from "./calendar.ts";
import type { DueEvaluation } from "./evaluations.ts";
import { evaluationText } from "./evaluations.ts";

export interface ProductMailInput {
  from: string;
  to: string;
  recipientName: string;
  doc: ProductDocument;
  /** The product's name in the catalog, e.g. "Maandoverzicht" (the document's title names area and period too). */
  productTitle: string;
  /** The purpose's name, e.g. "Handhaving van de openbare orde". */
  purposeName: string;
  gemeenteName: string;
  agreementVersion: number;
  attachments: MailAttachment[];
  /** Formats that could not be made, with why (e.g. "geojson: … heeft geen kaart"). */
  missing: string[];
}

export function productMail(m: ProductMailInput): MailMessage {
  const { doc } = m;
  const d = doc.disclosure;
  const lines = [
    `Beste ${m.recipientName},`,
    "",
    `Hierbij ontvangt u: ${m.productTitle} van ${doc.area.name} over ${doc.period.label}. ` +
      `U krijgt dit door de informatieafspraak van gemeente ${m.gemeenteName} (versie ${m.agreementVersion}).`,
    "",
    `Product: ${m.productTitle}`,
    `Gebied: ${doc.area.name} (${doc.area.code})`,
    `Periode: ${doc.period.label}`,
    `Doel: ${m.purposeName}`,
    `Grondslag: ${d ? d.legalBasisLabel : "onbekend"}`,
    `Registernummer: ${d ? d.registerSeq : "onbekend"}`,
    "",
    `Bijlagen: ${m.attachments.map((a) => a.filename).join(", ") || "geen"}`,
    ...(m.missing.length > 0 ? [`Niet bijgevoegd: ${m.missing.join("; ")}`] : []),
    ...(d?.protection ? ["", d.protection] : []),
    "",
    "Deze gegevens zijn alleen voor u, voor het doel hierboven. Stuur ze niet door. " +
      "Wie wat kreeg, staat in het verstrekkingenregister; het registernummer hoort bij deze verstrekking.",
    "",
    "Met vriendelijke groet,",
    "driehoek",
    "",
  ];
  return {
    from: m.from,
    to: [m.to],
    subject: doc.title,
    text: lines.join("\n"),
    attachments: m.attachments,
  };
}

export interface EvaluationMailInput {
  from: string;
  to: string[];
  evaluation: DueEvaluation;
  gemeenteName: string;
  agreementVersion: number;
  afgesprokenMet: string;
}

export function evaluationMail(m: EvaluationMailInput): MailMessage {
  const e = m.evaluation;
  const when = dayLabelNl(isoDateToDay(e.evaluatieOp));
  const first =
    e.status === "verlopen"
      ? `De informatieafspraak van gemeente ${m.gemeenteName} moest worden geëvalueerd op ${when} (${evaluationText(e)}).`
      : `De informatieafspraak van gemeente ${m.gemeenteName} moet worden geëvalueerd op ${when} (${evaluationText(e)}).`;
  return {
    from: m.from,
    to: m.to,
    subject:
      e.status === "verlopen"
        ? `Evalueer de informatieafspraak van ${m.gemeenteName}`
        : `Over ${e.dagen} dagen: evaluatie informatieafspraak ${m.gemeenteName}`,
    text: [
      "Beste adviseur openbare orde en veiligheid,",
      "",
      first,
      `Het gaat om versie ${m.agreementVersion}, afgesproken met: ${m.afgesprokenMet}.`,
      "",
      "Bespreek met de partners of de afspraak nog past: welke producten, hoe vaak, voor wie en op welke grondslag. " +
        "Leg de uitkomst vast met een nieuwe versie en een nieuwe evaluatiedatum " +
        "(driehoek afspraak bewaar --bestand BESTAND --als GEBRUIKER). " +
        "De bezorging gaat door zolang de afspraak niet is veranderd.",
      "",
      "Met vriendelijke groet,",
      "driehoek",
      "",
    ].join("\n"),
    attachments: [],
  };
}
