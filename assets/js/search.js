// Full-text search with Pagefind. Nothing is loaded until the reader types:
// the first query imports Pagefind, which then fetches only the index chunks
// that query needs. Results are built with DOM methods; Pagefind's excerpt
// marks are turned into <mark> elements without parsing HTML.

const input = document.getElementById("search-input");
const status = document.getElementById("search-status");
const list = document.getElementById("search-results");
let pagefind;

async function engine() {
  if (!pagefind) {
    pagefind = await import("/pagefind/pagefind.js");
    await pagefind.options({ excerptLength: 24 });
  }
  return pagefind;
}

function excerpt(text) {
  const p = document.createElement("p");
  p.className = "excerpt";
  text.split(/(<mark>.*?<\/mark>)/).forEach((part) => {
    const m = part.match(/^<mark>(.*)<\/mark>$/);
    const node = m ? document.createElement("mark") : null;
    if (node) node.textContent = unescape(m[1]);
    p.append(node || unescape(part));
  });
  return p;
}

// Pagefind escapes the excerpt's text; undo the entities for textContent.
function unescape(s) {
  return s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, "&");
}

function item(data) {
  const li = document.createElement("li");
  li.className = "search-result";
  const meta = data.meta || {};
  if (meta.id) {
    const id = document.createElement("p");
    id.className = "qid";
    id.textContent = [meta.id, meta.cluster, meta.difficulty].filter(Boolean).join(" · ");
    li.append(id);
  }
  const h = document.createElement("h2");
  h.className = "qtitle";
  const a = document.createElement("a");
  a.href = data.url;
  a.textContent = meta.title || data.url;
  h.append(a);
  li.append(h, excerpt(data.excerpt || ""));
  return li;
}

let latest = 0;
async function search(query) {
  const mine = ++latest;
  history.replaceState(null, "", query ? `?q=${encodeURIComponent(query)}` : location.pathname);
  if (!query.trim()) {
    list.replaceChildren();
    status.textContent = "";
    return;
  }
  status.textContent = "Searching…";
  const pf = await engine();
  const found = await pf.debouncedSearch(query, {}, 150);
  if (found === null || mine !== latest) return; // superseded by a newer query
  const top = await Promise.all(found.results.slice(0, 20).map((r) => r.data()));
  if (mine !== latest) return;
  list.replaceChildren(...top.map(item));
  const n = found.results.length;
  status.textContent = n === 0 ? `No results for “${query}”.` : `${n} result${n === 1 ? "" : "s"} for “${query}”${n > 20 ? "; showing the first 20" : ""}.`;
}

if (input) {
  input.addEventListener("input", () => search(input.value));
  input.form.addEventListener("submit", (e) => {
    e.preventDefault();
    search(input.value);
  });
  const q = new URLSearchParams(location.search).get("q");
  if (q) {
    input.value = q;
    search(q);
  }
}
