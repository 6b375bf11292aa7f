// Fictional Dutch-sounding names for the demo region. Gemeente names combine a bird, plant or
// weather word with a place-name ending; the combinations were checked against the real CBS
// gemeente and buurt names of 2024/2025 so that no demo figure can be mistaken for a real place.

import type { Rng } from "./prng.ts";

const STEMS = [
  "Kievits",
  "Reiger",
  "Lijster",
  "Fazant",
  "Sperwer",
  "Merel",
  "Zwaluw",
  "Spreeuw",
  "Wulpen",
  "Grutto",
  "Tureluur",
  "Roerdomp",
  "Koekoeks",
  "Havik",
  "Wezel",
  "Egel",
  "Lavendel",
  "Korenbloem",
  "Lupine",
  "Salie",
  "Tijm",
  "Dotter",
  "Meidoorn",
  "Klaver",
  "Boekweit",
  "Rogge",
  "Parel",
  "Amber",
  "Kristal",
  "Nevel",
  "Dauw",
  "Hagel",
  "Regen",
  "Wolken",
  "Lente",
  "Herfst",
  "Winter",
  "Lepelaar",
  "Kwartel",
  "Patrijs",
  "Zwam",
  "Mos",
  "Varen",
  "Braam",
  "Hulst",
  "Vlier",
  "Hysop",
];

const ENDINGS = [
  "monde",
  "zijl",
  "wolde",
  "waard",
  "mere",
  "donk",
  "rade",
  "hoef",
  "kerk",
  "loo",
  "zande",
  "haven",
  "dam",
  "veen",
  "broek",
  "stede",
  "hem",
  "oord",
  "hout",
  "beek",
  "gouw",
  "drecht",
  "warden",
  "vliet",
  "geest",
  "ven",
  "zate",
  "recht",
  "dorp",
  "rode",
];

/** Names of the fictional police units RE90-RE99. */
export const UNIT_NAMES: readonly string[] = [
  "Nevelland",
  "Dauwmark",
  "Kievitsland",
  "Reigerland",
  "Amberkust",
  "Parelmark",
  "Herfstveld",
  "Lupinegouw",
  "Wulpenwaard",
  "Grutterland",
];

/** Hands out unique place names (for gemeenten and villages) from one pool. */
export class PlaceNamer {
  private readonly used: Set<string>;
  constructor(
    private readonly rng: Rng,
    taken: Iterable<string> = [],
  ) {
    this.used = new Set(taken);
  }

  next(): string {
    for (let i = 0; i < 10_000; i++) {
      const name = this.rng.pick(STEMS) + this.rng.pick(ENDINGS);
      if (!this.used.has(name)) {
        this.used.add(name);
        return name;
      }
    }
    throw new Error("no fictional place names left");
  }
}

const WIJK_STEMS = [
  "Reiger",
  "Kievit",
  "Merel",
  "Lijster",
  "Vinken",
  "Zwaluw",
  "Specht",
  "Eiken",
  "Beuken",
  "Linden",
  "Essen",
  "Wilgen",
  "Populieren",
  "Iepen",
  "Berken",
  "Klaver",
  "Boter",
  "Zonne",
  "Molen",
  "Kerk",
  "Dijk",
  "Haven",
  "Spoor",
  "Markt",
  "Kanaal",
  "Bloemen",
  "Rozen",
  "Tulpen",
  "Heide",
  "Vennen",
  "Akker",
  "Weide",
  "Hoge",
  "Lage",
  "Oude",
  "Nieuwe",
  "Brink",
  "Sluis",
  "Schans",
  "Gracht",
];
const WIJK_ENDINGS = [
  "hof",
  "park",
  "wijk",
  "kwartier",
  "buurt",
  "veld",
  "laan",
  "polder",
  "weide",
  "rijk",
  "dreef",
  "kamp",
  "oord",
  "zoom",
  "akker",
  "es",
];
const COMPASS = ["Noord", "Oost", "Zuid", "West", "Noordoost", "Zuidoost", "Zuidwest", "Noordwest"];

/** Compass word for a direction from a centre (dx, dy in metres). */
export function compassWord(dx: number, dy: number): string {
  const angle = Math.atan2(dy, dx); // 0 = east, counter-clockwise
  const octant = Math.round(angle / (Math.PI / 4));
  const words: Record<string, string> = {
    "0": "Oost",
    "1": "Noordoost",
    "2": "Noord",
    "3": "Noordwest",
    "4": "West",
    "-4": "West",
    "-3": "Zuidwest",
    "-2": "Zuid",
    "-1": "Zuidoost",
  };
  return words[String(octant)] ?? "Oost";
}

/** Unique neighbourhood names within one gemeente. */
export class LocalNamer {
  private readonly used = new Set<string>();
  constructor(private readonly rng: Rng) {}

  /** Marks a name as taken, or returns false if it already was. */
  claim(name: string): boolean {
    if (this.used.has(name)) return false;
    this.used.add(name);
    return true;
  }

  /** A fresh neighbourhood name such as "Reigerhof" or "Lindenkwartier". */
  neighbourhood(): string {
    for (let i = 0; i < 1000; i++) {
      const name = this.rng.pick(WIJK_STEMS) + this.rng.pick(WIJK_ENDINGS);
      if (this.claim(name)) return name;
    }
    for (let i = 2; ; i++) {
      const name = `${this.rng.pick(WIJK_STEMS)}${this.rng.pick(WIJK_ENDINGS)} ${i}`;
      if (this.claim(name)) return name;
    }
  }

  /** `base`, or `base` with a compass word or number when taken. */
  unique(base: string): string {
    if (this.claim(base)) return base;
    for (const c of COMPASS) if (this.claim(`${base}-${c}`)) return `${base}-${c}`;
    for (let i = 2; ; i++) if (this.claim(`${base} ${i}`)) return `${base} ${i}`;
  }
}
