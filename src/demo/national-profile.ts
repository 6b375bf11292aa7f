// The national profile the demo generator scales to its fictional population. Derived ONCE from
// the real public files in ../shared/data (the demo must run without them):
//
// - CRIME_COUNTS: nl_misdrijven_per_jaar.csv (CBS/politie registered crime per INP level-3 type,
//   via bernasco/staat_van_de_misdaad data/NL_Crime.csv), year 2023 (802,043 crimes in total).
//   Types with 0 registrations in 2023 are left out.
// - OVERLAST_COUNTS: nl_overlast_per_jaar.csv (data/NL_Disorder.csv), year 2023, with the codes of
//   cbs_overlast_soort.csv. The four overlast codes with "Delict J" in the police table (F010, M061,
//   M062, M22) are generated as the nearest incident (N) code of the same theme, so that they stay
//   incidents: CBS counts them in its overlast table, not in its crime table.
// - NATIONAL_POPULATION: gemeente_bevolking_oppervlakte_2024.csv, the sum of `Bevolking`
//   (1 January 2024), close to the 2023 average.
// - BVH_CODES: the rows of inp2013_bvh.csv (police table "INP2013 BVH") for every code the demo
//   uses: code, INP level-3 code, description and Delict J/N, in the order of that table.
//
// ASSUMPTIONS (no published series behind them, chosen to look plausible): the split of each INP
// type over its BVH codes (BVH_WEIGHTS), the other incident codes and their shares
// (OTHER_INCIDENTS), the national population shares per stedelijkheid class, and the total
// OTHER_INCIDENTS_PER_YEAR that brings the national volume to about 5 million registrations a year.

/** The year of the national series below. */
export const PROFILE_YEAR = 2023;

/** Inhabitants of the Netherlands, 1 January 2024 (CBS). */
export const NATIONAL_POPULATION = 17_942_942;

/** Registered crimes in the Netherlands in 2023 per INP level-3 type. */
export const CRIME_COUNTS: Readonly<Record<string, number>> = {
  "1.1.1": 22706,
  "1.1.2": 11000,
  "1.2.1": 43515,
  "1.2.2": 9303,
  "1.2.3": 96927,
  "1.2.4": 12393,
  "1.2.5": 28402,
  "1.3.1": 76458,
  "1.4.1": 8214,
  "1.4.2": 2541,
  "1.4.3": 4037,
  "1.4.4": 23298,
  "1.4.5": 39268,
  "1.4.6": 2435,
  "1.4.7": 541,
  "1.5.2": 941,
  "1.6.1": 4103,
  "1.6.2": 83379,
  "1.6.3": 628,
  "2.1.1": 176,
  "2.2.1": 69976,
  "2.4.1": 229,
  "2.4.2": 3234,
  "2.5.1": 12941,
  "2.5.2": 44844,
  "2.6.1": 32,
  "2.6.2": 105,
  "2.6.3": 18,
  "2.6.4": 90,
  "2.6.5": 5,
  "2.6.7": 10,
  "2.6.8": 338,
  "2.6.9": 373,
  "2.6.10": 1,
  "2.6.12": 8,
  "2.6.13": 536,
  "2.7.2": 2393,
  "2.7.3": 1062,
  "3.1.1": 13468,
  "3.1.2": 58,
  "3.1.3": 6662,
  "3.2.1": 475,
  "3.3.2": 7,
  "3.4.2": 129,
  "3.5.2": 42799,
  "3.5.5": 12123,
  "3.6.4": 7937,
  "3.7.1": 503,
  "3.7.2": 157,
  "3.7.3": 10264,
  "3.7.4": 12029,
  "3.9.1": 88132,
  "3.9.2": 346,
  "3.9.3": 494,
};

/** Overlast registrations in the Netherlands in 2023 (CBS overlast table), by generated BVH code. */
export const OVERLAST_COUNTS: Readonly<Record<string, number>> = {
  E33: 141724, // overlast door verward persoon
  E35: 83694, // melding overlast jeugd
  E38: 59430 + 6045, // overlast i.v.m. alcohol/drugs, plus openbare dronkenschap (F010)
  E41: 40525, // overlast zwervers
  E322: 3231, // geluidshinder horeca (M061)
  E324: 1326, // geluidshinder evenement (M062)
  E327: 108202, // geluidshinder overig (M22)
};

