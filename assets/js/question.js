// Interviewer and practice modes on a question page, kept in this browser only:
// "Hide answers" collapses every section behind a Reveal button (and stays on for
// other questions until switched off); "Practised" marks the question in every list.
import { flash } from "./flash.js";

const HIDE_KEY = "handbook-hide-answers";
const PRACTISED_KEY = "handbook-practised";

const article = document.querySelector("article.question");
const body = article && article.querySelector(".qbody");
const tools = article && article.querySelector("[data-qtools]");

export function practised() {
  try {
    return new Set(JSON.parse(localStorage.getItem(PRACTISED_KEY) || "[]"));
  } catch {
    return new Set();
  }
}

function button(label, pressed) {
  const b = document.createElement("button");
  b.type = "button";
  b.textContent = label;
  if (pressed !== undefined) b.setAttribute("aria-pressed", String(pressed));
  tools.append(b);
  return b;
}

// Each h2 and what follows it becomes a <section> whose content can be hidden.
function sections() {
  const out = [];
  for (const h of [...body.querySelectorAll(":scope > h2")]) {
    const section = document.createElement("section");
    const content = document.createElement("div");
    content.className = "section-body";
    content.id = `${h.id}-body`;
    h.before(section);
    let n = h.nextSibling;
    while (n && !(n.nodeType === 1 && n.tagName === "H2")) {
      const next = n.nextSibling;
      content.append(n);
      n = next;
    }
    const reveal = document.createElement("button");
    reveal.type = "button";
    reveal.className = "reveal";
    reveal.textContent = `Reveal ${h.firstChild.textContent.trim().toLowerCase()}`;
    reveal.setAttribute("aria-controls", content.id);
    reveal.addEventListener("click", () => show(section, true));
    section.append(h, reveal, content);
    out.push(section);
  }
  return out;
}

function show(section, visible) {
  section.querySelector(".section-body").hidden = !visible;
  const reveal = section.querySelector(".reveal");
  reveal.hidden = visible;
  reveal.setAttribute("aria-expanded", String(visible));
}

if (article && body && tools) {
  const all = sections();
  const hide = button("Hide answers", false);
  const revealAll = button("Reveal all");
  const setHidden = (on) => {
    hide.setAttribute("aria-pressed", String(on));
    revealAll.hidden = !on;
    all.forEach((s) => show(s, !on));
  };
  // A shared link to a section (#trade-offs) always shows that section.
  setHidden(localStorage.getItem(HIDE_KEY) === "1" || new URLSearchParams(location.search).get("mode") === "interview");
  if (location.hash) all.filter((s) => s.querySelector(location.hash.replace(/[^#\w-]/g, ""))).forEach((s) => show(s, true));
  hide.addEventListener("click", () => {
    const on = hide.getAttribute("aria-pressed") !== "true";
    localStorage.setItem(HIDE_KEY, on ? "1" : "0");
    setHidden(on);
  });
  revealAll.addEventListener("click", () => all.forEach((s) => show(s, true)));

  const id = article.dataset.id;
  const mark = button("Practised", practised().has(id));
  mark.addEventListener("click", () => {
    const set = practised();
    set.has(id) ? set.delete(id) : set.add(id);
    localStorage.setItem(PRACTISED_KEY, JSON.stringify([...set]));
    mark.setAttribute("aria-pressed", String(set.has(id)));
  });

  const copy = button("Copy link");
  copy.addEventListener("click", async () => {
    const url = new URL(article.dataset.url, location.href).href;
    try {
      await navigator.clipboard.writeText(url);
      flash(copy, "Link copied");
    } catch {
      flash(copy, "Copy failed");
    }
  });
}
