import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { currentItem, navFor } from "./navigation.ts";

describe("main menu", () => {
  it("offers the pages with figures to content roles, the register to the FG, beheer to the beheerder", () => {
    const hrefs = (roles: string[], products = true) => navFor(roles, { products }).map((i) => i.href);
    assert.deepEqual(hrefs(["burgemeester"]), ["/", "/gemeenten", "/producten", "/kaart", "/trends"]);
    assert.deepEqual(hrefs(["teamchef"], false), ["/gemeenten", "/kaart", "/trends"]);
    assert.deepEqual(hrefs(["fg"]), ["/fg/register"]);
    assert.deepEqual(hrefs(["beheerder"]), ["/beheer/"]);
    assert.deepEqual(hrefs(["onbekend"]), []);
  });

  it("marks the page's own item, also below it, and the home item only on the home page", () => {
    const items = navFor(["burgemeester"], { products: true });
    assert.equal(currentItem(items, "/")?.label, "Mijn beeld");
    assert.equal(currentItem(items, "/producten/maandoverzicht")?.label, "Producten");
    assert.equal(currentItem(items, "/gemeenten/GM0344/maandcijfers")?.label, "Gemeenten");
    assert.equal(currentItem(items, "/doel"), undefined);
    const beheer = navFor(["beheerder"], { products: true });
    assert.equal(currentItem(beheer, "/beheer/leveringen/3")?.label, "Beheer");
  });
});
