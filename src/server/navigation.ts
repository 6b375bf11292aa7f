// The main menu: the pages a user's roles can use. The FG gets the register, the beheerder the
// beheer pages, everyone with a content role the pages with figures. A link in the menu is no
// permission: every page still asks the gate.

import type { MiddlewareHandler } from "hono";
import { ROLES, type Role } from "../domain/roles.ts";
import type { AuthVariables } from "./middleware/authentication/authentication.ts";

export interface NavItem {
  href: string;
  label: string;
}

/** Roles that see no content (DESIGN.md: the FG and the beheerder). */
const NO_CONTENT: readonly string[] = ["fg", "beheerder"] satisfies Role[];

export function navFor(roles: readonly string[], opts: { products: boolean }): NavItem[] {
  const items: NavItem[] = [];
  if (roles.some((r) => Object.hasOwn(ROLES, r) && !NO_CONTENT.includes(r))) {
    if (opts.products) items.push({ href: "/", label: "Mijn beeld" });
    items.push({ href: "/gemeenten", label: "Gemeenten" });
    if (opts.products) items.push({ href: "/producten", label: "Producten" });
    items.push({ href: "/kaart", label: "Kaart" }, { href: "/trends", label: "Trends" });
  }
  if (roles.includes("fg")) items.push({ href: "/fg/register", label: "Verstrekkingenregister" });
  if (roles.includes("beheerder")) items.push({ href: "/beheer/", label: "Beheer" });
  return items;
}

/** The menu item of the page at `path`: the longest href that is the path or a folder above it. */
export function currentItem(items: readonly NavItem[], path: string): NavItem | undefined {
  return items
    .filter(
      (i) =>
        path === i.href || (i.href !== "/" && path.startsWith(i.href.endsWith("/") ? i.href : `${i.href}/`)),
    )
    .sort((a, b) => b.href.length - a.href.length)[0];
}

export type NavVariables = { nav: NavItem[] };

/** Middleware: puts the logged-in user's menu on the context, for the page layout. */
export function mainMenu(opts: {
  products: boolean;
}): MiddlewareHandler<{ Variables: AuthVariables & NavVariables }> {
  return async (c, next) => {
    const requester = c.get("requester");
    if (requester) c.set("nav", navFor(requester.roles, opts));
    await next();
  };
}
