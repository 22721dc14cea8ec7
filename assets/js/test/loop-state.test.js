// Unit tests of the interview loop's URL state: node --test assets/js/test/
import { test } from "node:test";
import assert from "node:assert/strict";

import { cleanIds, cleanTitle, loadWorkingLoop, loopSearch, MAX_QUESTIONS, MAX_TITLE, move, parseLoop, saveWorkingLoop, totalMinutes } from "../loop-state.js";

const known = new Set(["PE-001", "PE-002", "PE-012"]);

test("parseLoop keeps known ids in order, once, whatever their case", () => {
  const loop = parseLoop("?q=pe-012,PE-001,pe-012,%20pe-002%20&title=SRE%20loop", known);
  assert.deepEqual(loop.ids, ["PE-012", "PE-001", "PE-002"]);
  assert.equal(loop.title, "SRE loop");
  assert.equal(loop.present, true);
});

test("parseLoop ignores unknown and malformed ids", () => {
  const cases = [
    ["?q=pe-999,pe-001", ["PE-001"]],
    ["?q=<img src=x onerror=alert(1)>,pe-002", ["PE-002"]],
    ["?q=pe-1,PE-0001x,,,pe-012", ["PE-012"]],
    ["?q=", []],
    ["", []],
  ];
  for (const [search, want] of cases) assert.deepEqual(parseLoop(search, known).ids, want, search);
  assert.equal(parseLoop("", known).present, false);
});

test("cleanTitle makes one line of bounded plain text", () => {
  assert.equal(cleanTitle("  SRE\n\tonsite \u0000 round 2 "), "SRE onsite round 2");
  assert.equal(cleanTitle("x".repeat(500)).length, MAX_TITLE);
  assert.equal(cleanTitle("<b>bold</b>"), "<b>bold</b>", "kept as text; the page only ever sets it as text");
});

test("cleanIds stops at the maximum loop size", () => {
  const many = Array.from({ length: MAX_QUESTIONS + 10 }, (_, i) => `PE-${String(i + 1).padStart(3, "0")}`);
  assert.equal(cleanIds(many).length, MAX_QUESTIONS);
});

test("loopSearch and parseLoop round-trip", () => {
  const loop = { ids: ["PE-012", "PE-001"], title: "Platform & SRE, round 2 / 100%" };
  const search = loopSearch(loop);
  assert.equal(search.split("&")[0], "?q=pe-012,pe-001");
  const back = parseLoop(search, known);
  assert.deepEqual([back.ids, back.title], [loop.ids, loop.title]);
});

test("move reorders within bounds and ignores moves off the ends", () => {
  const ids = ["A", "B", "C"];
  assert.deepEqual(move(ids, 0, 1), ["B", "A", "C"]);
  assert.deepEqual(move(ids, 2, -1), ["A", "C", "B"]);
  assert.deepEqual(move(ids, 0, -1), ids);
  assert.deepEqual(move(ids, 2, 1), ids);
  assert.deepEqual(ids, ["A", "B", "C"], "the input is not changed");
});

test("totalMinutes adds the questions' durations", () => {
  const byId = new Map([["PE-001", { duration_minutes: 25 }], ["PE-002", { duration_minutes: 15 }]]);
  assert.equal(totalMinutes(["PE-001", "PE-002"], byId), 40);
  assert.equal(totalMinutes([], byId), 0);
});

test("the working loop survives storage and refuses what is not a loop", () => {
  const store = new Map();
  const storage = { getItem: (k) => store.get(k) ?? null, setItem: (k, v) => store.set(k, v) };
  saveWorkingLoop(storage, { ids: ["PE-001"], title: "t" });
  assert.deepEqual(loadWorkingLoop(storage), { ids: ["PE-001"], title: "t" });
  store.set("handbook-loop", '{"ids":["PE-001","javascript:alert(1)",42],"title":{"x":1}}');
  assert.deepEqual(loadWorkingLoop(storage), { ids: ["PE-001"], title: "" });
  store.set("handbook-loop", "not json");
  assert.deepEqual(loadWorkingLoop(storage), { ids: [], title: "" });
  assert.deepEqual(loadWorkingLoop(null), { ids: [], title: "" });
});
