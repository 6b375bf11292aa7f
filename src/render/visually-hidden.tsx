// Text for screen readers only (hidden visually by the class in driehoek.css).

import type { Child } from "hono/jsx";

export function Hidden({ children }: { children: Child }) {
  return <span class="dh-visually-hidden">{children}</span>;
}
