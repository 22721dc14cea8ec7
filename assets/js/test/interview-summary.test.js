// Unit tests of the requirements interview's summary: node --test assets/js/test/
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";

import { checklistStatus, isAnswered, renderSummary, summaryFileName, triggeredRisks } from "../interview-summary.js";

const bank = JSON.parse(readFileSync(new URL("./bank.fixture.json", import.meta.url), "utf8"));
const links = {
  "PE-001": { title: "p99 after traffic doubled", url: "https://handbook.example/q/p99/" },
  "PE-014": { title: "Partitioning vs sharding", url: "https://handbook.example/q/sharding/" },
};
const options = { date: "2026-11-23", links };

// The 14 section headings of the specification's summary template, in order.
const SPEC_SECTIONS = [
  "## 1. Performance SLOs (Service Level Objectives)",
  "## 2. Scale Requirements",
  "## 3. Traffic Patterns",
  "## 4. Caching Strategy",
  "## 5. Database Optimization",
  "## 6. Resource Constraints",
  "## 7. Monitoring & Observability",
  "## 8. Performance Budgets",
  "## 9. Performance Testing Plan",
  "## 10. Optimization Priorities",
  "## 11. Degradation Strategy",
  "## 12. Scalability Roadmap",
  "## 13. Open Performance Questions",
  "## 14. Next Steps",
];

const complete = {
  feature: { note: "Checkout search" },
  context: { choice: ["technical", "ux"] },
  latency: { choice: "fast", note: "Search API at p95" },
  scale: { choice: "large" },
  access: { choice: "write-heavy", note: "Orders are written\nfar more than read" },
  indexes: { note: "orders(customer_id, created_at)" },
  degrade: { choice: ["queue", "breaker"] },
  priorities: { choice: ["indexes"] },
  open: { note: "- Can the payment API take 3x?\n\n2. Which region first?" },
  next: { choice: ["tests", "integration"] },
};

const partial = {
  feature: { note: "Checkout search" },
  latency: { choice: "interactive" },
  scale: { choice: "large" },
};

function headings(md, level) {
  return md.split("\n").filter((l) => l.startsWith("#".repeat(level) + " "));
}

function section(md, number) {
  const start = md.indexOf(SPEC_SECTIONS[number - 1]);
  const end = number < 14 ? md.indexOf(SPEC_SECTIONS[number]) : md.length;
  assert.ok(start >= 0, `section ${number} is missing`);
  return md.slice(start, end);
}

for (const [name, answers] of [["complete", complete], ["partial", partial], ["empty", {}]]) {
  test(`${name} answers: the 14 sections of the specification's template, in order`, () => {
    const md = renderSummary(bank, answers, options);
    assert.deepEqual(headings(md, 1), ["# Performance & Scalability Interview Summary"]);
    assert.deepEqual(headings(md, 2), SPEC_SECTIONS);
    assert.match(md, /^\*\*Date\*\*: 2026-11-23 {2}$/m);
    assert.match(md, /^\*\*Interviewer\*\*: Senior Performance Engineer {2}$/m);
    assert.match(md, /\n---\n\n\*\*Interview Status\*\*: .+\n$/);
  });
}