/** Assumed yearly national volume of the other incident codes below (about 210 per 1,000). */
export const OTHER_INCIDENTS_PER_YEAR = 3_750_000;

/** Assumed relative shares of other incident (Delict N) codes. */
export const OTHER_INCIDENTS: Readonly<Record<string, number>> = {
  E16: 9, // ruzie/twist
  E11: 3, // vechtpartij
  E13: 7, // huiselijke twist
  E12: 4, // burenruzie
  E321: 9, // geluidsoverlast particulieren
  E36: 2, // overlast vuurwerk
  E30: 11, // ongeval/onwel persoon
  E14: 2.5, // poging tot zelfdoding
  H44: 2.5, // vermissing persoon
  E81: 2.5, // loslopend dier
  E80: 1.5, // aantreffen dood/gewond dier
  E83: 1, // overige meldingen dieren
  E20: 8, // loos inbraak-/overvalalarm
  E22: 3, // overige loos alarm
  J12: 22, // verdachte situatie
  J13: 0.3, // onbeheerde bagage
  D73: 7, // parkeerproblemen
  D74: 3, // verkeersstremming
  D60: 10, // verkeersovertreding RVV90
  D72: 9, // overige verkeerszaken
  I301: 6, // algemene verkeerscontrole
  I300: 2, // alcoholcontrole
  I305: 2, // snelheidscontrole
  I37: 5, // controle overige
  I39: 3, // controle identiteit
  E55: 8, // assistenties overig
  E57: 4, // assistentie gezondheidszorg
  E50: 2, // assistentie brandweer
  E53: 3, // assistentie andere eenheid
  H31: 6, // aantreffen goed/overig voertuig
  H40: 11, // vermissing goederen
  H50: 2, // teruggave
  J30: 26, // algemene mutatie
  E40: 16, // afhandeling overige meldingen
  I79: 3, // sociale wijkproblematiek
  I78: 3, // huisbezoek wijkagent
  E31: 2, // brand (geen brandstichting)
  G61: 1, // toezicht hinderlijke jeugd
  G62: 1, // toezicht overlastgevende jeugd
  I62: 3, // afhandeling Wet Mulder-zaak
  E92: 1, // lijkvinding natuurlijke dood
};

