// Where registrations are, as the map's density and the gebiedsscan's grid use them: a point (RD)
// with its type, nothing else. Kept per registrations read (the store's reads are frozen and
// shared), so a page or product asked again makes no new points, and what is computed from them
// (a kernel density, a kept document) can be kept by the points' identity.

import { frozenMemo } from "../../disclosure/table-protection/frozen-memo.ts";
import type { Registration } from "../../domain/registration.ts";

/** A registration as a point: its place (RD) and INP type; "" when the type is not to be known. */
export interface RegistrationPoint {
  x: number;
  y: number;
  inpCode: string;
}

/** The registrations with a place, as points. */
export const pointsOf = frozenMemo((regs: readonly Registration[]): readonly RegistrationPoint[] =>
  Object.freeze(
    regs.flatMap((r) =>
      r.x !== null && r.y !== null
        ? [Object.freeze({ x: r.x, y: r.y, inpCode: r.inpCode?.trim() ?? "" })]
        : [],
    ),
  ),
);

/** Points without the withheld types (`below`: their codes joined by commas; "": all points). */
export const pointsWithout = frozenMemo(
  (points: readonly RegistrationPoint[], below: string): readonly RegistrationPoint[] => {
    if (below === "") return points;
    const left = new Set(below.split(","));
    return Object.freeze(points.filter((p) => !left.has(p.inpCode)));
  },
);

/** Where registrations are, not their types. */
export const pointsOnly = frozenMemo((points: readonly RegistrationPoint[]): readonly RegistrationPoint[] =>
  Object.freeze(points.map(({ x, y }) => Object.freeze({ x, y, inpCode: "" }))),
);
