// The optional background map of the Kaart: a raster tile URL template (XYZ, e.g. PDOK's BRT
// achtergrondkaart in Web Mercator), configured with DRIEHOEK_BASISKAART. Off by default: the
// area outlines are the map. Only https templates with {z}, {x} and {y} are accepted, so the
// Content-Security-Policy can allow exactly that one origin.

export interface Basemap {
  /** The template as given, e.g. "https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/standaard/EPSG:3857/{z}/{x}/{y}.png". */
  template: string;
  /** Its origin, for the CSP (img-src and connect-src). */
  origin: string;
}

/**
 * Checks a tile URL template.
 * @throws Error with a Dutch message when it is not an https URL with {z}, {x} and {y}.
 */
export function parseBasemap(template: string): Basemap {
  const t = template.trim();
  if (!/\{z\}/.test(t) || !/\{x\}/.test(t) || !/\{y\}/.test(t))
    throw new Error(`DRIEHOEK_BASISKAART moet {z}, {x} en {y} bevatten: ${t}`);
  let url: URL;
  try {
    url = new URL(t.replace(/\{[zxy]\}/g, "0"));
  } catch {
    throw new Error(`DRIEHOEK_BASISKAART is geen geldige URL: ${t}`);
  }
  if (url.protocol !== "https:") throw new Error(`DRIEHOEK_BASISKAART moet met https:// beginnen: ${t}`);
  if (url.username || url.password)
    throw new Error("DRIEHOEK_BASISKAART mag geen gebruikersnaam of wachtwoord bevatten");
  return { template: t, origin: url.origin };
}
