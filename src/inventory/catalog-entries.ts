// The 17 information products of the catalog (DESIGN.md §3) as the inventory asks about them: id
// and Dutch title as mayors know them, and one sentence on what it is. The inventory covers all of
// them, also the ones driehoek does not make yet (src/products/catalog.ts has those it makes; their
// ids are the same). Names follow the regional mayors' inventory of 2016 where it used them.

export interface CatalogEntry {
  /** Product id, the same as in src/products/catalog.ts when driehoek makes it. */
  id: string;
  /** Dutch title. */
  title: string;
  /** What it is, in one plain Dutch sentence. */
  description: string;
}

export const CATALOG_ENTRIES: readonly CatalogEntry[] = [
  {
    id: "maandoverzicht",
    title: "Maandoverzicht (VNG/INP-model)",
    description: "Elke maand de cijfers van alle soorten criminaliteit in de gemeente.",
  },
  {
    id: "tabellenboek",
    title: "Tabellenboek",
    description: "Elke maand alle tabellen per soort, gebied en maand, vooral in Excel.",
  },
  {
    id: "perioderapportage",
    title: "Vier-, acht- en twaalfmaandsrapportage",
    description: "De cijfers van het jaar tot nu toe, met de prestaties van de politie.",
  },
  {
    id: "halfjaarcijfers",
    title: "Halfjaarcijfers",
    description: "Twee keer per jaar een keuze van soorten misdrijven per gemeente.",
  },
  {
    id: "jaarafsluiting",
    title: "Jaarafsluiting basisteam",
    description: "De cijfers van een jaar, vergeleken met het jaar ervoor.",
  },
  {
    id: "gebiedsscan",
    title: "Gebiedsscan criminaliteit en overlast",
    description: "Elk jaar: waar en wat de problemen zijn, met de kennis van de wijkagenten.",
  },
  {
    id: "woninginbraakmonitor",
    title: "Woninginbrakenmonitor",
    description: "Woninginbraken en pogingen per week of maand en per buurt.",
  },
  {
    id: "driehoeksmonitor",
    title: "Driehoeksmonitor misdrijven en incidenten",
    description: "De prioriteiten uit het veiligheidsplan naast de afgesproken doelen.",
  },
  {
    id: "veiligheidsanalyse",
    title: "Veiligheidsanalyse",
    description: "Ontwikkelingen over 5 tot 10 jaar en een vergelijking met andere gemeenten.",
  },
  {
    id: "situatierapportage",
    title: "Situatierapportage",
    description: "Eén verschijnsel uitgediept, zoals jeugdoverlast, drugs of explosies.",
  },
  {
    id: "incidentenrapport",
    title: "(Twee)wekelijks incidentenrapport",
    description: "Een afgesproken selectie van registraties in de gemeente.",
  },
  {
    id: "operationeel-beeld",
    title: "Dagelijks algemeen operationeel beeld",
    description: "Elke dag een kort beeld zonder namen van de grotere incidenten in de eenheid.",
  },
  {
    id: "dagrapport",
    title: "Dag-/weekrapport met contextinformatie",
    description: "Registraties die de bevoegdheden van de burgemeester voor de openbare orde raken.",
  },
  {
    id: "bestuurlijke-rapportage",
    title: "Bestuurlijke rapportage (art. 16 Wpg)",
    description: "Politie-informatie voor een bestuurlijke maatregel, zoals een sluiting of Bibob.",
  },
  {
    id: "ondermijningsbeeld",
    title: "Integraal ondermijningsbeeld",
    description: "Signalen van ondermijning van politie, gemeente en partners samen.",
  },
  {
    id: "coa-overzicht",
    title: "Incidentenoverzicht COA-locaties",
    description: "Incidenten bij of rond opvanglocaties, met de gemeente afgesproken.",
  },
  {
    id: "burgemeestersrapportage",
    title: "Burgemeestersrapportage",
    description: "De eigen bundel van de burgemeester, zoals lokaal afgesproken.",
  },
];

/** The entry with this id, if any. */
export function catalogEntry(id: string): CatalogEntry | undefined {
  return CATALOG_ENTRIES.find((e) => e.id === id);
}
