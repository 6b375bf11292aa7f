// htmx's settings for every page that uses it (written into the page head by the layout).

/**
 * htmx settings: no inline indicator <style> (the CSP forbids inline styles), no page snapshots in
 * localStorage (pages with figures are not stored on disk: going back loads the page again), no
 * eval, and a 400 or 403 answer is swapped in like a 200 (it holds the message for the user).
 */
export const HTMX_CONFIG = JSON.stringify({
  includeIndicatorStyles: false,
  historyCacheSize: 0,
  refreshOnHistoryMiss: true,
  allowEval: false,
  allowScriptTags: false,
  responseHandling: [
    { code: "204", swap: false },
    { code: "[23]..", swap: true },
    { code: "40[03]", swap: true, error: false },
    { code: "[45]..", swap: false, error: true },
  ],
});

/** htmx itself, served by src/server/static.ts. */
export const HTMX_SCRIPT = "/static/htmx.min.js";
