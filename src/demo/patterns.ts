// How each kind of registration behaves in time and space (assumptions for a plausible demo, not
// measured values): seasons, hour of day, day of week, dependence on urbanisation, where in the
// gemeente it happens, attempts, persons, modus operandi and short fictional descriptions.

import type { PersonRole } from "../domain/registration.ts";

export interface Pattern {
  key: string;
  /** Relative weight per month, January first. */
  months: readonly number[];
  /** Relative weight per hour of the day, 0-23. */
  hours: readonly number[];
  /** Relative weight per weekday, Monday first. */
  weekdays: readonly number[];
  /** Extra factor for the nights after Friday and Saturday (22:00-04:59). */
  weekendNights: number;
  /** Extra factor around New Year (31 December evening, 1 January night); 0 for none. */
  newYear: number;
  /** Exponent of the urbanisation curve: 0 = same rate everywhere, 2 = strongly urban. */
  urban: number;
  /** Mixture of where it happens within a gemeente (weights are normalised). */
  where: { pop: number; centre: number; area: number; business: number };
  /** Use the buurt's burglary risk on top of its population. */
  burglaryRisk: boolean;
  /** A point cluster (shopping street, nightlife square) that draws a share of the events. */
  hotspot: "winkel" | "uitgaan" | null;
  hotspotShare: number;
  /** At an address: postcode and house number are filled in. */
  address: boolean;
  /** Minutes from begin to end (pleegdatum_eind); null for a moment. */
  duration: readonly [number, number] | null;
  attempt: number;
  /** Share with a suspect (verdachte). */
  suspect: number;
  /** Share with a victim (slachtoffer). */
  victim: number;
  /** For incidents: the person recorded and how often. */
  involved: { role: PersonRole; share: number } | null;
  mo: readonly (readonly [string, number])[];
  texts: readonly string[];
  textShare: number;
  /** How soon after the event it is registered. */
  delay: "direct" | "aangifte" | "laat";
  /** Extra share registered without a place (only the gemeente), e.g. online fraud. */
  noPlace: number;
}

// Hour profiles (relative weights for 00:00 ... 23:00).
const DAY = [
  1, 0.6, 0.4, 0.3, 0.3, 0.5, 1.2, 2.5, 3.5, 4, 4.5, 4.8, 5, 5, 5, 5.2, 5.5, 5.5, 5, 4.2, 3.5, 2.8, 2, 1.5,
];
const EVENING = [
  1.2, 0.9, 0.8, 0.7, 0.6, 0.6, 0.7, 1, 1.5, 2, 2.6, 2.8, 3, 3, 3.2, 3.4, 3.8, 5.5, 7, 7, 6, 4.5, 3, 2,
];
const NIGHT = [6, 6, 6, 5.5, 4.5, 3, 2, 1.5, 1.2, 1, 1, 1, 1, 1, 1, 1, 1.2, 1.5, 2, 2.5, 3, 3.5, 4.5, 5.5];
const NIGHTLIFE = [
  7, 8, 8, 7, 5, 2.5, 1.2, 1, 1, 1.2, 1.5, 1.8, 2, 2.2, 2.4, 2.6, 2.8, 3, 3.2, 3.4, 3.6, 4, 5, 6,
];
const SHOP = [
  0.1, 0.05, 0.05, 0.05, 0.05, 0.1, 0.2, 0.4, 0.8, 2, 4, 5, 6, 6.5, 7, 7, 7, 6, 4, 2.5, 1.5, 1, 0.5, 0.2,
];
const BIKE = [
  2, 1.2, 0.8, 0.5, 0.4, 0.5, 1, 2.5, 4, 4, 4, 4.2, 4.5, 4.5, 4.5, 4.8, 5.2, 5.5, 5, 4.5, 4, 3.5, 3, 2.5,
];
const RUSH = [
  0.8, 0.5, 0.4, 0.3, 0.4, 0.8, 2, 5, 6, 3.5, 3, 3, 3.2, 3.2, 3.3, 3.8, 5.5, 6.5, 4, 2.8, 2.2, 1.8, 1.4, 1,
];
const YOUTH = [
  2, 1, 0.5, 0.2, 0.1, 0.1, 0.2, 0.4, 0.6, 0.8, 1, 1.2, 1.5, 1.8, 2, 2.8, 3.5, 3.8, 4, 5, 6, 6.5, 5.5, 3.5,
];

