// A count in a table cell, or a dash where table protection withholds it (with a text for screen
// readers), so every table shows withheld counts the same way.

import { formatCount, formatDifference } from "./format-nl.ts";
import type { Count } from "./monthly-figures-model.ts";
import { numClass } from "./table-classes.ts";
import { Hidden } from "./visually-hidden.tsx";

export const WITHHELD_TEXT = "afgeschermd";

/** The count, or "–" with "afgeschermd" for screen readers. */
export function CountText({ value, difference = false }: { value: Count; difference?: boolean }) {
  if (value === null) {
    return (
      <>
        <span aria-hidden="true">–</span>
        <Hidden>{WITHHELD_TEXT}</Hidden>
      </>
    );
  }
  return <>{difference ? formatDifference(value) : formatCount(value)}</>;
}

export function CountCell({ value, difference = false }: { value: Count; difference?: boolean }) {
  return (
    <td class={value === null ? `${numClass} dh-muted` : numClass}>
      <CountText value={value} difference={difference} />
    </td>
  );
}
