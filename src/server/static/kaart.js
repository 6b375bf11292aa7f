// The Kaart page's interactive map (progressive enhancement): maplibre-gl draws the same figures
// as the SVG map (GeoJSON from /kaart/gegevens), with zoom and pan by keyboard and mouse, and an
// optional raster background map when the server has one configured. When the page has the
// incidents layer (the gate gave it), the same points come from /kaart/incidenten. The SVG map and the table
// stay on the page: they are the accessible alternative and what print shows. Without maplibre or
// WebGL this script does nothing. No inline code, no eval: the CSP of the site holds.
(() => {
  const box = document.getElementById("dh-kaart-interactief");
  const lib = window.maplibregl;
  if (!box || !lib || typeof lib.Map !== "function") return;
  const canvas = document.createElement("canvas");
  const gl = canvas.getContext("webgl2") || canvas.getContext("webgl");
  if (!gl) return;
  if (typeof lib.setWorkerUrl === "function") lib.setWorkerUrl("/static/maplibre-gl-worker.js");

  // The same classes as the SVG map (light to dark blue); hatched areas become light grey here.
  const COLORS = ["#dbe8f5", "#a9c8e8", "#6f9fd0", "#3b6fae", "#154273"];
  const classes = Math.max(1, Math.min(5, Number(box.dataset.klassen) || 1));
  const used = COLORS.slice(COLORS.length - classes);
  const fill = ["match", ["coalesce", ["get", "klasse"], 0]];
  for (const [i, color] of used.entries()) fill.push(i + 1, color);
  fill.push("#f2f2f2");

  const sources = {
    gebieden: { type: "geojson", data: box.dataset.gegevens },
  };
  const layers = [{ id: "achtergrond", type: "background", paint: { "background-color": "#ffffff" } }];
  const tiles = box.dataset.basiskaart;
  if (tiles) {
    sources.basiskaart = { type: "raster", tiles: [tiles], tileSize: 256, attribution: "Achtergrondkaart" };
    layers.push({ id: "basiskaart", type: "raster", source: "basiskaart" });
  }
  layers.push(
    {
      id: "gebieden-vlak",
      type: "fill",
      source: "gebieden",
      paint: { "fill-color": fill, "fill-opacity": tiles ? 0.75 : 1 },
    },
    {
      id: "gebieden-rand",
      type: "line",
      source: "gebieden",
      paint: { "line-color": "#ffffff", "line-width": 1 },
    },
    {
      id: "hotspots",
      type: "line",
      source: "gebieden",
      filter: ["in", ["get", "gi-klasse"], ["literal", ["hot-99", "hot-95"]]],
      paint: { "line-color": "#b3000c", "line-width": ["match", ["get", "gi-klasse"], "hot-99", 4, 2.5] },
    },
    {
      id: "coldspots",
      type: "line",
      source: "gebieden",
      filter: ["in", ["get", "gi-klasse"], ["literal", ["cold-99", "cold-95"]]],
      paint: {
        "line-color": "#00507a",
        "line-width": ["match", ["get", "gi-klasse"], "cold-99", 4, 2.5],
        "line-dasharray": [3, 1.5],
      },
    },
  );

  // Single registrations: a dot per buurt centre, its size by how many lie there (as on the SVG map).
  const incidents = box.dataset.incidenten;
  if (incidents) {
    sources.incidenten = { type: "geojson", data: incidents };
    layers.push({
      id: "incidenten",
      type: "circle",
      source: "incidenten",
      paint: {
        "circle-radius": ["+", 3, ["*", 1.5, ["sqrt", ["get", "aantal"]]]],
        "circle-color": "#1a1a1a",
        "circle-opacity": 0.75,
        "circle-stroke-color": "#ffffff",
        "circle-stroke-width": 1,
      },
    });
  }

  box.hidden = false;
  const title = document.createElement("p");
  title.className = "utrecht-paragraph dh-kaart-uitleg";
  title.id = "dh-kaart-interactief-uitleg";
  title.textContent =
    "Interactieve kaart: zoom met + en −, schuif met de pijltjestoetsen als de kaart de focus heeft. Dezelfde cijfers staan onder de kaart in de tabel.";
  box.before(title);

  let map;
  try {
    map = new lib.Map({
      container: box,
      style: { version: 8, sources, layers },
      bounds: undefined,
      attributionControl: tiles ? { compact: true } : false,
      cooperativeGestures: false,
    });
  } catch (_err) {
    // No WebGL after all: leave the page as the server made it.
    box.hidden = true;
    title.remove();
    return;
  }
  const canvasEl = map.getCanvas();
  canvasEl.setAttribute("aria-describedby", title.id);
  canvasEl.setAttribute("aria-label", "Interactieve kaart van de gebieden");
  map.addControl(new lib.NavigationControl({ showCompass: false }), "top-right");

  // Fit the areas once their data is loaded.
  fetch(box.dataset.gegevens, { credentials: "same-origin", headers: { Accept: "application/geo+json" } })
    .then((res) => (res.ok ? res.json() : null))
    .then((data) => {
      if (!data || !Array.isArray(data.features)) return;
      let minX = 180;
      let minY = 90;
      let maxX = -180;
      let maxY = -90;
      const visit = (c) => {
        if (typeof c[0] === "number") {
          minX = Math.min(minX, c[0]);
          maxX = Math.max(maxX, c[0]);
          minY = Math.min(minY, c[1]);
          maxY = Math.max(maxY, c[1]);
        } else for (const x of c) visit(x);
      };
      for (const f of data.features) if (f.geometry) visit(f.geometry.coordinates);
      if (minX <= maxX) map.fitBounds([minX, minY, maxX, maxY], { padding: 16, animate: false });
    })
    .catch(() => {});

  // The name and figure of an area under the pointer, in a popup.
  const popup = new lib.Popup({ closeButton: false, closeOnClick: false });
  map.on("mousemove", "gebieden-vlak", (e) => {
    const f = e.features?.[0];
    if (!f) return;
    const p = f.properties;
    const value = box.dataset.maat === "per-1000" ? p.per1000 : p.aantal;
    const text = `${p.naam}: ${value === null || value === undefined || value === "null" ? "afgeschermd" : value}`;
    popup.setLngLat(e.lngLat).setText(text).addTo(map);
  });
  map.on("mouseleave", "gebieden-vlak", () => popup.remove());
  if (incidents) {
    map.on("mousemove", "incidenten", (e) => {
      const p = e.features?.[0]?.properties;
      if (p) popup.setLngLat(e.lngLat).setText(`${p.naam}: ${p.aantal} losse registraties`).addTo(map);
    });
    map.on("mouseleave", "incidenten", () => popup.remove());
  }
  box.classList.add("dh-kaart-interactief--actief");
  // Drawn with every area loaded: tests and screenshots wait for this.
  map.on("idle", () => {
    box.dataset.getekend = "ja";
  });
})();
