// The INP2013 classification tree (levels 1-3) used by the police and CBS open data.
// Codes and Dutch labels as in the police table "INP2013 BVH" (via bernasco/staat_van_de_misdaad).
// The BVH -> INP mapping itself is imported with `driehoek import classificatie`.

export interface InpNode {
  code: string;
  label: string;
  level: 1 | 2 | 3;
  parent: string | null;
}

const L1: [string, string][] = [
  ["1", "Veiligheid"],
  ["2", "Leefbaarheid"],
  ["3", "Maatschappelijke integriteit"],
  ["4", "Dienstverlening"],
];
const L2: [string, string, string][] = [
  ["1.1", "Huis", "1"],
  ["1.2", "Straat", "1"],
  ["1.3", "Weg", "1"],
  ["1.4", "Lichamelijke integriteit", "1"],
  ["1.5", "Water", "1"],
  ["1.6", "Overige veiligheid", "1"],
  ["1.7", "Lucht", "1"],
  ["1.8", "Rail", "1"],
  ["2.1", "Drugs/drank", "2"],
  ["2.2", "Openbare ruimte", "2"],
  ["2.3", "Verkeer", "2"],
  ["2.4", "Wonen", "2"],
  ["2.5", "Bedrijven en instellingen", "2"],
  ["2.6", "Milieu", "2"],
  ["2.7", "Overige leefbaarheid", "2"],
  ["3.1", "Illegale handel", "3"],
  ["3.2", "Zeden", "3"],
  ["3.3", "Lucht", "3"],
  ["3.4", "Water", "3"],
  ["3.5", "Weg", "3"],
  ["3.6", "Openbare orde", "3"],
  ["3.7", "Overige maatschappelijke integriteit", "3"],
  ["3.8", "Spoor", "3"],
  ["3.9", "Fraude", "3"],
  ["4.2", "Preventie", "4"],
  ["4.4", "Klachten", "4"],
  ["4.5", "Hulpverlening", "4"],
  ["4.6", "Overige dienstverlening", "4"],
];
const L3: [string, string, string][] = [
  ["1.1.1", "Diefstal/inbraak woning", "1.1"],
  ["1.1.2", "Diefstal/inbraak box/garage/schuur/tuinhuis", "1.1"],
  ["1.2.1", "Diefstal uit/vanaf motorvoertuigen", "1.2"],
  ["1.2.2", "Diefstal van motorvoertuigen", "1.2"],
  ["1.2.3", "Diefstal van brom-, snor-, fietsen", "1.2"],
  ["1.2.4", "Zakkenrollerij", "1.2"],
  ["1.2.5", "Diefstal af/uit/van overige voertuigen", "1.2"],
  ["1.3.1", "Ongevallen (weg)", "1.3"],
  ["1.4.1", "Zedenmisdrijf", "1.4"],
  ["1.4.2", "Moord, doodslag", "1.4"],
  ["1.4.3", "Openlijk geweld (persoon)", "1.4"],
  ["1.4.4", "Bedreiging", "1.4"],
  ["1.4.5", "Mishandeling", "1.4"],
  ["1.4.6", "Straatroof", "1.4"],
  ["1.4.7", "Overval", "1.4"],
  ["1.5.1", "Ongevallen (water)", "1.5"],
  ["1.5.2", "Diefstallen (water)", "1.5"],
  ["1.6.1", "Brand/ontploffing", "1.6"],
  ["1.6.2", "Overige vermogensdelicten", "1.6"],
  ["1.6.3", "Mensenhandel", "1.6"],
  ["1.7.1", "Ongevallen (lucht)", "1.7"],
  ["1.8.1", "Ongevallen (spoor)", "1.8"],
  ["2.1.1", "Drugs/drankoverlast", "2.1"],
  ["2.2.1", "Vernieling cq. zaakbeschadiging", "2.2"],
  ["2.2.2", "Overlast uitgaansgelegenheid/horeca", "2.2"],
  ["2.3.1", "Verkeersoverlast", "2.3"],
  ["2.4.1", "Burengerucht (relatieproblemen)", "2.4"],
  ["2.4.2", "Huisvredebreuk", "2.4"],
  ["2.5.1", "Diefstal/inbraak bedrijven en instellingen", "2.5"],
  ["2.5.2", "Winkeldiefstal", "2.5"],
  ["2.6.1", "Inrichting Wet Milieubeheer", "2.6"],
  ["2.6.2", "Bodem", "2.6"],
  ["2.6.3", "Water", "2.6"],
  ["2.6.4", "Afval", "2.6"],
  ["2.6.5", "Bouwstoffen", "2.6"],
  ["2.6.6", "Geluid", "2.6"],
  ["2.6.7", "Mest", "2.6"],
  ["2.6.8", "Transport gevaarlijke stoffen", "2.6"],
  ["2.6.9", "Vuurwerk", "2.6"],
  ["2.6.10", "Bestrijdingsmiddelen", "2.6"],
  ["2.6.11", "Natuur en Landschap", "2.6"],
  ["2.6.12", "Ruimtelijke ordening", "2.6"],
  ["2.6.13", "Dieren", "2.6"],
  ["2.6.14", "Voedselveiligheid", "2.6"],
  ["2.7.1", "Overlast", "2.7"],
  ["2.7.2", "Bijzondere wetten", "2.7"],
  ["2.7.3", "Leefbaarheid overig", "2.7"],
  ["3.1.1", "Drugshandel", "3.1"],
  ["3.1.2", "Mensensmokkel", "3.1"],
  ["3.1.3", "Wapenhandel", "3.1"],
  ["3.2.1", "Kinderporno", "3.2"],
  ["3.2.2", "Kinderprostitutie", "3.2"],
  ["3.2.3", "Mensenhandel", "3.2"],
  ["3.3.2", "Onder invloed (lucht)", "3.3"],
  ["3.3.5", "Lucht overig", "3.3"],
  ["3.4.2", "Onder invloed (water)", "3.4"],
  ["3.4.5", "Water overig", "3.4"],
  ["3.5.1", "Snelheid (weg)", "3.5"],
  ["3.5.2", "Onder invloed (weg)", "3.5"],
  ["3.5.5", "Weg overig", "3.5"],
  ["3.6.1", "Evenementen sport", "3.6"],
  ["3.6.2", "Evenementen demonstraties", "3.6"],
  ["3.6.3", "Evenementen overig", "3.6"],
  ["3.6.4", "Aantasting openbare orde", "3.6"],
  ["3.7.1", "Discriminatie", "3.7"],
  ["3.7.2", "Vreemdelingenzorg", "3.7"],
  ["3.7.3", "Maatschappelijke integriteit overig", "3.7"],
  ["3.7.4", "Cybercrime", "3.7"],
  ["3.8.5", "Spoor overig", "3.8"],
  ["3.9.1", "Horizontale fraude", "3.9"],
  ["3.9.2", "Verticale fraude", "3.9"],
  ["3.9.3", "Overige fraude", "3.9"],
  ["4.2.1", "Preventiemaatregelen", "4.2"],
  ["4.2.2", "Preventiecontrole", "4.2"],
  ["4.4", "Klachten algemeen", "4.4"],
  ["4.5.1", "Hulpverlening aan personen", "4.5"],
  ["4.5.2", "Hulpverlening aan instanties", "4.5"],
  ["4.6.1", "Dienstverlening goederen", "4.6"],
  ["4.6.2", "Dienstverlening vergunningen", "4.6"],
  ["4.6.3", "Maatregelen", "4.6"],
];

