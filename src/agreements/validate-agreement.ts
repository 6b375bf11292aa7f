// Checks an agreement against what exists: the gemeente and areas in the store, the products in the
// catalog (area level, period of the cadence), the purposes and legal bases in the registry, and
// the users. What only the disclosure gate can decide per recipient (does this role get this
// product under this basis?) is a warning here, not an error: the gate still decides at delivery.
// Pure: the caller reads the areas and users.

import { areaLineage } from "../disclosure/area-lineage.ts";
import { type LegalBasisRegistry, parsePurpose } from "../disclosure/legal-bases/legal-basis-registry.ts";
import type { UserAccount } from "../domain/account.ts";
import type { AreaSummary } from "../domain/area.ts";
import { InputError } from "../domain/errors.ts";
import { SENSITIVITIES, SENSITIVITY_LABELS } from "../domain/sensitivity.ts";
import { CATALOG, productById } from "../products/catalog.ts";
import { PERIOD_KIND_LABELS } from "../products/product-period.ts";
import { type Agreement, AgreementInvalid, parseAgreement } from "./agreement.ts";
import { cadencesFor, periodKindOf, SCHEDULED_CADENCES } from "./cadence.ts";
import type { Problem } from "./dutch-issues.ts";

export interface AgreementContext {
  registry: LegalBasisRegistry;
  /** All areas of the store (every boundary year). */
  areas: readonly AreaSummary[];
  users: readonly UserAccount[];
}

export interface CheckedAgreement {
  agreement: Agreement;
  /** Things that are allowed but will probably not work as meant, in Dutch. */
  warnings: string[];
}

/** The newest boundary year's entry of an area code. */
function newest(areas: readonly AreaSummary[], code: string): AreaSummary | undefined {
  let best: AreaSummary | undefined;
  for (const a of areas) if (a.code === code && (!best || a.year > best.year)) best = a;
  return best;
}

function duplicates<T>(values: readonly T[]): T[] {
  return [...new Set(values.filter((v, i) => values.indexOf(v) !== i))];
}

/**
 * Checks shape and content; returns the agreement with defaults filled in, and warnings.
 * @throws AgreementInvalid naming every field that is wrong.
 */