test("complete answers: every answer in its place, nothing open, status complete", () => {
  const md = renderSummary(bank, complete, options);
  assert.match(md, /^\*\*Feature\*\*: Checkout search {2}$/m);
  assert.match(md, /^\*\*Context\*\*: Technical requirements; UX requirements$/m);
  assert.match(section(md, 1), /### Latency Requirements\n\n- \*\*Latency target\*\*: Fast \(<500ms\) — Users notice but acceptable \(standard web app target\)\n {2}- Notes: Search API at p95/);
  assert.match(section(md, 3), /- \*\*Read\/write mix\*\*: Write-heavy \(50%\+ writes\).*\n {2}- Notes: Orders are written\n {4}far more than read/);
  assert.match(section(md, 11), /- \*\*Graceful degradation\*\*:\n {2}- Queue requests — Accept request, process asynchronously\n {2}- Circuit breaker — Fail fast/);
  assert.doesNotMatch(md, /Open question:/);
  assert.match(section(md, 13), /- \[ \] Can the payment API take 3x\?\n- \[ \] Which region first\?/);
  assert.doesNotMatch(section(md, 13), /What is still open/, "the team's own list is not itself an open question");
  assert.match(md, /\*\*Interview Status\*\*: ✅ Complete - Ready for next phase\n$/);
});

test("complete answers: the risk they point at is ranked and links the handbook questions that exist", () => {
  const prio = section(renderSummary(bank, complete, options), 10);
  assert.match(prio, /- \*\*Chosen priorities\*\*:\n {2}- Database indexes/);
  assert.match(prio, /Ranked by impact:\n\n1\. \*\*Write-heavy at large scale\*\*: One primary takes every write\./);
  assert.match(prio, /2\. \*\*Queued requests under load\*\*/, "low impact after high");
  assert.match(prio, /- \*\*Handbook questions\*\*: \[PE-014: Partitioning vs sharding\]\(https:\/\/handbook\.example\/q\/sharding\/\)\n/);
  assert.doesNotMatch(prio, /PE-404/, "a question without a link is left out");
  assert.doesNotMatch(prio, /Interactive latency/, "fast is not interactive");
});

test("partial answers: unanswered parts are open questions, never filled in", () => {
  const md = renderSummary(bank, partial, options);
  assert.match(section(md, 3), /- \*\*Read\/write mix\*\*: _Open question: For data access patterns, what's most common\?_/);
  assert.match(md, /^\*\*Context\*\*: _Open question: Which earlier interviews does this build on\?_$/m);
  const open = section(md, 13);
  assert.match(open, /- \[ \] For data access patterns, what's most common\? \(3\. Traffic Patterns\)/);
  assert.match(open, /- \[ \] Which lookups need indexes\? \(5\. Database Optimization\)/);
  assert.match(open, /- \[ \] Which earlier interviews does this build on\?\n/);
  assert.doesNotMatch(open, /What are your latency expectations/, "answered questions are not open");
  for (const label of ["Write-heavy", "Mostly reads", "Queue requests", "Circuit breaker", "Create performance tests"]) {
    assert.doesNotMatch(md, new RegExp(label), `${label} was not chosen and must not appear`);
  }
  assert.match(section(md, 10), /1\. \*\*Interactive latency\*\*.*\n.*\n.*\n {3}- \*\*Handbook questions\*\*: \[PE-001: /);
  assert.match(md, /\*\*Interview Status\*\*: ⏳ Incomplete - 1 of 3 checklist items answered/);
});

test("empty answers: everything is open and nothing is invented", () => {
  const md = renderSummary(bank, {}, options);
  assert.match(md, /^\*\*Feature\*\*: _Open question: What is the feature called\?_ {2}$/m);
  const open = section(md, 13).split("\n").filter((l) => l.startsWith("- [ ] "));
  assert.equal(open.length, 9, "every question but the team's own open list");
  for (const q of bank.rounds.flatMap((r) => r.questions)) {
    for (const o of q.options || []) assert.ok(!md.includes(o.label), `${o.label} appears without being chosen`);
  }
  assert.match(section(md, 10), /none of the answers given matches a known risk/);
  assert.match(md, /Incomplete - 0 of 3 checklist items answered/);
});

test("free text cannot add headings or rules to the summary", () => {
  const md = renderSummary(bank, { feature: { note: "# Not a heading" }, indexes: { note: "ok\n## 15. Injected\n---\n> quote" } }, options);
  assert.deepEqual(headings(md, 2), SPEC_SECTIONS);
  assert.deepEqual(headings(md, 1), ["# Performance & Scalability Interview Summary"]);
  assert.match(md, /- \*\*Indexes needed\*\*: ok\n {2}\\## 15\. Injected\n {2}\\---\n {2}\\> quote/);
});

test("isAnswered: a choice, or free text that says something", () => {
  const q = bank.rounds[0].questions[2];
  assert.equal(isAnswered(q, undefined), false);
  assert.equal(isAnswered(q, { note: "   " }), false);
  assert.equal(isAnswered(q, { choice: "no-such-option" }), false);
  assert.equal(isAnswered(q, { choice: "fast" }), true);
  assert.equal(isAnswered(q, { note: "p95 < 300 ms" }), true);
});

test("checklistStatus fills as the questions behind each item are answered", () => {
  const done = (answers) => checklistStatus(bank, answers).filter((s) => s.done).map((s) => s.id);
  assert.deepEqual(done({}), []);
  assert.deepEqual(done({ latency: { choice: "fast" }, scale: { choice: "large" } }), ["targets"]);
  assert.deepEqual(done(complete), ["targets", "scale", "degradation"]);
});

test("triggeredRisks needs every condition, and ranks by impact", () => {
  const ids = (answers) => triggeredRisks(bank, answers).map((r) => r.id);
  assert.deepEqual(ids({ access: { choice: "write-heavy" } }), []);
  assert.deepEqual(ids({ access: { choice: "write-heavy" }, scale: { choice: "large" }, latency: { choice: "interactive" }, degrade: { choice: ["queue"] } }),
    ["write-heavy-at-scale", "interactive", "degrade-with-queue"]);
});

test("summaryFileName names the feature and the date", () => {
  assert.equal(summaryFileName(bank, complete, "2026-11-23"), "performance-summary-checkout-search-2026-11-23.md");
  assert.equal(summaryFileName(bank, {}, "2026-11-23"), "performance-summary-2026-11-23.md");
  assert.equal(summaryFileName(bank, { feature: { note: "../../etc/passwd" } }, ""), "performance-summary-etc-passwd.md");
});