/** Every node of the tree, level 1 first, in code order within a level. */
export const INP_TREE: readonly InpNode[] = [
  ...L1.map(([code, label]): InpNode => ({ code, label, level: 1, parent: null })),
  ...L2.map(([code, label, parent]): InpNode => ({ code, label, level: 2, parent })),
  ...L3.map(([code, label, parent]): InpNode => ({ code, label, level: 3, parent })),
];

const byLevel = new Map<number, Map<string, InpNode>>([1, 2, 3].map((l) => [l, new Map()]));
for (const node of INP_TREE) byLevel.get(node.level)?.set(node.code, node);

/** The level-3 types ("soort misdrijf"), the unit all counts are kept in. */
export const INP_TYPES: readonly InpNode[] = INP_TREE.filter((n) => n.level === 3);

/**
 * Looks a node up by code. Level-3 code "4.4" (Klachten algemeen) shares its code with its
 * level-2 parent, so a level can be given; without one the most detailed level wins.
 */
export function inpNode(code: string, level?: 1 | 2 | 3): InpNode | undefined {
  const c = code.trim();
  if (level) return byLevel.get(level)?.get(c);
  return byLevel.get(3)?.get(c) ?? byLevel.get(2)?.get(c) ?? byLevel.get(1)?.get(c);
}

/** The level-1, level-2 and level-3 ancestors of a level-3 code (itself included). */
export function inpPath(code3: string): { l1: InpNode; l2: InpNode; l3: InpNode } | undefined {
  const l3 = inpNode(code3, 3);
  const l2 = l3?.parent ? inpNode(l3.parent, 2) : undefined;
  const l1 = l2?.parent ? inpNode(l2.parent, 1) : undefined;
  return l1 && l2 && l3 ? { l1, l2, l3 } : undefined;
}

/** Numeric sort key so that 2.6.10 follows 2.6.9. */
export function compareInpCodes(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? -1) - (pb[i] ?? -1);
    if (d !== 0) return d;
  }
  return 0;
}