// Weekday profiles, Monday first.
const FLAT_WEEK = [1, 1, 1, 1, 1, 1, 1];
const WORK_WEEK = [1.1, 1.1, 1.1, 1.1, 1.05, 0.8, 0.65];
const SHOP_WEEK = [0.9, 0.9, 0.95, 1, 1.15, 1.45, 0.55];
const WEEKEND = [0.8, 0.8, 0.85, 0.9, 1.1, 1.4, 1.3];

// Month profiles, January first.
const FLAT_YEAR = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1];
const DARK_MONTHS = [1.35, 1.1, 0.95, 0.85, 0.8, 0.75, 0.8, 0.85, 0.95, 1.1, 1.3, 1.45];
const MILD_WINTER = [1.15, 1.05, 1, 0.95, 0.95, 0.9, 0.9, 0.95, 1, 1.05, 1.1, 1.15];
const SUMMER = [0.85, 0.85, 0.95, 1, 1.1, 1.15, 1.15, 1.1, 1, 0.95, 0.9, 1];
const BIKE_YEAR = [0.7, 0.7, 0.85, 1, 1.1, 1.1, 1.05, 1.05, 1.2, 1.2, 1, 0.85];
const SHOP_YEAR = [0.9, 0.85, 0.9, 0.95, 1, 1, 1.05, 1.05, 0.95, 1, 1.1, 1.35];
const FIREWORK_YEAR = [1.5, 0.15, 0.15, 0.15, 0.15, 0.15, 0.15, 0.15, 0.15, 0.2, 1.2, 6];

const MO_WONING: readonly (readonly [string, number])[] = [
  ["flipperen", 18],
  ["cilinder trekken", 14],
  ["raam geforceerd", 24],
  ["deur geforceerd", 22],
  ["via dak/balkon", 8],
  ["inklimming via openstaand raam", 10],
  ["sleutel gebruikt", 4],
];
const MO_SCHUUR: readonly (readonly [string, number])[] = [
  ["hangslot verbroken", 35],
  ["deur geforceerd", 35],
  ["raam ingeslagen", 15],
  ["niet afgesloten", 15],
];
const MO_AUTO: readonly (readonly [string, number])[] = [
  ["ruit ingeslagen", 50],
  ["portier geforceerd", 20],
  ["sleutelloos openen (relay attack)", 20],
  ["niet afgesloten", 10],
];
const MO_FIETS: readonly (readonly [string, number])[] = [
  ["slot geknipt", 45],
  ["slot geforceerd", 25],
  ["niet op slot", 20],
  ["fiets weggedragen", 10],
];
const MO_BEDRIJF: readonly (readonly [string, number])[] = [
  ["deur geforceerd", 35],
  ["raam geforceerd", 25],
  ["ramkraak", 5],
  ["via dak", 15],
  ["rolluik geforceerd", 20],
];
const MO_FRAUDE: readonly (readonly [string, number])[] = [
  ["phishing", 25],
  ["nepwebwinkel", 25],
  ["vriend-in-noodfraude", 15],
  ["helpdeskfraude", 15],
  ["bankhelpdeskfraude", 10],
  ["pinpasfraude", 10],
];

const BASE: Pattern = {
  key: "overig",
  months: FLAT_YEAR,
  hours: DAY,
  weekdays: FLAT_WEEK,
  weekendNights: 1,
  newYear: 0,
  urban: 1,
  where: { pop: 0.8, centre: 0.2, area: 0, business: 0 },
  burglaryRisk: false,
  hotspot: null,
  hotspotShare: 0,
  address: false,
  duration: null,
  attempt: 0.02,
  suspect: 0.2,
  victim: 0.7,
  involved: null,
  mo: [],
  texts: [],
  textShare: 0.15,
  delay: "aangifte",
  noPlace: 0,
};

const p = (key: string, o: Partial<Pattern>): Pattern => ({ ...BASE, key, ...o });

const INCIDENT: Partial<Pattern> = { suspect: 0, victim: 0, attempt: 0, delay: "direct", textShare: 0.2 };