export function checkAgreement(json: unknown, ctx: AgreementContext, file?: string): CheckedAgreement {
  const agreement = parseAgreement(json, file);
  const problems: Problem[] = [];
  const warnings: string[] = [];
  const problem = (path: string, message: string) => problems.push({ path, message });

  const gemeente = newest(ctx.areas, agreement.gemeente);
  if (gemeente?.level !== "gemeente") {
    problem("gemeente", `gemeente ${agreement.gemeente} is onbekend`);
  }
  const lineage = areaLineage(ctx.areas);
  const usersById = new Map(ctx.users.map((u) => [u.id, u]));
  const basisIds = ctx.registry.bases.map((b) => b.id).join(", ");
  if (agreement.grondslag && !ctx.registry.bases.some((b) => b.id === agreement.grondslag)) {
    problem("grondslag", `grondslag ${agreement.grondslag} bestaat niet; kies uit ${basisIds}`);
  }
  if (agreement.producten.length === 0) {
    warnings.push("De afspraak noemt geen producten: er wordt niets bezorgd.");
  }

  const seen = new Map<string, number>();
  agreement.producten.forEach((item, i) => {
    const at = (field: string) => `producten.${i}.${field}`;
    const def = productById(item.product);
    if (!def) {
      problem(
        at("product"),
        `product ${item.product} bestaat niet; kies uit ${CATALOG.map((p) => p.id).join(", ")}`,
      );
    }
    const twin = seen.get(`${item.product}|${item.gebied}`);
    if (twin !== undefined) {
      problem(
        `producten.${i}`,
        `${item.product} voor ${item.gebied} staat er al (producten.${twin}); voeg de ontvangers daar toe`,
      );
    } else seen.set(`${item.product}|${item.gebied}`, i);

    // Area: known, of a level the product has, and in (or around) the gemeente.
    const area = newest(ctx.areas, item.gebied);
    if (!area) problem(at("gebied"), `gebied ${item.gebied} is onbekend`);
    else {
      if (def && !def.levels.includes(area.level)) {
        problem(
          at("gebied"),
          `${def.title} is er voor ${def.levels.join(", ")}; ${area.name} (${area.code}) is een ${area.level}`,
        );
      }
      const related =
        area.code === agreement.gemeente ||
        lineage(area.code).includes(agreement.gemeente) ||
        lineage(agreement.gemeente).includes(area.code);
      if (!related) {
        problem(at("gebied"), `${area.name} (${area.code}) ligt niet in gemeente ${agreement.gemeente}`);
      }
    }

    // Cadence: schedulable, and its period one the product covers.
    const kind = periodKindOf(item.cadans);
    if (!kind) {
      problem(
        at("cadans"),
        `${item.cadans} kan (nog) niet op vaste momenten worden bezorgd; kies uit ${SCHEDULED_CADENCES.join(", ")}`,
      );
    } else if (def && !def.periodKinds.includes(kind)) {
      problem(
        at("cadans"),
        `${def.title} gaat over een ${def.periodKinds.map((k) => PERIOD_KIND_LABELS[k]).join(" of ")}, ` +
          `${item.cadans} bezorgt een ${PERIOD_KIND_LABELS[kind]}; kies uit ${cadencesFor(def.periodKinds).join(", ")}`,
      );
    }

    for (const f of duplicates(item.formaten)) problem(at("formaten"), `${f} staat er twee keer in`);
    for (const k of duplicates(item.kanalen)) problem(at("kanalen"), `${k} staat er twee keer in`);
    if (item.map && !item.kanalen.includes("map")) {
      warnings.push(`${at("map")}: er is een map genoemd, maar "map" staat niet bij de kanalen.`);
    }

    // Purpose and legal basis: known, and the basis covers this purpose and sensitivity.
    let purposeId: string | null = null;
    try {
      purposeId = parsePurpose(ctx.registry, item.doel, at("doel")).id;
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      problem(at("doel"), err.message);
    }
    const basis = ctx.registry.bases.find((b) => b.id === item.grondslag);
    if (!basis) {
      if (item.grondslag !== agreement.grondslag)
        problem(at("grondslag"), `grondslag ${item.grondslag} bestaat niet; kies uit ${basisIds}`);
    } else {
      if (purposeId && !basis.doelen.includes("*") && !basis.doelen.includes(purposeId)) {
        problem(
          at("doel"),
          `grondslag ${basis.id} geldt niet voor doel ${purposeId}; wel voor ${basis.doelen.join(", ")}`,
        );
      }
      if (def && SENSITIVITIES.indexOf(def.sensitivity) > SENSITIVITIES.indexOf(basis.hoogsteGevoeligheid)) {
        problem(
          at("grondslag"),
          `${def.title} bevat ${SENSITIVITY_LABELS[def.sensitivity]}; grondslag ${basis.id} gaat ten hoogste over ${SENSITIVITY_LABELS[basis.hoogsteGevoeligheid]}`,
        );
      }
    }

    // Recipients: existing users; what the gate will probably refuse is a warning.
    for (const r of duplicates(item.ontvangers)) problem(at("ontvangers"), `${r} staat er twee keer in`);
    item.ontvangers.forEach((id, j) => {
      const user = usersById.get(id);
      if (!user) {
        problem(`${at("ontvangers")}.${j}`, `gebruiker ${id} bestaat niet`);
        return;
      }
      if (!user.active) warnings.push(`${id} is geblokkeerd en krijgt niets zolang dat zo is.`);
      if (item.kanalen.includes("email") && !user.email) {
        warnings.push(
          `${id} heeft geen e-mailadres: ${item.product} per e-mail komt pas aan als dat is ingevuld (driehoek gebruiker email ${id} ADRES).`,
        );
      }
      if (basis && !basis.ontvangers.includes("*") && !user.roles.some((r) => basis.ontvangers.includes(r))) {
        warnings.push(
          `${id} (${user.roles.join(", ")}) is geen ontvanger onder grondslag ${basis.id}: ` +
            `de verstrekkingscontrole zal ${item.product} waarschijnlijk weigeren.`,
        );
      }
    });
  });

  if (problems.length > 0) throw new AgreementInvalid(problems, file);
  return { agreement, warnings };
}
