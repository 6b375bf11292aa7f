// The beheerder's pages for the data that flows in: the information agreements
// (beheer-agreements-routes.tsx), the deliveries with their quarantine and a reload after a fix
// (beheer-deliveries-routes.tsx), and imports of reference data as background jobs
// (beheer-import-routes.tsx), with a start page (/beheer/) that links to every beheer page.
// Like the other beheer pages: only for the beheerder (the "/beheer/*" guard of beheer-routes.tsx,
// deny by default), every look and change through gate.administer, so it is in the register.
// The beheerder sees metadata (files, counts, lines, fields, reasons), no police content.

import { sendPage } from "../pages.tsx";
import { registerBeheerAgreementRoutes } from "./beheer-agreements-routes.tsx";
import { BEHEER_PAGES, type BeheerApp, type BeheerDataDeps } from "./beheer-data-shared.tsx";
import { registerBeheerDeliveryRoutes } from "./beheer-deliveries-routes.tsx";
import { registerBeheerImportRoutes } from "./beheer-import-routes.tsx";

export { type BeheerDataDeps, withUploadLimit } from "./beheer-data-shared.tsx";

export function registerBeheerDataRoutes(app: BeheerApp, deps: BeheerDataDeps): void {
  // The start page: "/beheer/" (with the slash: the purpose check lets "/beheer/…" through, and the
  // beheerder has no purpose to choose). "/beheer/*" in beheer-routes.tsx keeps everyone else out.
  // It reads nothing from the store; the look is registered all the same, as every page's is.
  app.get("/beheer/", async (c) => {
    await deps.gate.administer({ requester: c.get("requester"), what: "beheer-overzicht" }, async () => 1);
    return sendPage(
      c,
      "Beheer",
      <>
        <h1 class="utrecht-heading-1">Beheer</h1>
        <p class="utrecht-paragraph">
          Hier beheert u wie driehoek gebruikt en welke gegevens binnenkomen. U ziet gegevens óver de
          leveringen (bestanden, aantallen, regels met een fout), niet de registraties zelf.
        </p>
        <ul class="utrecht-link-list utrecht-link-list--html-ul dh-beheer-start">
          {BEHEER_PAGES.map(([href, label, what]) => (
            <li class="utrecht-link-list__item">
              <a class="utrecht-link utrecht-link--html-a" href={href}>
                {label}
              </a>
              : {what}
            </li>
          ))}
        </ul>
      </>,
    );
  });
  registerBeheerAgreementRoutes(app, deps);
  registerBeheerDeliveryRoutes(app, deps);
  registerBeheerImportRoutes(app, deps);
}
