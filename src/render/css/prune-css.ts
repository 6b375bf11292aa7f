// Keeps only the CSS rules that can apply to a document, for self-contained HTML and PDF: the
// site's stylesheets are ~600 KB (every NL Design System component), a product uses a few. A rule
// is dropped only when every selector in its list needs a class the document does not have
// (classes inside functional pseudo-classes such as :is() or :not() are not counted as needed).
// At-rules with rules inside (@media, @supports, @container, @layer) are pruned inside and dropped
// when empty; others (@font-face, @keyframes, @charset, @property) are kept as they are. Custom
// properties (the theme's ~3,000 design tokens) are kept only when something reads them.

const NESTING_AT_RULES = /^@(media|supports|container|layer|document)\b/i;

/** The class names used in an HTML text (class="…" attributes). */
export function classesInHtml(html: string): Set<string> {
  const out = new Set<string>();
  for (const m of html.matchAll(/\sclass\s*=\s*(?:"([^"]*)"|'([^']*)')/gi))
    for (const c of (m[1] ?? m[2] ?? "").split(/\s+/)) if (c) out.add(c);
  return out;
}

/**
 * The rules of `css` that may apply to a document with these classes, and of the custom
 * properties (--x) only those some kept rule, or the document itself (`usedInDocument`: text
 * searched for var(--x), e.g. inline styles), reads, directly or through another one. Comments
 * are left out.
 */
export function pruneCss(css: string, classes: ReadonlySet<string>, usedInDocument = ""): string {
  const tree = pruneNodes(parseBlock(stripComments(css)), classes);
  const used = usedCustomProperties(tree, usedInDocument);
  return serialize(tree, used).trim();
}

type CssNode =
  | { kind: "statement"; text: string }
  | { kind: "rule"; prelude: string; declarations: string[] }
  | { kind: "group"; prelude: string; children: CssNode[] }
  | { kind: "at"; prelude: string; body: string };

function parseBlock(css: string): CssNode[] {
  const out: CssNode[] = [];
  let i = 0;
  while (i < css.length) {
    // The prelude: up to "{" or ";" (a statement at-rule such as @charset or @import).
    let j = i;
    while (j < css.length && css[j] !== "{" && css[j] !== ";" && css[j] !== "}") {
      if (css[j] === '"' || css[j] === "'") j = stringEnd(css, j);
      else j++;
    }
    const prelude = css.slice(i, j).trim();
    if (j >= css.length || css[j] !== "{") {
      if (prelude) out.push({ kind: "statement", text: prelude });
      i = j + 1;
      continue;
    }
    const end = blockEnd(css, j);
    const body = css.slice(j + 1, end);
    if (!prelude.startsWith("@"))
      out.push({
        kind: "rule",
        prelude,
        declarations: splitTopLevel(body, ";")
          .map((d) => d.trim())
          .filter(Boolean),
      });
    else if (NESTING_AT_RULES.test(prelude)) out.push({ kind: "group", prelude, children: parseBlock(body) });
    else out.push({ kind: "at", prelude, body });
    i = end + 1;
  }
  return out;
}

function pruneNodes(nodes: CssNode[], classes: ReadonlySet<string>): CssNode[] {
  return nodes.flatMap((n): CssNode[] => {
    if (n.kind === "rule") return mayApply(n.prelude, classes) ? [n] : [];
    if (n.kind === "group") {
      const children = pruneNodes(n.children, classes);
      return children.length > 0 ? [{ ...n, children }] : [];
    }
    return [n];
  });
}

const customName = (declaration: string) => /^(--[\w-]+)\s*:/.exec(declaration)?.[1];
const VAR_USE = /var\(\s*(--[\w-]+)/g;

/** The custom properties read by a rule's ordinary declarations or the document, transitively. */
function usedCustomProperties(nodes: CssNode[], usedInDocument: string): Set<string> {
  const definitions = new Map<string, string[]>(); // name → the values given to it
  const used = new Set<string>();
  const note = (text: string) => {
    for (const m of text.matchAll(VAR_USE)) used.add(m[1] as string);
  };
  const visit = (ns: CssNode[]) => {
    for (const n of ns) {
      if (n.kind === "group") visit(n.children);
      else if (n.kind === "at") note(n.body);
      else if (n.kind === "rule")
        for (const d of n.declarations) {
          const name = customName(d);
          if (name) definitions.set(name, [...(definitions.get(name) ?? []), d]);
          else note(d);
        }
    }
  };
  visit(nodes);
  note(usedInDocument);
  const todo = [...used];
  for (let name = todo.pop(); name !== undefined; name = todo.pop())
    for (const d of definitions.get(name) ?? [])
      for (const m of d.matchAll(VAR_USE))
        if (!used.has(m[1] as string)) {
          used.add(m[1] as string);
          todo.push(m[1] as string);
        }
  return used;
}

function serialize(nodes: CssNode[], used: ReadonlySet<string>): string {
  let out = "";
  for (const n of nodes) {
    if (n.kind === "statement") out += `${n.text};\n`;
    else if (n.kind === "at") out += `${n.prelude} {${n.body}}\n`;
    else if (n.kind === "group") {
      const inner = serialize(n.children, used).trim();
      if (inner) out += `${n.prelude} {\n${inner}\n}\n`;
    } else {
      const kept = n.declarations.filter((d) => {
        const name = customName(d);
        return name === undefined || used.has(name);
      });
      if (kept.length > 0) out += `${n.prelude} { ${kept.join("; ")}; }\n`;
    }
  }
  return out;
}

function stripComments(css: string): string {
  let out = "";
  let i = 0;
  while (i < css.length) {
    const c = css[i] as string;
    if (c === '"' || c === "'") {
      const end = stringEnd(css, i);
      out += css.slice(i, end);
      i = end;
    } else if (c === "/" && css[i + 1] === "*") {
      const end = css.indexOf("*/", i + 2);
      i = end < 0 ? css.length : end + 2;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

/** Index just after the string starting at `i` (escapes honoured). */
function stringEnd(css: string, i: number): number {
  const quote = css[i];
  let j = i + 1;
  while (j < css.length && css[j] !== quote) j += css[j] === "\\" ? 2 : 1;
  return Math.min(j + 1, css.length);
}

/** Index of the "}" closing the block whose "{" is at `open`. */
function blockEnd(css: string, open: number): number {
  let depth = 0;
  for (let i = open; i < css.length; i++) {
    const c = css[i];
    if (c === '"' || c === "'") {
      i = stringEnd(css, i) - 1;
    } else if (c === "{") depth++;
    else if (c === "}") {
      depth--;
      if (depth === 0) return i;
    }
  }
  return css.length;
}

/** Whether some selector of the list needs no class the document lacks. */
function mayApply(selectorList: string, classes: ReadonlySet<string>): boolean {
  return splitTopLevel(selectorList).some((selector) => {
    if (selector.includes("\\")) return true; // escaped names: not read here, so kept
    const required = withoutParentheses(selector).match(/\.(-?[_a-zA-Z][\w-]*)/g) ?? [];
    return required.every((c) => classes.has(c.slice(1)));
  });
}

/** Splits at `separator` outside strings, parentheses and brackets. */
function splitTopLevel(list: string, separator = ","): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < list.length; i++) {
    const c = list[i];
    if (c === '"' || c === "'") i = stringEnd(list, i) - 1;
    else if (c === "(" || c === "[") depth++;
    else if (c === ")" || c === "]") depth--;
    else if (c === separator && depth === 0) {
      out.push(list.slice(start, i));
      start = i + 1;
    }
  }
  out.push(list.slice(start));
  return out;
}

/** The selector with everything inside (…) and […] left out (alternatives and attribute values). */
function withoutParentheses(selector: string): string {
  let out = "";
  let depth = 0;
  for (let i = 0; i < selector.length; i++) {
    const c = selector[i] as string;
    if (c === '"' || c === "'") {
      i = stringEnd(selector, i) - 1;
      continue;
    }
    if (c === "(" || c === "[") depth++;
    else if (c === ")" || c === "]") depth--;
    else if (depth === 0) out += c;
  }
  return out;
}
