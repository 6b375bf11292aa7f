// The BVH -> INP2013 mapping ("maatschappelijke klassen"), imported from the police table.

export interface ClassificationRow {
  /** BVH maatschappelijke klasse, e.g. "A20". */
  bvhCode: string;
  /** Dutch description as in the police table, e.g. "GEKWAL. DIEFSTAL IN/UIT WONING". */
  bvhLabel: string;
  /** INP2013 level-3 code, e.g. "1.1.1". */
  inpCode: string;
  /** True where the code counts as a crime (Delict J), false for incidents (N), null if unknown. */
  isCrime: boolean | null;
}