export const PATTERNS = {
  woninginbraak: p("woninginbraak", {
    months: DARK_MONTHS,
    hours: EVENING,
    weekdays: [1, 1, 1, 1, 1.05, 1.05, 0.9],
    urban: 0.8,
    where: { pop: 1, centre: 0, area: 0, business: 0 },
    burglaryRisk: true,
    address: true,
    duration: [20, 540],
    attempt: 0.35,
    suspect: 0.08,
    victim: 1,
    mo: MO_WONING,
    texts: [
      "Achterdeur geforceerd, sieraden en laptop weggenomen",
      "Bewoners troffen bij thuiskomst een openstaand raam aan",
      "Slaapkamer doorzocht; geld en horloge weggenomen",
      'Buurvrouw zag twee personen bij de achterom; melder: "ze renden weg"',
      "Sporen aan het kozijn; dader niet binnengekomen",
      "Via het balkon binnengekomen; spelcomputer weggenomen",
    ],
    textShare: 0.4,
  }),
  schuurinbraak: p("schuurinbraak", {
    months: MILD_WINTER,
    hours: NIGHT,
    urban: 0.2,
    where: { pop: 0.85, centre: 0, area: 0.15, business: 0 },
    address: true,
    duration: [60, 900],
    attempt: 0.25,
    suspect: 0.06,
    victim: 1,
    mo: MO_SCHUUR,
    texts: ["Tuinschuur opengebroken, gereedschap weggenomen", "E-bike uit afgesloten berging weggenomen"],
  }),
  autokraak: p("autokraak", {
    months: MILD_WINTER,
    hours: NIGHT,
    urban: 1.2,
    where: { pop: 0.7, centre: 0.2, area: 0.1, business: 0 },
    duration: [60, 600],
    attempt: 0.1,
    suspect: 0.05,
    victim: 1,
    mo: MO_AUTO,
    texts: [
      "Navigatiesysteem uit geparkeerde auto weggenomen",
      "Airbags uit stuur verwijderd",
      "Tas van de achterbank weggenomen",
    ],
  }),
  autodiefstal: p("autodiefstal", {
    hours: NIGHT,
    urban: 1,
    where: { pop: 0.8, centre: 0.1, area: 0.1, business: 0 },
    duration: [120, 720],
    attempt: 0.15,
    suspect: 0.08,
    victim: 1,
    mo: [
      ["sleutelloos openen (relay attack)", 40],
      ["contactslot geforceerd", 30],
      ["sleutel ontvreemd", 30],
    ],
    texts: ["Auto 's nachts van de oprit weggenomen", "Bestelbus met gereedschap weggenomen"],
  }),
  fiets: p("fiets", {
    months: BIKE_YEAR,
    hours: BIKE,
    weekdays: [1.1, 1.1, 1.1, 1.05, 1.05, 0.9, 0.7],
    urban: 1.6,
    where: { pop: 0.45, centre: 0.55, area: 0, business: 0 },
    duration: [30, 600],
    attempt: 0.02,
    suspect: 0.04,
    victim: 1,
    mo: MO_FIETS,
    texts: [
      "Fiets bij het station gestald en bij terugkomst weg",
      "Elektrische fiets uit fietsenrek weggenomen",
      "Fiets stond op slot voor de supermarkt",
    ],
  }),
  zakkenrollerij: p("zakkenrollerij", {
    months: SHOP_YEAR,
    hours: SHOP,
    weekdays: SHOP_WEEK,
    urban: 2.5,
    where: { pop: 0.15, centre: 0.85, area: 0, business: 0 },
    hotspot: "winkel",
    hotspotShare: 0.5,
    duration: [15, 120],
    attempt: 0.03,
    suspect: 0.04,
    victim: 1,
    texts: [
      "Portemonnee uit jaszak gerold in drukke winkelstraat",
      "Telefoon uit tas weggenomen op de markt",
    ],
  }),
  straatroof: p("straatroof", {
    hours: NIGHTLIFE,
    weekdays: WEEKEND,
    urban: 2.2,
    where: { pop: 0.4, centre: 0.6, area: 0, business: 0 },
    hotspot: "uitgaan",
    hotspotShare: 0.2,
    attempt: 0.15,
    suspect: 0.2,
    victim: 1,
    texts: [
      "Slachtoffer onder bedreiging van een mes beroofd van telefoon",
      "Tas uit handen gerukt door persoon op scooter",
    ],
  }),
  ongeval: p("ongeval", {
    months: [1.05, 1, 0.95, 0.95, 1, 1, 0.95, 0.9, 1, 1.05, 1.1, 1.05],
    hours: RUSH,
    weekdays: WORK_WEEK,
    urban: 0.3,
    where: { pop: 0.4, centre: 0.2, area: 0.4, business: 0 },
    attempt: 0,
    suspect: 0.35,
    victim: 0.5,
    delay: "direct",
    texts: [
      "Aanrijding tussen auto en fietser op kruising",
      "Kop-staartbotsing in de file",
      "Eenzijdig ongeval, auto tegen lantaarnpaal",
    ],
  }),
  zeden: p("zeden", {
    hours: EVENING,
    urban: 1.1,
    suspect: 0.4,
    victim: 1,
    attempt: 0.1,
    textShare: 0,
    noPlace: 0.05,
  }),
  geweld: p("geweld", {
    months: SUMMER,
    hours: NIGHTLIFE,
    weekdays: WEEKEND,
    weekendNights: 2.5,
    newYear: 3,
    urban: 1.4,
    where: { pop: 0.55, centre: 0.45, area: 0, business: 0 },
    hotspot: "uitgaan",
    hotspotShare: 0.35,
    attempt: 0.02,
    suspect: 0.55,
    victim: 1,
    delay: "direct",
    texts: [
      "Ruzie bij het uitgaan liep uit op een vechtpartij",
      "Slachtoffer na woordenwisseling geslagen",
      "Portier bij horecagelegenheid mishandeld",
      'Melder: "hij sloeg zomaar"; verdachte aangehouden',
    ],
    textShare: 0.3,
  }),
  openlijkGeweld: p("openlijk-geweld", {
    months: SUMMER,
    hours: NIGHTLIFE,
    weekdays: WEEKEND,
    weekendNights: 3,
    newYear: 4,
    urban: 1.8,
    where: { pop: 0.3, centre: 0.7, area: 0, business: 0 },
    hotspot: "uitgaan",
    hotspotShare: 0.5,
    suspect: 0.45,
    victim: 1,
    delay: "direct",
    texts: ["Groep jongeren viel voorbijganger aan", "Vechtpartij met meerdere personen op het plein"],
  }),
  levensdelict: p("levensdelict", {
    hours: NIGHTLIFE,
    weekdays: WEEKEND,
    weekendNights: 1.5,
    urban: 1.5,
    attempt: 0.65,
    suspect: 0.6,
    victim: 1,
    delay: "direct",
    textShare: 0,
  }),
  bedreiging: p("bedreiging", {
    hours: EVENING,
    urban: 1.2,
    suspect: 0.5,
    victim: 1,
    texts: [
      "Buurman bedreigd na ruzie over geluid",
      "Medewerker van de gemeente bedreigd aan de balie",
      "Bedreigende berichten ontvangen",
    ],
  }),
  overval: p("overval", {
    months: DARK_MONTHS,
    hours: EVENING,
    urban: 1.5,
    where: { pop: 0.2, centre: 0.2, area: 0, business: 0.6 },
    attempt: 0.2,
    suspect: 0.3,
    victim: 1,
    delay: "direct",
    texts: [
      "Overval op snackbar kort voor sluitingstijd",
      "Twee gemaskerde personen eisten geld uit de kassa",
    ],
  }),
  waterdiefstal: p("water", {
    months: SUMMER,
    urban: 0.5,
    where: { pop: 0.5, centre: 0, area: 0.5, business: 0 },
    duration: [120, 900],
    victim: 1,
  }),
  brandstichting: p("brandstichting", {
    hours: NIGHT,
    newYear: 6,
    urban: 1,
    suspect: 0.1,
    victim: 0.8,
    texts: ["Containerbrand, vermoedelijk aangestoken", "Auto in brand gestoken"],
  }),
  vermogen: p("vermogen", {
    urban: 1.2,
    where: { pop: 0.6, centre: 0.3, area: 0, business: 0.1 },
    suspect: 0.15,
    victim: 1,
    attempt: 0.05,
  }),
  vernieling: p("vernieling", {
    hours: NIGHTLIFE,
    weekdays: WEEKEND,
    weekendNights: 1.8,
    newYear: 5,
    urban: 1.1,
    where: { pop: 0.7, centre: 0.3, area: 0, business: 0 },
    suspect: 0.15,
    victim: 0.9,
    texts: [
      "Bushokje vernield",
      "Autospiegels in de straat afgetrapt",
      "Graffiti op gevel van school",
      "Ruit van woning ingegooid",
    ],
    textShare: 0.25,
  }),
  huiselijk: p("huiselijk", {
    hours: EVENING,
    weekdays: WEEKEND,
    address: true,
    suspect: 0.8,
    victim: 1,
    delay: "direct",
    textShare: 0,
  }),
  huisvredebreuk: p("huisvredebreuk", { hours: EVENING, address: true, suspect: 0.5, victim: 1 }),
  bedrijfsinbraak: p("bedrijfsinbraak", {
    months: MILD_WINTER,
    hours: NIGHT,
    weekdays: [0.9, 0.9, 0.9, 0.9, 1, 1.2, 1.2],
    urban: 1,
    where: { pop: 0.1, centre: 0.25, area: 0, business: 0.65 },
    address: true,
    duration: [120, 900],
    attempt: 0.25,
    suspect: 0.07,
    victim: 1,
    mo: MO_BEDRIJF,
    texts: [
      "Inbraak in bedrijfspand, koperkabel weggenomen",
      "Kantine van sportclub opengebroken",
      "Alarm ging af; achterdeur geforceerd",
    ],
  }),
  winkeldiefstal: p("winkeldiefstal", {
    months: SHOP_YEAR,
    hours: SHOP,
    weekdays: SHOP_WEEK,
    urban: 1.7,
    where: { pop: 0.1, centre: 0.6, area: 0, business: 0.3 },
    hotspot: "winkel",
    hotspotShare: 0.55,
    address: true,
    attempt: 0.05,
    suspect: 0.75,
    victim: 1,
    delay: "direct",
    texts: [
      "Verdachte liep met onbetaalde boodschappen langs de kassa",
      "Winkeldetective hield verdachte aan",
      "Cosmetica in tas gestopt; beveiliging waarschuwde politie",
    ],
  }),
  milieu: p("milieu", {
    urban: 0.2,
    where: { pop: 0.4, centre: 0, area: 0.6, business: 0 },
    suspect: 0.6,
    victim: 0,
    textShare: 0.3,
    texts: ["Afval gedumpt langs de weg", "Vaten met onbekende stof aangetroffen"],
  }),
  vuurwerk: p("vuurwerk", {
    months: FIREWORK_YEAR,
    hours: EVENING,
    newYear: 25,
    urban: 0.9,
    suspect: 0.8,
    victim: 0,
    delay: "direct",
    texts: ["Zwaar vuurwerk in beslag genomen"],
  }),
  regelgeving: p("regelgeving", { urban: 1, suspect: 0.9, victim: 0 }),
  drugs: p("drugs", {
    hours: NIGHTLIFE,
    weekdays: WEEKEND,
    urban: 1.6,
    where: { pop: 0.5, centre: 0.5, area: 0, business: 0 },
    hotspot: "uitgaan",
    hotspotShare: 0.2,
    suspect: 1,
    victim: 0,
    delay: "direct",
    texts: [
      "Bij controle drugs aangetroffen",
      "Hennepkwekerij in woning aangetroffen",
      "Verdachte handelde vanuit auto",
    ],
  }),
  mensenhandel: p("mensenhandel", { urban: 1.8, suspect: 0.8, victim: 1, textShare: 0 }),
  wapens: p("wapens", {
    hours: NIGHTLIFE,
    weekdays: WEEKEND,
    urban: 1.7,
    where: { pop: 0.5, centre: 0.5, area: 0, business: 0 },
    suspect: 1,
    victim: 0,
    delay: "direct",
  }),
  onlineZeden: p("online-zeden", { suspect: 0.7, victim: 0, textShare: 0, noPlace: 0.3, delay: "laat" }),
  rijdenOnderInvloed: p("rijden-onder-invloed", {
    hours: NIGHTLIFE,
    weekdays: WEEKEND,
    weekendNights: 2.5,
    urban: 0.6,
    where: { pop: 0.5, centre: 0.1, area: 0.4, business: 0 },
    suspect: 1,
    victim: 0,
    delay: "direct",
    texts: ["Bestuurder blies te hoog bij alcoholcontrole", "Slingerende auto aangehouden"],
  }),
  verkeersmisdrijf: p("verkeersmisdrijf", {
    hours: RUSH,
    weekdays: WORK_WEEK,
    urban: 0.7,
    where: { pop: 0.4, centre: 0.2, area: 0.4, business: 0 },
    suspect: 1,
    victim: 0,
    delay: "direct",
  }),
  openbareOrde: p("openbare-orde", {
    hours: NIGHTLIFE,
    weekdays: WEEKEND,
    weekendNights: 2,
    urban: 1.8,
    where: { pop: 0.4, centre: 0.6, area: 0, business: 0 },
    hotspot: "uitgaan",
    hotspotShare: 0.3,
    suspect: 1,
    victim: 0,
    delay: "direct",
  }),
  discriminatie: p("discriminatie", { suspect: 0.3, victim: 1, noPlace: 0.2 }),
  vreemdelingen: p("vreemdelingen", { urban: 1.5, suspect: 1, victim: 0, delay: "direct" }),
  belediging: p("belediging", { hours: EVENING, urban: 1.3, suspect: 0.6, victim: 0.8 }),
  cybercrime: p("cybercrime", {
    urban: 0.6,
    where: { pop: 1, centre: 0, area: 0, business: 0 },
    address: true,
    suspect: 0.05,
    victim: 1,
    noPlace: 0.25,
    delay: "laat",
    texts: ["Account van slachtoffer overgenomen", "Computer versleuteld met ransomware"],
  }),
  fraude: p("fraude", {
    urban: 0.5,
    where: { pop: 1, centre: 0, area: 0, business: 0 },
    address: true,
    attempt: 0.05,
    suspect: 0.1,
    victim: 1,
    mo: MO_FRAUDE,
    noPlace: 0.12,
    delay: "laat",
    texts: [
      "Artikel via marktplaats betaald maar nooit geleverd",
      "Slachtoffer gebeld door valse bankmedewerker",
      "Geld overgemaakt na WhatsApp-bericht van 'zoon'",
    ],
    textShare: 0.35,
  }),
  // Incidents.
  verward: p("verward", {
    ...INCIDENT,
    hours: DAY,
    urban: 1.3,
    where: { pop: 0.6, centre: 0.4, area: 0, business: 0 },
    involved: { role: "betrokkene", share: 0.7 },
    texts: [
      "Persoon liep verward over straat en sprak voorbijgangers aan",
      "Familie maakte zich zorgen om verward gedrag",
    ],
  }),
  jeugd: p("jeugd", {
    ...INCIDENT,
    months: [0.8, 0.8, 0.9, 1, 1.15, 1.2, 1.2, 1.1, 1, 0.95, 0.9, 1.1],
    hours: YOUTH,
    weekdays: WEEKEND,
    newYear: 3,
    urban: 0.9,
    where: { pop: 0.8, centre: 0.2, area: 0, business: 0 },
    involved: { role: "melder", share: 0.6 },
    texts: [
      "Groep jongeren hangt bij het winkelcentrum en maakt lawaai",
      "Jongeren op scooters bij de speeltuin",
      'Melder: jeugd gooit met stenen; "al weken zo"',
    ],
    textShare: 0.3,
  }),
  drankDrugs: p("drank-drugs", {
    ...INCIDENT,
    hours: NIGHTLIFE,
    weekdays: WEEKEND,
    weekendNights: 2,
    urban: 1.5,
    where: { pop: 0.5, centre: 0.5, area: 0, business: 0 },
    hotspot: "uitgaan",
    hotspotShare: 0.3,
    involved: { role: "betrokkene", share: 0.5 },
  }),
  zwervers: p("zwervers", {
    ...INCIDENT,
    urban: 2.5,
    where: { pop: 0.2, centre: 0.8, area: 0, business: 0 },
    hotspot: "winkel",
    hotspotShare: 0.3,
  }),
  horecaLawaai: p("horeca-lawaai", {
    ...INCIDENT,
    hours: NIGHTLIFE,
    weekdays: WEEKEND,
    weekendNights: 3,
    urban: 1.8,
    where: { pop: 0, centre: 1, area: 0, business: 0 },
    hotspot: "uitgaan",
    hotspotShare: 0.6,
    involved: { role: "melder", share: 0.7 },
  }),
  evenement: p("evenement", {
    ...INCIDENT,
    months: SUMMER,
    hours: EVENING,
    weekdays: WEEKEND,
    urban: 1.2,
    where: { pop: 0.3, centre: 0.7, area: 0, business: 0 },
  }),
  burenlawaai: p("burenlawaai", {
    ...INCIDENT,
    hours: NIGHTLIFE,
    weekdays: WEEKEND,
    urban: 1.1,
    where: { pop: 1, centre: 0, area: 0, business: 0 },
    address: true,
    involved: { role: "melder", share: 0.8 },
    texts: ["Harde muziek bij de buren na middernacht", "Blaffende hond de hele avond"],
  }),
  ruzie: p("ruzie", {
    ...INCIDENT,
    hours: NIGHTLIFE,
    weekdays: WEEKEND,
    weekendNights: 2,
    urban: 1.3,
    where: { pop: 0.6, centre: 0.4, area: 0, business: 0 },
    hotspot: "uitgaan",
    hotspotShare: 0.25,
    involved: { role: "betrokkene", share: 0.6 },
  }),
  huiselijkeTwist: p("huiselijke-twist", {
    ...INCIDENT,
    hours: EVENING,
    weekdays: WEEKEND,
    urban: 1,
    where: { pop: 1, centre: 0, area: 0, business: 0 },
    address: true,
    involved: { role: "betrokkene", share: 0.8 },
    textShare: 0,
  }),
  vuurwerkOverlast: p("vuurwerk-overlast", {
    ...INCIDENT,
    months: FIREWORK_YEAR,
    hours: EVENING,
    newYear: 30,
    urban: 0.9,
    involved: { role: "melder", share: 0.5 },
  }),
  hulp: p("hulpverlening", { ...INCIDENT, urban: 1, involved: { role: "betrokkene", share: 0.8 } }),
  hulpAdres: p("hulpverlening-adres", {
    ...INCIDENT,
    urban: 1,
    address: true,
    involved: { role: "betrokkene", share: 0.9 },
    textShare: 0,
  }),
  dieren: p("dieren", {
    ...INCIDENT,
    urban: 0.2,
    where: { pop: 0.5, centre: 0, area: 0.5, business: 0 },
    involved: { role: "melder", share: 0.5 },
  }),
  alarm: p("alarm", {
    ...INCIDENT,
    hours: NIGHT,
    urban: 1.1,
    where: { pop: 0.5, centre: 0.1, area: 0, business: 0.4 },
    address: true,
    textShare: 0.05,
  }),
  verdachteSituatie: p("verdachte-situatie", {
    ...INCIDENT,
    hours: EVENING,
    urban: 1,
    involved: { role: "melder", share: 0.7 },
    texts: [
      "Onbekende persoon keek bij woningen naar binnen",
      "Auto reed meerdere keren langzaam door de straat",
    ],
  }),
  bagage: p("bagage", { ...INCIDENT, urban: 2.5, where: { pop: 0, centre: 1, area: 0, business: 0 } }),
  parkeren: p("parkeren", {
    ...INCIDENT,
    urban: 1.6,
    where: { pop: 0.6, centre: 0.4, area: 0, business: 0 },
    involved: { role: "melder", share: 0.6 },
  }),
  verkeer: p("verkeer", {
    ...INCIDENT,
    hours: RUSH,
    weekdays: WORK_WEEK,
    urban: 0.5,
    where: { pop: 0.4, centre: 0.2, area: 0.4, business: 0 },
    involved: { role: "betrokkene", share: 0.6 },
  }),
  controle: p("controle", {
    ...INCIDENT,
    hours: EVENING,
    urban: 1.3,
    where: { pop: 0.5, centre: 0.5, area: 0, business: 0 },
    involved: { role: "betrokkene", share: 0.9 },
  }),
  assistentie: p("assistentie", { ...INCIDENT, urban: 1.1 }),
  goederen: p("goederen", {
    ...INCIDENT,
    urban: 1.4,
    where: { pop: 0.5, centre: 0.5, area: 0, business: 0 },
    involved: { role: "melder", share: 0.8 },
  }),
  mutatie: p("mutatie", {
    ...INCIDENT,
    urban: 1,
    where: { pop: 0.7, centre: 0.3, area: 0, business: 0 },
    textShare: 0.1,
  }),
  wijk: p("wijk", {
    ...INCIDENT,
    weekdays: WORK_WEEK,
    urban: 1,
    where: { pop: 1, centre: 0, area: 0, business: 0 },
    address: true,
    involved: { role: "betrokkene", share: 0.7 },
    textShare: 0,
  }),
  brand: p("brand", { ...INCIDENT, hours: NIGHT, newYear: 4, urban: 0.8, address: true }),
  toezichtJeugd: p("toezicht-jeugd", {
    ...INCIDENT,
    hours: YOUTH,
    weekdays: WEEKEND,
    urban: 1,
    where: { pop: 0.8, centre: 0.2, area: 0, business: 0 },
  }),
  administratief: p("administratief", {
    ...INCIDENT,
    weekdays: WORK_WEEK,
    urban: 1,
    involved: { role: "betrokkene", share: 1 },
  }),
} satisfies Record<string, Pattern>;