/** Assumed split of each crime type over its BVH codes (relative weights). */
export const BVH_WEIGHTS: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  "1.1.1": { A20: 78, A30: 19, B20: 2, B30: 1 },
  "1.1.2": { A21: 72, A34: 27, B21: 1 },
  "1.2.1": { A10: 99, B10: 1 },
  "1.2.2": { A70: 60, A71: 10, A76: 27, B60: 3 },
  "1.2.3": { A72: 82, A73: 17, B62: 0.5, B63: 0.5 },
  "1.2.4": { A40: 1 },
  "1.2.5": { A12: 45, A74: 53, B12: 1, B64: 1 },
  "1.3.1": { D10: 62, D11: 25, D12: 0.5, D13: 12.5 },
  "1.4.1": { F520: 12, F521: 20, F522: 25, F523: 15, F525: 5, F526: 8, F527: 10, F5295: 3, F5296: 2 },
  "1.4.2": { F540: 90, F542: 8, F544: 2 },
  "1.4.3": { F12: 1 },
  "1.4.4": { F530: 80, F531: 5, F532: 1, F533: 14 },
  "1.4.5": { F550: 80, F551: 12, F552: 8 },
  "1.4.6": { B70: 85, B40: 15 },
  "1.4.7": { B72: 35, B73: 63, B74: 2 },
  "1.5.2": { A11: 60, A75: 38, B11: 1, B65: 1 },
  "1.6.1": { F13: 85, F14: 15 },
  "1.6.2": { A27: 12, A36: 6, A60: 2, A80: 12, A81: 4, A82: 4, A90: 50, A95: 7, B27: 0.5, B36: 0.5, B95: 2 },
  "1.6.3": { F561: 50, F562: 30, F563: 15, F565: 5 },
  "2.1.1": { F47: 1 },
  "2.2.1": { C10: 30, C20: 4, C30: 6, C40: 45, C50: 12, F11: 3 },
  "2.4.1": { F95: 1 },
  "2.4.2": { F15: 1 },
  "2.5.1": { A22: 25, A23: 35, A24: 4, A25: 2, A26: 8, A31: 4, A32: 18, A33: 1, A35: 2, B22: 1 },
  "2.5.2": { A50: 99, B50: 1 },
  "2.6.1": { F8171: 3, F8181: 4, M08: 3 },
  "2.6.2": { M011: 1, M0111: 1 },
  "2.6.3": { M141: 1 },
  "2.6.4": { F8104: 3, F8139: 3, M019: 2, M013: 2 },
  "2.6.5": { M018: 1 },
  "2.6.7": { M091: 1 },
  "2.6.8": { F830: 1, M071: 1 },
  "2.6.9": { F8175: 6, F8177: 4 },
  "2.6.10": { M021: 1 },
  "2.6.12": { M11: 1 },
  "2.6.13": { M051: 1 },
  "2.7.2": { F91: 1, F93: 4, F94: 4, F008: 1 },
  "2.7.3": { E84: 6, F16: 4 },
  "3.1.1": { F40: 35, F41: 20, F42: 20, F43: 15, F44: 3, F45: 7 },
  "3.1.2": { F5294: 1 },
  "3.1.3": { F70: 15, F71: 2, F72: 80, F73: 3 },
  "3.2.1": { F5291: 1 },
  "3.3.2": { L91: 1 },
  "3.4.2": { L81: 1 },
  "3.5.2": { D20: 20, D21: 70, D23: 8, D24: 2 },
  "3.5.5": { D40: 10, D42: 10, D43: 35, D52: 25, D70: 20 },
  "3.6.4": { F10: 15, F17: 35, F18: 40, F30: 10 },
  "3.7.1": { F50: 1 },
  "3.7.2": { F0061: 8, F0063: 2 },
  "3.7.3": { F000: 1, F0010: 3, F51: 6 },
  "3.7.4": { F90: 1 },
  "3.9.1": { F614: 20, F617: 15, F620: 10, F622: 5, F636: 50 },
  "3.9.2": { F621: 7, F649: 3 },
  "3.9.3": { F600: 7, F602: 2, F612: 1 },
};

/**
 * Assumed share of the Dutch population per stedelijkheid class (1 = zeer sterk stedelijk … 5 =
 * niet stedelijk), used to keep national totals when rates vary with urbanisation.
 */
export const POPULATION_SHARE_BY_STEDELIJKHEID: readonly number[] = [0.24, 0.27, 0.17, 0.18, 0.14];

export interface BvhCodeRow {
  code: string;
  /** INP2013 level-3 code. */
  inp: string;
  /** "MaatKlasse oms" as in the police table. */
  label: string;
  /** Delict J/N: true for a crime. */
  crime: boolean;
}

