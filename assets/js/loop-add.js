// "Add to loop" buttons on question pages and in the question list. They add
// to the working loop this browser remembers (see loop-state.js) and link to
// /loop/ with it, where the loop becomes a shareable URL.

import { loadWorkingLoop, loopSearch, MAX_QUESTIONS, normalizeId, onWorkingLoopChange, saveWorkingLoop, siteURL, storage } from "./loop-state.js";

const store = storage();
const buttons = new Map(); // id → button
let status;

function loop() {
  return loadWorkingLoop(store);
}

function sync() {
  const { ids } = loop();
  for (const [id, button] of buttons) {
    const inLoop = ids.includes(id);
    button.textContent = inLoop ? "Remove from loop" : "Add to loop";
    // The accessible name starts with the visible text (WCAG 2.5.3, label in name).
    button.setAttribute("aria-label", `${button.textContent}: ${id}`);
    button.classList.toggle("is-in-loop", inLoop);
    button.disabled = !inLoop && ids.length >= MAX_QUESTIONS;
  }
  const link = document.createElement("a");
  link.href = siteURL("/loop/") + (ids.length ? loopSearch(loop()) : "");
  link.textContent = "Open the loop builder";
  status.replaceChildren(`Interview loop: ${ids.length} question${ids.length === 1 ? "" : "s"}. `, link);
}

function toggle(id) {
  const current = loop();
  const ids = current.ids.includes(id) ? current.ids.filter((x) => x !== id) : [...current.ids, id];
  saveWorkingLoop(store, { ids, title: current.title });
  sync();
}

function button(id) {
  const b = document.createElement("button");
  b.type = "button";
  b.className = "loop-toggle";
  b.addEventListener("click", () => toggle(id));
  buttons.set(id, b);
  return b;
}

function statusLine() {
  const p = document.createElement("p");
  p.className = "loop-status";
  p.setAttribute("role", "status");
  p.setAttribute("aria-live", "polite");
  return p;
}

function init() {
  const article = document.querySelector("article.question[data-id]");
  const tools = article?.querySelector("[data-qtools]");
  const id = normalizeId(article?.dataset.id || "");
  status = statusLine();
  if (tools && id) {
    tools.append(button(id), status);
  } else {
    const items = document.querySelectorAll("#qlist .qitem");
    if (!items.length) return;
    for (const item of items) {
      const itemId = normalizeId(item.id);
      if (itemId) item.append(button(itemId));
    }
    document.getElementById("qlist").before(status);
  }
  sync();
  onWorkingLoopChange(sync);
}

init();
