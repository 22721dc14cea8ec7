// The interview loop's state and where it lives. The loop is its URL —
// /loop/?q=pe-001,pe-012&title=SRE%20onsite — so a link reopens it anywhere.
// The browser also remembers the last loop edited ("the working loop"), so
// that "Add to loop" buttons on other pages can add to it.
//
// Nothing read from a URL or from storage is trusted: ids must look like
// question ids (and, where the questions are known, exist), the title is
// plain text, and callers only ever put these values into the page as text.

export const MAX_QUESTIONS = 40;
export const MAX_TITLE = 120;
const STORAGE_KEY = "handbook-loop";
const ID = /^PE-\d{3,5}$/;

// The site's root URL: scripts are published under <root>/js/.
export const siteRoot = new URL("../", import.meta.url);

// siteURL turns a site path such as /q/slug/ into a URL under the site root.
export function siteURL(path) {
  return new URL(String(path).replace(/^\/+/, ""), siteRoot).href;
}

// normalizeId returns the canonical id ("PE-001") or "" when s is not an id.
export function normalizeId(s) {
  const id = String(s).trim().toUpperCase();
  return ID.test(id) ? id : "";
}

// cleanTitle makes any string a one-line title of bounded length.
export function cleanTitle(s) {
  return String(s)
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, MAX_TITLE);
}

// cleanIds keeps valid, distinct ids (known ones only, when known is given),
// in order, up to MAX_QUESTIONS.
export function cleanIds(list, known) {
  const ids = [];
  for (const raw of list) {
    const id = normalizeId(raw);
    if (id && !ids.includes(id) && (!known || known.has(id)) && ids.length < MAX_QUESTIONS) ids.push(id);
  }
  return ids;
}

// parseLoop reads a loop from a query string. present says whether the URL
// names a loop at all (as opposed to a bare /loop/).
export function parseLoop(search, known) {
  const params = new URLSearchParams(search);
  return {
    ids: cleanIds((params.get("q") || "").split(","), known),
    title: cleanTitle(params.get("title") || ""),
    present: params.has("q") || params.has("title"),
  };
}

// loopSearch is the query string that opens a loop.
export function loopSearch({ ids, title }) {
  let s = "?q=" + ids.map((id) => id.toLowerCase()).join(",");
  if (title) s += "&title=" + encodeURIComponent(title);
  return s;
}

// move returns ids with the item at index moved by delta (-1 up, +1 down).
export function move(ids, index, delta) {
  const to = index + delta;
  if (index < 0 || index >= ids.length || to < 0 || to >= ids.length) return ids.slice();
  const out = ids.slice();
  const [id] = out.splice(index, 1);
  out.splice(to, 0, id);
  return out;
}

// totalMinutes adds up the durations of the loop's questions.
export function totalMinutes(ids, byId) {
  return ids.reduce((sum, id) => sum + (byId.get(id)?.duration_minutes || 0), 0);
}

// storage returns localStorage, or null where the browser refuses it.
export function storage() {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

export function loadWorkingLoop(store) {
  try {
    const v = JSON.parse(store?.getItem(STORAGE_KEY) || "null");
    return { ids: cleanIds(Array.isArray(v?.ids) ? v.ids : []), title: cleanTitle(typeof v?.title === "string" ? v.title : "") };
  } catch {
    return { ids: [], title: "" };
  }
}

export function saveWorkingLoop(store, { ids, title }) {
  try {
    store?.setItem(STORAGE_KEY, JSON.stringify({ ids, title }));
  } catch {
    // Storage full or refused: the URL still holds the loop.
  }
}

// onWorkingLoopChange calls fn when another tab changes the working loop.
export function onWorkingLoopChange(fn) {
  addEventListener("storage", (event) => {
    if (event.key === STORAGE_KEY) fn();
  });
}