const BVH_ROWS: readonly [string, string, string, "J" | "N"][] = [
  ["A20", "1.1.1", "GEKWAL. DIEFSTAL IN/UIT WONING", "J"],
  ["A30", "1.1.1", "DIEFSTAL IN/UIT WONING (NIET GEKWAL.)", "J"],
  ["B20", "1.1.1", "GEKWAL. DIEFSTAL MET GEWELD IN/UIT WONING", "J"],
  ["B30", "1.1.1", "DIEFSTAL MET GEWELD IN/UIT WONING (NIET GEKWAL.)", "J"],
  ["A21", "1.1.2", "GEKWAL. DIEFSTAL IN/UIT BOX/GARAGE/SCHUUR", "J"],
  ["A34", "1.1.2", "DIEFSTAL IN/UIT BOX/GARAGE/SCHUUR/ERF (NIET GEKWAL.)", "J"],
  ["B21", "1.1.2", "GEKWAL. DIEFSTAL MET GEWELD IN/UIT BOX/GARAGE/SCHUUR", "J"],
  ["A10", "1.2.1", "DIEFSTAL UIT/VANAF PERSONENAUTO", "J"],
  ["B10", "1.2.1", "DIEFSTAL MET GEWELD UIT/VANAF PERSONENAUTO", "J"],
  ["A70", "1.2.2", "DIEFSTAL PERSONENAUTO", "J"],
  ["A71", "1.2.2", "DIEFSTAL MOTOR", "J"],
  ["A76", "1.2.2", "DIEFSTAL VRACHTAUTO/BESTELAUTO", "J"],
  ["B60", "1.2.2", "DIEFSTAL MET GEWELD PERSONENAUTO", "J"],
  ["A72", "1.2.3", "DIEFSTAL FIETS", "J"],
  ["A73", "1.2.3", "DIEFSTAL BROMFIETS/SNORFIETS", "J"],
  ["B62", "1.2.3", "DIEFSTAL MET GEWELD FIETS", "J"],
  ["B63", "1.2.3", "DIEFSTAL MET GEWELD BROMFIETS/SNORFIETS", "J"],
  ["A40", "1.2.4", "ZAKKENROLLERIJ/TASSENROLLERIJ", "J"],
  ["A12", "1.2.5", "DIEFSTAL UIT/VANAF ANDERE VERVOERMIDDELEN", "J"],
  ["A74", "1.2.5", "DIEFSTAL ANDER VERVOERMIDDEL", "J"],
  ["B12", "1.2.5", "DIEFSTAL MET GEWELD UIT/VANAF ANDER VERVOERMID", "J"],
  ["B64", "1.2.5", "DIEFSTAL MET GEWELD ANDER VERVOERMIDDEL", "J"],
  ["D10", "1.3.1", "VERKEERSONGEVAL MET UITSLUITEND MATERIELE SCHADE", "J"],
  ["D11", "1.3.1", "VERKEERSONGEVAL MET LETSEL", "J"],
  ["D12", "1.3.1", "VERKEERSONGEVAL MET DODELIJKE AFLOOP", "J"],
  ["D13", "1.3.1", "VERLATEN PLAATS NA VERKEERSONGEVAL", "J"],
  ["F520", "1.4.1", "OPENBARE SCHENNIS DER EERBAARHEID", "J"],
  ["F521", "1.4.1", "VERKRACHTING", "J"],
  ["F522", "1.4.1", "AANRANDING", "J"],
  ["F523", "1.4.1", "OVERIGE ZEDENMISDRIJVEN", "J"],
  ["F525", "1.4.1", "PORNOGRAFIE", "J"],
  ["F526", "1.4.1", "SEKS.MISBRUIK (INCEST) AFH. RELATIE/WILSONBEKWAME", "J"],
  ["F527", "1.4.1", "SEKSUEEL MISBRUIK KINDEREN (GEEN INCEST)", "J"],
  ["F5295", "1.4.1", "SEXTING", "J"],
  ["F5296", "1.4.1", "GROOMING", "J"],
  ["F540", "1.4.2", "DOODSLAG/MOORD", "J"],
  ["F542", "1.4.2", "OVERIGE MISDRIJVEN TEGEN HET LEVEN", "J"],
  ["F544", "1.4.2", "BEHULPZAAM BIJ ZELFDODING", "J"],
  ["F12", "1.4.3", "OPENLIJKE GEWELDPLEGING TEGEN PERSONEN", "J"],
  ["F530", "1.4.4", "BEDREIGING", "J"],
  ["F531", "1.4.4", "OVERIGE MISDRIJVEN TEGEN DE PERSOONLIJKE VRIJHEID", "J"],
  ["F532", "1.4.4", "GIJZELING/ONTVOERING", "J"],
  ["F533", "1.4.4", "STALKING", "J"],
  ["E11", "1.4.5", "VECHTPARTIJ (ZONDER VERVOLG)", "N"],
  ["E16", "1.4.5", "RUZIE/TWIST (ZONDER VERVOLG)", "N"],
  ["F550", "1.4.5", "EENVOUDIGE MISHANDELING", "J"],
  ["F551", "1.4.5", "ZWARE MISHANDELING", "J"],
  ["F552", "1.4.5", "OVERIGE MISHANDELING", "J"],
  ["B40", "1.4.6", "ZAKKENROLLERIJ/TASSENROLLERIJ MET GEWELD", "J"],
  ["B70", "1.4.6", "STRAATROOF", "J"],
  ["B72", "1.4.7", "OVERVAL IN WONING", "J"],
  ["B73", "1.4.7", "OVERVAL OP OVERIGE OBJECTEN", "J"],
  ["B74", "1.4.7", "OVERVAL OP GELD- EN WAARDETRANSPORT", "J"],
  ["A11", "1.5.2", "DIEFSTAL UIT/VANAF VAARTUIG", "J"],
  ["A75", "1.5.2", "DIEFSTAL VAARTUIG", "J"],
  ["B11", "1.5.2", "DIEFSTAL MET GEWELD UIT/VANAF VAARTUIG", "J"],
  ["B65", "1.5.2", "DIEFSTAL MET GEWELD VAARTUIG", "J"],
  ["E31", "1.6.1", "BRAND (GEEN BRANDSTICHTING)", "N"],
  ["F13", "1.6.1", "BRANDSTICHTING", "J"],
  ["F14", "1.6.1", "BOMAANSLAG", "J"],
  ["A27", "1.6.2", "GEKWAL. DIEFSTAL IN/UIT ANDERE GEBOUWEN", "J"],
  ["A36", "1.6.2", "DIEFSTAL IN/UIT ANDERE GEBOUWEN (NIET GEKWAL.)", "J"],
  ["A60", "1.6.2", "DIEFSTAL DIER", "J"],
  ["A80", "1.6.2", "VERDUISTERING (EVT. IN DIENSTBETREKKING)", "J"],
  ["A81", "1.6.2", "HELING", "J"],
  ["A82", "1.6.2", "CHANTAGE / AFPERSING", "J"],
  ["A90", "1.6.2", "OVERIGE (EENVOUDIGE) DIEFSTAL", "J"],
  ["A95", "1.6.2", "OVERIGE GEKWAL. DIEFSTAL", "J"],
  ["B27", "1.6.2", "GEKWAL. DIEFSTAL MET GEWELD IN/UIT ANDERE GEBOUWEN", "J"],
  ["B36", "1.6.2", "DIEFSTAL MET GEWELD IN/UIT ANDERE GEBOUWEN (NIET GEKWAL.)", "J"],
  ["B95", "1.6.2", "OVERIGE DIEFSTALLEN MET GEWELD", "J"],
  ["F561", "1.6.3", "MENSENHANDEL SEKSUELE UITBUITING", "J"],
  ["F562", "1.6.3", "MENSENHANDEL ARBEIDSUITBUITING", "J"],
  ["F563", "1.6.3", "MENSENHANDEL UITBUITING IN STRAFBARE ACTIVITEITEN", "J"],
  ["F565", "1.6.3", "MENSENHANDEL OVERIGE VORMEN VAN UITBUITING", "J"],
  ["E38", "2.1.1", "OVERLAST IVM ALCOHOL/ DRUGS", "N"],
  ["F47", "2.1.1", "OVERIGE DRUGSDELICTEN", "J"],
  ["C10", "2.2.1", "VERNIELING VAN/AAN AUTO", "J"],
  ["C20", "2.2.1", "VERNIELING VAN/AAN OPENBAAR VERVOER/ABRI", "J"],
  ["C30", "2.2.1", "VERNIELING VAN/AAN OPENBAAR GEBOUW", "J"],
  ["C40", "2.2.1", "VERNIELING OVERIGE OBJECTEN", "J"],
  ["C50", "2.2.1", "VANDALISME/BALDADIGHEID", "J"],
  ["F11", "2.2.1", "OPENLIJKE GEWELDPLEGING TEGEN GOEDEREN", "J"],
  ["E322", "2.2.2", "GELUIDSOVERLAST HORECA(BEZOEKERS)", "N"],
  ["D73", "2.3.1", "PARKEERPROBLEMEN", "N"],
  ["D74", "2.3.1", "VERKEERSSTREMMING", "N"],
  ["E12", "2.4.1", "BURENRUZIE (ZONDER VERVOLG)", "N"],
  ["E13", "2.4.1", "HUISELIJKE TWIST (ZONDER VERVOLG)", "N"],
  ["E321", "2.4.1", "GELUIDSOVERLAST PARTICULIEREN", "N"],
  ["F95", "2.4.1", "OVERTREDING HUISVERBOD", "J"],
  ["F15", "2.4.2", "HUISVREDEBREUK", "J"],
  ["A22", "2.5.1", "GEKWAL. DIEFSTAL IN/UIT WINKEL", "J"],
  ["A23", "2.5.1", "GEKWAL. DIEFSTAL IN/UIT BEDRIJF/KANTOOR", "J"],
  ["A24", "2.5.1", "GEKWAL. DIEFSTAL IN/UIT SPORTCOMPLEX", "J"],
  ["A25", "2.5.1", "GEKWAL. DIEFSTAL IN/UIT HOTEL/PENSION", "J"],
  ["A26", "2.5.1", "GEKWAL. DIEFSTAL IN/UIT SCHOOL", "J"],
  ["A31", "2.5.1", "DIEFSTAL IN/UIT SCHOOL (NIET GEKWAL.)", "J"],
  ["A32", "2.5.1", "DIEFSTAL IN/UIT BEDRIJF/KANTOOR (NIET GEKWAL.)", "J"],
  ["A33", "2.5.1", "DIEFSTAL IN/UIT HOTEL/PENSION (NIET GEKWAL.)", "J"],
  ["A35", "2.5.1", "DIEFSTAL IN/UIT SPORTCOMPLEX (NIET GEKWAL.)", "J"],
  ["B22", "2.5.1", "GEKWAL. DIEFSTAL MET GEWELD IN/UIT WINKEL", "J"],
  ["A50", "2.5.2", "WINKELDIEFSTAL", "J"],
  ["B50", "2.5.2", "WINKELDIEFSTAL MET GEWELD", "J"],
  ["F8171", "2.6.1", "INRICHTING ZONDER MILIEUVERGUNNING", "J"],
  ["F8181", "2.6.1", "INRICHTING IN STRIJD MET MILIEUVERGUNNING", "J"],
  ["M08", "2.6.1", "INRICHTINGEN WET MILIEUBEHEER", "J"],
  ["M021", "2.6.10", "GEBRUIK BESTRIJDINGSMIDDELEN", "J"],
  ["M11", "2.6.12", "RUIMTELIJKE ORDENING", "J"],
  ["M051", "2.6.13", "GEZONDHEID EN WELZIJN DIEREN EN DIERENVERVOER / WET DIEREN", "J"],
  ["M011", "2.6.2", "OP/IN BODEM BRENGEN AFVALSTOFFEN", "J"],
  ["M0111", "2.6.2", "AFVAL DRUGSLAB", "J"],
  ["M141", "2.6.3", "VERONTREINIGINGEN OPPERVLAKTEWATER", "J"],
  ["F8104", "2.6.4", "ONTDOEN VAN HUISHOUDELIJK AFVAL", "J"],
  ["F8139", "2.6.4", "VERBRANDEN AFVAL ALGEMEEN", "J"],
  ["M013", "2.6.4", "HUISHOUDELIJK AFVAL AANBIEDEN/DOORZOEKE/INZAMELEN", "J"],
  ["M019", "2.6.4", "ASBEST", "J"],
  ["M018", "2.6.5", "BOUW- EN SLOOPAFVAL", "J"],
  ["E324", "2.6.6", "GELUIDSOVERLAST EVENEMENTEN", "N"],
  ["E327", "2.6.6", "GELUIDSOVERLAST OVERIGEN", "N"],
  ["M091", "2.6.7", "UITRIJDEN MEST", "J"],
  ["F830", "2.6.8", "WET VERVOER GEVAARLIJKE STOFFEN (OVER DE WEG)", "J"],
  ["M071", "2.6.8", "TRANSPORT GEVAARLIJKE STOFFEN OVER DE WEG", "J"],
  ["F8175", "2.6.9", "ONGEOORLOOFD VOORHANDEN HEBBEN VAN VUURWERK", "J"],
  ["F8177", "2.6.9", "ONGEOORLOOFD AFSTEKEN VUURWERK", "J"],
  ["E33", "2.7.1", "OVERLAST DOOR VERWARD/OVERSPANNEN PERSOON", "N"],
  ["E35", "2.7.1", "MELDING OVERLAST JEUGD", "N"],
  ["E36", "2.7.1", "OVERLAST VUURWERK (ZONDER GEVOLGEN)", "N"],
  ["E41", "2.7.1", "OVERLAST ZWERVERS", "N"],
  ["F008", "2.7.2", "OVERTREDING LEERPLICHTWET", "J"],
  ["F91", "2.7.2", "MISDRIJVEN WET OP DE KANSSPELEN", "J"],
  ["F93", "2.7.2", "MISDRIJVEN ANDERS", "J"],
  ["F94", "2.7.2", "WITWASSEN", "J"],
  ["E40", "2.7.3", "AFHANDELING OVERIGE MELDINGEN", "N"],
  ["E84", "2.7.3", "BIJTINCIDENT", "J"],
  ["F16", "2.7.3", "LOKAALVREDEBREUK", "J"],
  ["F40", "3.1.1", "BEZIT HARDDRUGS (LIJST I)", "J"],
  ["F41", "3.1.1", "BEZIT SOFTDRUGS (LIJST II)", "J"],
  ["F42", "3.1.1", "HANDEL E.D. HARDDRUGS (LIJST I)", "J"],
  ["F43", "3.1.1", "HANDEL E.D. SOFTDRUGS (LIJST II)", "J"],
  ["F44", "3.1.1", "VERVAARDIGEN HARDDRUGS (LIJST I)", "J"],
  ["F45", "3.1.1", "VERVAARDIGEN SOFTDRUGS (LIJST II)", "J"],
  ["F5294", "3.1.2", "MENSENSMOKKEL", "J"],
  ["F70", "3.1.3", "BEZIT VUURWAPENS", "J"],
  ["F71", "3.1.3", "HANDEL VUURWAPENS", "J"],
  ["F72", "3.1.3", "BEZIT OVERIGE WAPENS", "J"],
  ["F73", "3.1.3", "HANDEL OVERIGE WAPENS", "J"],
  ["F5291", "3.2.1", "KINDERPORNOGRAFIE", "J"],
  ["L91", "3.3.2", "VLIEGEN ONDER INVLOED ALCOHOL", "J"],
  ["L81", "3.4.2", "VAREN ONDER INVLOED ALCOHOL", "J"],
  ["D60", "3.5.1", "VERKEERSOVERTREDING RVV90", "N"],
  ["D20", "3.5.2", "RIJDEN ONDER INVLOED DRUGS/GENEESMID AL DAN NIET ICM ALCOHOL", "J"],
  ["D21", "3.5.2", "RIJDEN ONDER INVLOED (UITSLUITEND ALCOHOL)", "J"],
  ["D23", "3.5.2", "WEIGEREN ADEMANALYSE", "J"],
  ["D24", "3.5.2", "WEIGEREN BLOEDPROEF", "J"],
  ["D40", "3.5.5", "RIJDEN TIJDENS RIJVERBOD", "J"],
  ["D42", "3.5.5", "RIJDEN TIJDENS ONTZEGGING RIJBEVOEGDHEID", "J"],
  ["D43", "3.5.5", "RIJDEN ZONDER RIJBEWIJS", "J"],
  ["D52", "3.5.5", "OVERIG VERKEERSMISDRIJF", "J"],
  ["D70", "3.5.5", "AGRESSIEF/ONVEILIG RIJGEDRAG", "J"],
  ["D72", "3.5.5", "OVERIGE VERKEERSZAKEN", "N"],
  ["F10", "3.6.4", "OVERIGE DELICTEN OPENBARE ORDE", "J"],
  ["F17", "3.6.4", "WEDERSPANNIGHEID (VERZET)", "J"],
  ["F18", "3.6.4", "NIET VOLDOEN AAN BEVEL/VORDERING", "J"],
  ["F30", "3.6.4", "VALSE IDENTITEIT OPGEVEN", "J"],
  ["F50", "3.7.1", "DISCRIMINATIE", "J"],
  ["F0061", "3.7.2", "OVERTREDING VREEMDELINGENWET/-BESLUIT", "J"],
  ["F0063", "3.7.2", "OVERTREDING WET ARBEID VREEMDELINGEN", "J"],
  ["E20", "3.7.3", "LOOS INBRAAK- /OVERVALALARM", "N"],
  ["E22", "3.7.3", "OVERIGE LOOS ALARM", "N"],
  ["F000", "3.7.3", "OVERTREDING OVERIG (WETBOEK VAN STRAFRECHT)", "J"],
  ["F0010", "3.7.3", "OVERTREDING APV", "J"],
  ["F51", "3.7.3", "BELEDIGING", "J"],
  ["I78", "3.7.3", "HUISBEZOEK WIJKAGENT", "N"],
  ["I79", "3.7.3", "SOCIALE WIJKPROBLEMATIEK", "N"],
  ["J12", "3.7.3", "VERDACHTE SITUATIE", "N"],
  ["J13", "3.7.3", "ONBEHEERDE BAGAGE", "N"],
  ["J30", "3.7.3", "ALGEMENE MUTATIE", "N"],
  ["F90", "3.7.4", "CYBERCRIME", "J"],
  ["F614", "3.9.1", "FRAUDE MET BETAALPRODUCTEN", "J"],
  ["F617", "3.9.1", "IDENTITEITSFRAUDE", "J"],
  ["F620", "3.9.1", "OVERIGE HORIZONTALE FRAUDE", "J"],
  ["F622", "3.9.1", "VERZEKERINGSFRAUDE OF ASSURANTIEFRAUDE", "J"],
  ["F636", "3.9.1", "FRAUDE MET ONLINE HANDEL", "J"],
  ["F621", "3.9.2", "UITKERINGSFRAUDE", "J"],
  ["F649", "3.9.2", "OVERIGE VERTICALE FRAUDE", "J"],
  ["F600", "3.9.3", "OPLICHTING", "J"],
  ["F602", "3.9.3", "OVERIG BEDROG", "J"],
  ["F612", "3.9.3", "VERVALSINGEN OVERIG", "J"],
  ["G61", "4.2.2", "TOEZICHT HINDERLIJKE JEUGD", "N"],
  ["G62", "4.2.2", "TOEZICHT OVERLASTGEVENDE JEUGD", "N"],
  ["I300", "4.2.2", "ALCOHOLCONTROLE", "N"],
  ["I301", "4.2.2", "ALGEMENE VERKEERSCONTROLE", "N"],
  ["I305", "4.2.2", "SNELHEIDSCONTROLE", "N"],
  ["I37", "4.2.2", "CONTROLE OVERIGE (GEEN VERKEER OF BIJZONDERE WETTEN)", "N"],
  ["I39", "4.2.2", "CONTROLE IDENTITEIT (WETBOEK VAN STRAFRECHT)", "N"],
  ["E14", "4.5.1", "POGING TOT ZELFDODING", "N"],
  ["E30", "4.5.1", "ONGEVAL/ONWEL PERSOON", "N"],
  ["E80", "4.5.1", "AANTREFFEN DOOD/GEWOND DIER", "N"],
  ["E81", "4.5.1", "LOSLOPEND DIER", "N"],
  ["E83", "4.5.1", "OVERIGE MELDINGEN BETREFFENDE DIEREN", "N"],
  ["E92", "4.5.1", "LIJK(VINDING) NATUURLIJKE DOOD", "N"],
  ["H44", "4.5.1", "VERMISSING PERSOON", "N"],
  ["E50", "4.5.2", "ASSISTENTIE BRANDWEER (GEEN BRAND)", "N"],
  ["E53", "4.5.2", "ASSISTENTIE ANDERE EENHEID", "N"],
  ["E55", "4.5.2", "ASSISTENTIES OVERIG", "N"],
  ["E57", "4.5.2", "ASSISTENTIE GEZONDHEIDSZORG", "N"],
  ["H31", "4.6.1", "AANTREFFEN GOED/OVERIG VOERTUIG", "N"],
  ["H40", "4.6.1", "VERMISSING GOEDEREN ALGEMEEN", "N"],
  ["H50", "4.6.1", "TERUGGAVE", "N"],
  ["I62", "4.6.3", "AFHANDELING WET MULDER ZAAK", "N"],
];

/** Every BVH code the demo uses, in the order of the police table. */
export const BVH_CODES: readonly BvhCodeRow[] = BVH_ROWS.map(([code, inp, label, dj]) => ({
  code,
  inp,
  label,
  crime: dj === "J",
}));

const byCode = new Map(BVH_CODES.map((r) => [r.code, r]));

export function bvhCode(code: string): BvhCodeRow | undefined {
  return byCode.get(code);
}
