// A small product document with every kind of block, for the renderers' tests: a hierarchy with a
// total row, withheld cells, an empty cell, text that needs escaping in every format, a chart and
// a map with a polygon, a multipolygon and a point.

import { type ProductDocument, WITHHELD } from "./product-document.ts";

export function sampleDocument(): ProductDocument {
  return {
    product: "voorbeeld",
    title: "Voorbeeldoverzicht",
    area: { code: "GM9001", name: "Voorbeeldstad", level: "gemeente" },
    period: { id: "2024-03", label: "maart 2024", from: 202403, to: 202403 },
    sensitivity: "aggregated",
    madeAt: "2024-04-02T08:30:00.000Z",
    summary: [
      "Er waren 412 registraties, 31 meer dan in maart 2023.",
      'Woninginbraak nam toe; dat is "duidelijk" meer dan toeval (p = 0,012).',
    ],
    sections: [
      {
        id: "cijfers",
        title: "Cijfers per soort",
        blocks: [
          {
            kind: "text",
            paragraphs: ["Hieronder staan de cijfers per soort; <b> is geen opmaak, & ook niet."],
          },
          {
            kind: "table",
            id: "per-soort",
            caption: "Registraties per soort, maart 2024 en maart 2023",
            columns: [
              { key: "soort", label: "Soort", type: "text" },
              { key: "nu", label: "Maart 2024", type: "count" },
              { key: "vorig", label: "Maart 2023", type: "count" },
              { key: "verschil", label: "Verschil in %", type: "percent" },
              { key: "per1000", label: "Per 1.000 inwoners", type: "rate", decimals: 1 },
              { key: "p", label: "Overschrijdingskans", type: "p-value" },
            ],
            rows: [
              {
                depth: 0,
                cells: { soort: "Vermogen", nu: 250, vorig: 220, verschil: 13.636, per1000: 4.78, p: 0.2 },
              },
              {
                depth: 1,
                cells: {
                  soort: "Woninginbraak",
                  nu: 48,
                  vorig: 29,
                  verschil: 65.517,
                  per1000: 0.917,
                  p: 0.012,
                },
              },
              {
                depth: 1,
                cells: {
                  soort: 'Fietsdiefstal; "gestald", ja',
                  nu: WITHHELD,
                  vorig: 3,
                  verschil: null,
                  per1000: null,
                  p: null,
                },
              },
              {
                depth: 0,
                total: true,
                cells: { soort: "Totaal", nu: 412, vorig: 381, verschil: 8.136, per1000: 7.87, p: 0.27 },
              },
            ],
            note: "Aantallen van 1 tot en met 4 zijn afgeschermd.",
          },
          {
            kind: "chart",
            table: "per-soort",
            title: "Registraties per soort",
            type: "bar",
            x: "soort",
            y: ["nu", "vorig"],
          },
        ],
      },
      {
        id: "kaart",
        title: "Per wijk",
        blocks: [
          {
            kind: "map",
            id: "wijken",
            caption: "Registraties per wijk, maart 2024",
            valueKey: "aantal",
            table: "per-wijk",
            features: [
              {
                type: "Feature",
                id: "WK900101",
                geometry: {
                  type: "Polygon",
                  coordinates: [
                    [
                      [5.1, 52.0],
                      [5.12, 52.0],
                      [5.12, 52.02],
                      [5.1, 52.02],
                      [5.1, 52.0],
                    ],
                  ],
                },
                properties: { code: "WK900101", naam: "Centrum", aantal: 210 },
              },
              {
                type: "Feature",
                id: "WK900102",
                geometry: {
                  type: "MultiPolygon",
                  coordinates: [
                    [
                      [
                        [5.12, 52.0],
                        [5.14, 52.0],
                        [5.14, 52.02],
                        [5.12, 52.02],
                        [5.12, 52.0],
                      ],
                    ],
                  ],
                },
                properties: { code: "WK900102", naam: "Noord", aantal: null, afgeschermd: true },
              },
              {
                type: "Feature",
                id: "P1",
                geometry: { type: "Point", coordinates: [5.11, 52.01] },
                properties: { code: "P1", naam: "Station", aantal: 12 },
              },
            ],
          },
          {
            kind: "table",
            id: "per-wijk",
            caption: "Registraties per wijk, maart 2024",
            columns: [
              { key: "code", label: "Code", type: "text" },
              { key: "naam", label: "Wijk", type: "text" },
              { key: "aantal", label: "Aantal", type: "count" },
            ],
            rows: [
              { cells: { code: "WK900101", naam: "Centrum", aantal: 210 } },
              { cells: { code: "WK900102", naam: "Noord", aantal: WITHHELD } },
            ],
          },
        ],
      },
    ],
    disclosure: {
      legalBasis: "wpg-19",
      legalBasisLabel: "Wpg art. 19",
      purpose: "openbare-orde",
      registerSeq: 42,
      protection: "Aantallen van 1 tot en met 4 en wat daaruit volgt zijn afgeschermd.",
    },
  };
}
