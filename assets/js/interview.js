// The requirements interview (/interview/). The page holds the whole bank as
// a form; this script asks it one round at a time, keeps the answers in
// localStorage (so the interview can be resumed), ticks off the checklist as
// it fills, and writes the summary for copy or download. The bank's logic and
// the summary live in interview-summary.js; the bank comes from
// /exports/interview-bank.json.

import { checklistStatus, questionsOf, renderSummary, summaryFileName } from "./interview-summary.js";

const STORAGE_KEY = "handbook-interview";
const MAX_NOTE = 4000;
const $ = (id) => document.getElementById(id);
const form = $("interview-form");
const siteRoot = new URL("../", import.meta.url); // scripts are published under <root>/js/

function storage() {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

function today() {
  const d = new Date();
  const pad = (n) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

function flash(button, text) {
  const before = button.textContent;
  button.textContent = text;
  setTimeout(() => (button.textContent = before), 1500);
}

class Interview {
  constructor(exported) {
    this.bank = exported.bank;
    this.links = exported.questions || {};
    this.questions = questionsOf(this.bank);
    this.rounds = [...form.querySelectorAll(".round")];
    this.store = storage();
    this.round = 0;
  }

  start() {
    const saved = this.load();
    if (saved && (Object.keys(saved.answers).length || saved.round > 0)) {
      this.write(saved.answers);
      this.round = Math.min(Math.max(0, saved.round | 0), this.rounds.length);
      const when = saved.updated ? ` from ${new Date(saved.updated).toLocaleString()}` : "";
      $("interview-resumed").textContent = `Resumed your answers${when}; they are kept in this browser only.`;
      $("interview-resumed").hidden = false;
    }
    for (const n of document.querySelectorAll("[data-nojs]")) n.hidden = true;
    $("interview-status").hidden = false;
    $("round-nav").hidden = false;
    this.addClearButtons();
    form.addEventListener("input", () => this.changed());
    form.addEventListener("change", () => this.changed());
    form.addEventListener("submit", (e) => e.preventDefault());
    $("round-prev").addEventListener("click", () => this.show(this.round - 1));
    $("round-next").addEventListener("click", () => this.show(this.round + 1));
    $("round-finish").addEventListener("click", () => this.show(this.rounds.length));
    $("summary-back").addEventListener("click", () => this.show(this.rounds.length - 1));
    $("summary-copy").addEventListener("click", (e) => this.copy(e.currentTarget));
    $("summary-download").addEventListener("click", () => this.download());
    $("interview-reset").addEventListener("click", (e) => this.reset(e.currentTarget));
    this.show(this.round, false);
    this.changed(false);
  }

  // read collects the answers from the form, by question id.
  read() {
    const answers = {};
    for (const q of this.questions) {
      const fields = form.elements;
      const a = {};
      if (q.kind !== "text") {
        const boxes = [...form.querySelectorAll(`input[name="${CSS.escape(q.id)}"]:checked`)].map((b) => b.value);
        if (boxes.length) a.choice = q.kind === "single" ? boxes[0] : boxes;
      }
      const text = fields.namedItem(`${q.id}--note`)?.value.trim();
      if (text) a.note = text.slice(0, MAX_NOTE);
      if (a.choice || a.note) answers[q.id] = a;
    }
    return answers;
  }

  // write puts saved answers back into the form; unknown ids are ignored.
  write(answers) {
    for (const q of this.questions) {
      const a = answers?.[q.id];
      if (!a || typeof a !== "object") continue;
      const choice = Array.isArray(a.choice) ? a.choice : [a.choice];
      for (const box of form.querySelectorAll(`input[name="${CSS.escape(q.id)}"]`)) box.checked = choice.includes(box.value);
      const note = form.elements.namedItem(`${q.id}--note`);
      if (note && typeof a.note === "string") note.value = a.note.slice(0, MAX_NOTE);
    }
  }

  load() {
    try {
      const v = JSON.parse(this.store?.getItem(STORAGE_KEY) || "null");
      return v && typeof v === "object" && v.answers && typeof v.answers === "object" ? v : null;
    } catch {
      return null;
    }
  }

  save() {
    try {
      this.store?.setItem(STORAGE_KEY, JSON.stringify({ answers: this.read(), round: this.round, updated: Date.now() }));
    } catch {
      // Storage refused or full: the interview still works, it just cannot be resumed.
    }
  }

  changed(persist = true) {
    if (persist) this.save();
    const status = checklistStatus(this.bank, this.read());
    for (const s of status) {
      const li = $("checklist").querySelector(`[data-item="${CSS.escape(s.id)}"]`);
      if (!li) continue;
      li.classList.toggle("is-done", s.done);
      li.querySelector("[data-state]").textContent = s.done ? " (answered)" : " (open)";
    }
    const done = status.filter((s) => s.done).length;
    $("checklist-count").textContent = `${done} of ${status.length} answered`;
    this.showProgress();
    if (this.round === this.rounds.length) this.renderSummary();
  }

  // show displays round i, or the summary when i is past the last round.
  show(i, focus = true) {
    this.round = Math.min(Math.max(0, i), this.rounds.length);
    const atSummary = this.round === this.rounds.length;
    this.rounds.forEach((r, k) => (r.hidden = k !== this.round));
    $("round-prev").disabled = this.round === 0;
    $("round-next").hidden = this.round >= this.rounds.length - 1;
    $("round-nav").hidden = atSummary;
    $("interview-summary").hidden = !atSummary;
    this.showProgress();
    if (atSummary) this.renderSummary();
    if (!focus) return; // the initial display: nothing to save or move to
    this.save();
    (atSummary ? $("summary-title") : this.rounds[this.round].querySelector("h2")).focus();
  }

  showProgress() {
    const answered = Object.keys(this.read()).length;
    const where = this.round === this.rounds.length ? "Summary" : `Round ${this.round + 1} of ${this.rounds.length}`;
    $("interview-progress").textContent = `${where} · ${answered} of ${this.questions.length} questions answered`;
  }

  // addClearButtons lets a single choice be taken back (radios cannot be unchecked).
  addClearButtons() {
    for (const set of form.querySelectorAll('fieldset[data-kind="single"]')) {
      const b = document.createElement("button");
      b.type = "button";
      b.className = "iq-clear";
      b.textContent = "Clear choice";
      b.setAttribute("aria-label", `Clear the choice: ${set.querySelector("legend").textContent}`);
      b.addEventListener("click", () => {
        for (const r of set.querySelectorAll("input[type=radio]")) r.checked = false;
        this.changed();
      });
      set.querySelector(".iq-options").after(b);
    }
  }

  summaryText() {
    return renderSummary(this.bank, this.read(), { date: today(), links: this.absoluteLinks() });
  }

  // absoluteLinks points the risks' handbook links at this site.
  absoluteLinks() {
    const out = {};
    for (const [id, q] of Object.entries(this.links)) out[id] = { title: q.title, url: new URL(q.path.replace(/^\/+/, ""), siteRoot).href };
    return out;
  }

  renderSummary() {
    $("summary-text").value = this.summaryText();
  }

  async copy(button) {
    try {
      await navigator.clipboard.writeText(this.summaryText());
      flash(button, "Copied");
    } catch {
      $("summary-text").select();
      flash(button, "Press Ctrl+C to copy");
    }
  }

  download() {
    const blob = new Blob([this.summaryText()], { type: "text/markdown;charset=utf-8" });
    const a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = summaryFileName(this.bank, this.read(), today());
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 10000);
  }

  // reset asks for a second click instead of a dialog, then erases the answers.
  reset(button) {
    if (button.dataset.confirm !== "yes") {
      button.dataset.confirm = "yes";
      button.textContent = "Click again to erase all answers";
      setTimeout(() => {
        delete button.dataset.confirm;
        button.textContent = "Start over";
      }, 5000);
      return;
    }
    form.reset();
    try {
      this.store?.removeItem(STORAGE_KEY);
    } catch {
      // nothing stored
    }
    delete button.dataset.confirm;
    button.textContent = "Start over";
    $("interview-resumed").hidden = true;
    this.changed(false);
    this.show(0);
  }
}

async function init() {
  try {
    const response = await fetch(new URL("exports/interview-bank.json", siteRoot));
    if (!response.ok) throw new Error(`interview-bank.json: HTTP ${response.status}`);
    new Interview(await response.json()).start();
  } catch (err) {
    $("interview-status").hidden = false;
    $("interview-progress").textContent = `The interview could not start (${err.message}); the questions below still work as a printable questionnaire.`;
  }
}

if (form) init();