/** Pattern per INP level-3 code for crimes. */
export const CRIME_PATTERN: Readonly<Record<string, Pattern>> = {
  "1.1.1": PATTERNS.woninginbraak,
  "1.1.2": PATTERNS.schuurinbraak,
  "1.2.1": PATTERNS.autokraak,
  "1.2.2": PATTERNS.autodiefstal,
  "1.2.3": PATTERNS.fiets,
  "1.2.4": PATTERNS.zakkenrollerij,
  "1.2.5": PATTERNS.autokraak,
  "1.3.1": PATTERNS.ongeval,
  "1.4.1": PATTERNS.zeden,
  "1.4.2": PATTERNS.levensdelict,
  "1.4.3": PATTERNS.openlijkGeweld,
  "1.4.4": PATTERNS.bedreiging,
  "1.4.5": PATTERNS.geweld,
  "1.4.6": PATTERNS.straatroof,
  "1.4.7": PATTERNS.overval,
  "1.5.2": PATTERNS.waterdiefstal,
  "1.6.1": PATTERNS.brandstichting,
  "1.6.2": PATTERNS.vermogen,
  "1.6.3": PATTERNS.mensenhandel,
  "2.1.1": PATTERNS.drugs,
  "2.2.1": PATTERNS.vernieling,
  "2.4.1": PATTERNS.huiselijk,
  "2.4.2": PATTERNS.huisvredebreuk,
  "2.5.1": PATTERNS.bedrijfsinbraak,
  "2.5.2": PATTERNS.winkeldiefstal,
  "2.6.9": PATTERNS.vuurwerk,
  "2.7.2": PATTERNS.regelgeving,
  "2.7.3": PATTERNS.belediging,
  "3.1.1": PATTERNS.drugs,
  "3.1.2": PATTERNS.vreemdelingen,
  "3.1.3": PATTERNS.wapens,
  "3.2.1": PATTERNS.onlineZeden,
  "3.3.2": PATTERNS.waterdiefstal,
  "3.4.2": PATTERNS.waterdiefstal,
  "3.5.2": PATTERNS.rijdenOnderInvloed,
  "3.5.5": PATTERNS.verkeersmisdrijf,
  "3.6.4": PATTERNS.openbareOrde,
  "3.7.1": PATTERNS.discriminatie,
  "3.7.2": PATTERNS.vreemdelingen,
  "3.7.3": PATTERNS.belediging,
  "3.7.4": PATTERNS.cybercrime,
  "3.9.1": PATTERNS.fraude,
  "3.9.2": PATTERNS.fraude,
  "3.9.3": PATTERNS.fraude,
};

