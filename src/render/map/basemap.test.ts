import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseBasemap } from "./basemap.ts";

describe("parseBasemap", () => {
  it("accepts an https XYZ template and gives its origin", () => {
    const t = "https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/standaard/EPSG:3857/{z}/{x}/{y}.png";
    assert.deepEqual(parseBasemap(t), { template: t, origin: "https://service.pdok.nl" });
  });

  it("refuses http, templates without {z}/{x}/{y}, and credentials", () => {
    assert.throws(() => parseBasemap("http://tiles.example.nl/{z}/{x}/{y}.png"), /https/);
    assert.throws(() => parseBasemap("https://tiles.example.nl/{z}/{x}.png"), /\{z\}, \{x\} en \{y\}/);
    assert.throws(() => parseBasemap("https://a:b@tiles.example.nl/{z}/{x}/{y}.png"), /wachtwoord/);
  });
});
