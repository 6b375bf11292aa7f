// One cell of a product table as text for people (Dutch notation), by column type.

import { type Cell, type Column, isWithheld, WITHHELD_LABEL } from "../../products/product-document.ts";
import { formatCount, formatPercentChange, formatRate } from "../format-nl.ts";

const fixed = (decimals: number) =>
  new Intl.NumberFormat("nl-NL", { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
const pFormat = fixed(3);

/** The cell as text; "" for no value, "afgeschermd" for a withheld count. */
export function formatCell(cell: Cell | undefined, column: Pick<Column, "type" | "decimals">): string {
  if (cell === null || cell === undefined) return "";
  if (isWithheld(cell)) return WITHHELD_LABEL;
  if (typeof cell === "string") return cell;
  switch (column.type) {
    case "count":
      return formatCount(cell);
    case "percent":
      return column.decimals ? `${fixed(column.decimals).format(cell)}%` : formatPercentChange(cell);
    case "rate":
      return column.decimals !== undefined ? fixed(column.decimals).format(cell) : formatRate(cell);
    case "p-value":
      return cell < 0.001 ? "< 0,001" : pFormat.format(cell);
    case "number":
      return fixed(column.decimals ?? 2).format(cell);
    default:
      return String(cell);
  }
}