/** Pattern per BVH code for incidents. */
export const INCIDENT_PATTERN: Readonly<Record<string, Pattern>> = {
  E33: PATTERNS.verward,
  E35: PATTERNS.jeugd,
  E38: PATTERNS.drankDrugs,
  E41: PATTERNS.zwervers,
  E322: PATTERNS.horecaLawaai,
  E324: PATTERNS.evenement,
  E327: PATTERNS.burenlawaai,
  E321: PATTERNS.burenlawaai,
  E16: PATTERNS.ruzie,
  E11: PATTERNS.ruzie,
  E13: PATTERNS.huiselijkeTwist,
  E12: PATTERNS.huiselijkeTwist,
  E36: PATTERNS.vuurwerkOverlast,
  E30: PATTERNS.hulp,
  E14: PATTERNS.hulpAdres,
  H44: PATTERNS.hulpAdres,
  E92: PATTERNS.hulpAdres,
  E81: PATTERNS.dieren,
  E80: PATTERNS.dieren,
  E83: PATTERNS.dieren,
  E20: PATTERNS.alarm,
  E22: PATTERNS.alarm,
  J12: PATTERNS.verdachteSituatie,
  J13: PATTERNS.bagage,
  D73: PATTERNS.parkeren,
  D74: PATTERNS.verkeer,
  D60: PATTERNS.verkeer,
  D72: PATTERNS.verkeer,
  I301: PATTERNS.verkeer,
  I300: PATTERNS.verkeer,
  I305: PATTERNS.verkeer,
  I37: PATTERNS.controle,
  I39: PATTERNS.controle,
  E55: PATTERNS.assistentie,
  E57: PATTERNS.assistentie,
  E50: PATTERNS.assistentie,
  E53: PATTERNS.assistentie,
  H31: PATTERNS.goederen,
  H40: PATTERNS.goederen,
  H50: PATTERNS.goederen,
  J30: PATTERNS.mutatie,
  E40: PATTERNS.mutatie,
  I79: PATTERNS.wijk,
  I78: PATTERNS.wijk,
  E31: PATTERNS.brand,
  G61: PATTERNS.toezichtJeugd,
  G62: PATTERNS.toezichtJeugd,
  I62: PATTERNS.administratief,
};

/** Crime types without a pattern of their own (environmental offences) use this one. */
export const DEFAULT_CRIME_PATTERN: Pattern = PATTERNS.milieu;
/** Fallback for any incident code without a pattern. */
export const DEFAULT_INCIDENT_PATTERN: Pattern = PATTERNS.mutatie;
