// Filters the all-questions list by difficulty, dimension, phase, cluster and role.
// Filters combine (AND across fields, OR within a field) and live in the URL query,
// e.g. ?difficulty=advanced&dimension=latency, so a filtered view can be shared and
// survives reload and back/forward. Query values are only compared with the known
// checkbox values; they are never written into the page.

const FIELDS = { difficulty: "difficulty", dimension: "dimension", phase: "phase", cluster: "cluster", role: "roles" };

const form = document.getElementById("filters");
const items = [...document.querySelectorAll("#qlist .qitem")];
const count = document.getElementById("result-count");
const empty = document.getElementById("empty-result");

const valuesOf = (item, field) => (item.dataset[FIELDS[field]] || "").split(" ").filter(Boolean);
const boxes = (field) => [...form.querySelectorAll(`input[name="${field}"]`)];

function stateFromURL() {
  const params = new URLSearchParams(location.search);
  const state = {};
  for (const field of Object.keys(FIELDS)) {
    const known = new Set(boxes(field).map((b) => b.value));
    const wanted = params.getAll(field).flatMap((v) => v.split(","));
    state[field] = new Set(wanted.filter((v) => known.has(v)));
  }
  return state;
}

function stateFromForm() {
  const state = {};
  for (const field of Object.keys(FIELDS)) {
    state[field] = new Set(boxes(field).filter((b) => b.checked).map((b) => b.value));
  }
  return state;
}

function matches(item, state, except) {
  return Object.keys(FIELDS).every((field) => {
    if (field === except || state[field].size === 0) return true;
    return valuesOf(item, field).some((v) => state[field].has(v));
  });
}

function render(state) {
  let shown = 0;
  for (const item of items) {
    const ok = matches(item, state);
    item.hidden = !ok;
    if (ok) shown++;
  }
  for (const field of Object.keys(FIELDS)) {
    for (const box of boxes(field)) {
      box.checked = state[field].has(box.value);
      // Faceted count: how many questions this choice would show with the other filters kept.
      const n = items.filter((it) => matches(it, state, field) && valuesOf(it, field).includes(box.value)).length;
      box.parentElement.querySelector("[data-count]").textContent = `(${n})`;
    }
  }
  count.textContent = `${shown} of ${items.length} questions`;
  empty.hidden = shown > 0;
}

function toQuery(state) {
  const params = new URLSearchParams();
  for (const [field, values] of Object.entries(state)) for (const v of values) params.append(field, v);
  const q = params.toString();
  return q ? `?${q}` : location.pathname;
}

if (form && items.length) {
  form.hidden = false;
  render(stateFromURL());
  form.addEventListener("change", () => {
    const state = stateFromForm();
    history.pushState(null, "", toQuery(state));
    render(state);
  });
  form.addEventListener("reset", (event) => {
    event.preventDefault();
    history.pushState(null, "", location.pathname);
    render(stateFromURL());
  });
  addEventListener("popstate", () => render(stateFromURL()));
}
