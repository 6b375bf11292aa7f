// Dutch formatting for command output.

const nf = new Intl.NumberFormat("nl-NL");
export const n = (v: number) => nf.format(v);

/** A plain text table with aligned columns. */
export function textTable(header: string[], rows: (string | number | null)[][]): string {
  const cells = [
    header,
    ...rows.map((r) => r.map((c) => (c === null ? "" : typeof c === "number" ? n(c) : c))),
  ];
  const widths = header.map((_, i) => Math.max(...cells.map((r) => String(r[i] ?? "").length)));
  return `${cells
    .map((r) =>
      r
        .map((c, i) => {
          const s = String(c ?? "");
          return typeof rows[0]?.[i] === "number" ? s.padStart(widths[i] ?? 0) : s.padEnd(widths[i] ?? 0);
        })
        .join("  ")
        .trimEnd(),
    )
    .join("\n")}\n`;
}
