// The interview loop builder (/loop/). Reads the loop from the URL (or, for a
// bare /loop/, the working loop this browser remembers), lets the reader add,
// reorder and remove questions, keeps the URL in step, and renders the
// interviewer packet the print stylesheet prints. Question data comes from
// /exports/questions.json. Everything is built with DOM APIs and textContent.

import {
  cleanTitle,
  loadWorkingLoop,
  loopSearch,
  MAX_QUESTIONS,
  move,
  parseLoop,
  saveWorkingLoop,
  siteURL,
  storage,
  totalMinutes,
} from "./loop-state.js";

const $ = (id) => document.getElementById(id);
const builder = $("loop-builder");
const store = storage();

// el creates an element with a class and text (or children).
function el(tag, className, ...children) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  node.append(...children);
  return node;
}

function label(value) {
  const s = String(value).replace(/-/g, " ");
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function minutes(n) {
  return `${n} minute${n === 1 ? "" : "s"}`;
}

function flash(button, text) {
  const before = button.textContent;
  button.textContent = text;
  setTimeout(() => (button.textContent = before), 1500);
}

class Builder {
  constructor(data) {
    this.questions = data.questions;
    this.byId = new Map(data.questions.map((q) => [q.id, q]));
    const fromURL = parseLoop(location.search, new Set(this.byId.keys()));
    const loop = fromURL.present ? fromURL : loadWorkingLoop(store);
    this.ids = loop.ids.filter((id) => this.byId.has(id));
    this.title = loop.title;
  }

  start() {
    $("loop-title").value = this.title;
    $("loop-title").addEventListener("input", (e) => {
      this.title = cleanTitle(e.target.value);
      this.save();
      this.renderPacket();
    });
    $("loop-add").addEventListener("click", () => this.add($("loop-add-select").value));
    $("loop-list").addEventListener("click", (e) => this.onListClick(e));
    $("loop-copy").addEventListener("click", (e) => this.copyLink(e.currentTarget));
    $("loop-print").addEventListener("click", () => print());
    $("loop-preview").addEventListener("click", (e) => this.togglePreview(e.currentTarget));
    $("loop-clear").addEventListener("click", () => {
      this.ids = [];
      this.update(`Cleared the loop.`);
      $("loop-add-select").focus();
    });
    for (const n of document.querySelectorAll("[data-nojs]")) n.hidden = true;
    builder.hidden = false;
    this.update("");
  }

  // update saves the loop and redraws everything that shows it.
  update(announcement) {
    this.save();
    this.renderList();
    this.renderPicker();
    this.renderPacket();
    $("loop-announce").textContent = announcement;
  }

  save() {
    const empty = !this.ids.length && !this.title;
    history.replaceState(null, "", location.pathname + (empty ? "" : loopSearch(this)));
    $("loop-url").value = location.href;
    saveWorkingLoop(store, this);
  }

  add(id) {
    if (!this.byId.has(id) || this.ids.includes(id) || this.ids.length >= MAX_QUESTIONS) return;
    this.ids.push(id);
    this.update(`Added ${id} at position ${this.ids.length}.`);
  }

  onListClick(event) {
    const button = event.target.closest("button[data-action]");
    if (!button) return;
    const id = button.closest("li").dataset.id;
    const index = this.ids.indexOf(id);
    const action = button.dataset.action;
    if (action === "remove") {
      this.ids.splice(index, 1);
      this.update(`Removed ${id}.`);
      this.focusAfterRemove(index);
      return;
    }
    this.ids = move(this.ids, index, action === "up" ? -1 : 1);
    this.update(`Moved ${id} to position ${this.ids.indexOf(id) + 1}.`);
    this.focusItemButton(id, action);
  }

  focusItemButton(id, action) {
    const item = [...$("loop-list").children].find((li) => li.dataset.id === id);
    const button = item?.querySelector(`[data-action="${action}"]`);
    (button && !button.disabled ? button : item?.querySelector("button:not(:disabled)"))?.focus();
  }

  focusAfterRemove(index) {
    const items = $("loop-list").children;
    const next = items[Math.min(index, items.length - 1)];
    (next ? next.querySelector('[data-action="remove"]') : $("loop-add-select")).focus();
  }

  renderList() {
    const list = $("loop-list");
    list.replaceChildren(...this.ids.map((id, i) => this.item(this.byId.get(id), i)));
    $("loop-empty").hidden = this.ids.length > 0;
    const n = this.ids.length;
    $("loop-total").textContent =
      `${n} question${n === 1 ? "" : "s"} · ${minutes(totalMinutes(this.ids, this.byId))} in total`;
  }

  item(q, i) {
    const link = el("a", "", q.title);
    link.href = siteURL(q.path);
    const meta = el("p", "loop-meta", `${q.id} · ${label(q.difficulty)} · ${label(q.dimension)} · ${minutes(q.duration_minutes)}`);
    const actions = el("div", "loop-item-actions");
    actions.setAttribute("role", "group");
    actions.setAttribute("aria-label", `Order of ${q.id}`);
    const buttons = [
      ["up", "Up", `Move ${q.id} up`, i === 0],
      ["down", "Down", `Move ${q.id} down`, i === this.ids.length - 1],
      ["remove", "Remove", `Remove ${q.id} from the loop`, false],
    ];
    for (const [action, text, aria, disabled] of buttons) {
      const b = el("button", "", text);
      b.type = "button";
      b.dataset.action = action;
      b.setAttribute("aria-label", aria);
      b.disabled = disabled;
      actions.append(b);
    }
    const li = el("li", "loop-item", el("div", "loop-item-main", link, meta), actions);
    li.dataset.id = q.id;
    return li;
  }

  renderPicker() {
    const select = $("loop-add-select");
    const keep = select.value;
    const options = [new Option("Choose a question…", "")];
    for (const q of this.questions) {
      if (this.ids.includes(q.id)) continue;
      options.push(new Option(`${q.id} · ${label(q.difficulty)} · ${q.duration_minutes} min — ${q.title}`, q.id));
    }
    select.replaceChildren(...options);
    select.value = this.ids.includes(keep) ? "" : keep;
    $("loop-add").disabled = this.ids.length >= MAX_QUESTIONS;
  }

  async copyLink(button) {
    try {
      await navigator.clipboard.writeText(location.href);
      flash(button, "Copied");
    } catch {
      $("loop-url").select();
      flash(button, "Press Ctrl+C to copy");
    }
  }

  togglePreview(button) {
    const open = button.getAttribute("aria-expanded") !== "true";
    button.setAttribute("aria-expanded", String(open));
    $("packet").classList.toggle("is-preview", open);
  }

  renderPacket() {
    const qs = this.ids.map((id) => this.byId.get(id));
    const total = totalMinutes(this.ids, this.byId);
    const head = el("header", "packet-head",
      el("h2", "", this.title || "Interview loop"),
      el("p", "", `${qs.length} question${qs.length === 1 ? "" : "s"} · ${minutes(total)} · ${location.href}`),
      el("p", "packet-blanks", "Candidate: ________________  Interviewer: ________________  Date: __________"));
    $("packet").replaceChildren(head, ...qs.map((q, i) => packetQuestion(q, i)), scoringSheet(qs));
  }
}

function list(title, items) {
  if (!items.length) return [];
  return [el("h4", "", title), el("ul", "", ...items.map((t) => el("li", "", t)))];
}

function packetQuestion(q, i) {
  const iv = q.interviewer;
  const rubric = el("dl", "packet-rubric");
  for (const [level, text] of [["Strong", iv.rubric.strong], ["Adequate", iv.rubric.adequate], ["Weak", iv.rubric.weak]]) {
    if (text) rubric.append(el("dt", "", level), el("dd", "", text));
  }
  return el("article", "packet-q",
    el("h3", "", `${i + 1}. ${q.id} — ${q.title}`),
    el("p", "packet-meta", `${label(q.difficulty)} · ${label(q.dimension)} · ${label(q.phase)} · ${minutes(q.duration_minutes)} · ${siteURL(q.path)}`),
    ...list("Key points", iv.key_points),
    ...(rubric.children.length ? [el("h4", "", "Rubric"), rubric] : []),
    ...list("Follow-up questions", iv.follow_ups),
    ...list("Common mistakes", iv.common_mistakes),
    el("p", "packet-notes", "Notes:"));
}

function clip(text, n) {
  if (text.length <= n) return text;
  const cut = text.lastIndexOf(" ", n - 1);
  return text.slice(0, cut > n / 2 ? cut : n - 1) + "…";
}

function scoringSheet(qs) {
  const levels = ["Strong", "Adequate", "Weak", "Not covered"];
  const headRow = el("tr", "", ...["#", "Question", "Minutes", ...levels, "Notes"].map((t) => {
    const th = el("th", "", t);
    th.scope = "col";
    return th;
  }));
  const rows = qs.map((q, i) => el("tr", "",
    el("td", "", String(i + 1)),
    el("td", "score-question", `${q.id} — ${clip(q.title, 90)}`),
    el("td", "", String(q.duration_minutes)),
    ...levels.map(() => el("td", "score-box", "☐")),
    el("td", "score-notes", "")));
  const table = el("table", "scoring-table", el("thead", "", headRow), el("tbody", "", ...rows));
  return el("section", "scoring",
    el("h3", "", "Scoring sheet"),
    table,
    el("p", "", "Overall: ☐ Strong hire   ☐ Hire   ☐ No hire   ☐ Strong no hire"));
}

async function init() {
  const status = $("loop-total");
  try {
    const response = await fetch(siteURL("/exports/questions.json"));
    if (!response.ok) throw new Error(`questions.json: HTTP ${response.status}`);
    new Builder(await response.json()).start();
  } catch (err) {
    builder.hidden = false;
    status.textContent = `The question data could not be loaded (${err.message}); reload the page to try again.`;
  }
}

if (builder) init();
