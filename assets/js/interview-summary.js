// The requirements interview's logic, without the page: which questions are
// answered, which checklist items and risks follow from the answers, and the
// "Performance & Scalability Interview Summary" as Markdown. Pure functions of
// the bank (interview-bank.json's "bank") and the answers, so they can be
// tested with node --test.
//
// Answers are { [questionId]: { choice: "id" | ["id", …], note: "text" } }.
// An unanswered question is never filled in: the summary marks it as an open
// question where its answer would go and lists it in the open-questions section.

const IMPACT_ORDER = { high: 0, medium: 1, low: 2 };

// questionsOf lists the bank's questions in the order they are asked.
export function questionsOf(bank) {
  return bank.rounds.flatMap((r) => r.questions);
}

function chosen(q, answer) {
  const choice = answer?.choice;
  const ids = Array.isArray(choice) ? choice : choice ? [choice] : [];
  return (q.options || []).filter((o) => ids.includes(o.id));
}

function note(answer) {
  return typeof answer?.note === "string" ? answer.note.trim() : "";
}

// isAnswered: an option is chosen or the free text says something.
export function isAnswered(q, answer) {
  return chosen(q, answer).length > 0 || note(answer) !== "";
}

// checklistStatus says which "Interview Complete" items are answered.
export function checklistStatus(bank, answers) {
  const byId = new Map(questionsOf(bank).map((q) => [q.id, q]));
  return bank.checklist.map((item) => ({
    id: item.id,
    text: item.text,
    done: item.questions.every((id) => byId.has(id) && isAnswered(byId.get(id), answers[id])),
  }));
}

// triggeredRisks lists the risks whose every condition holds, high impact first.
export function triggeredRisks(bank, answers) {
  const byId = new Map(questionsOf(bank).map((q) => [q.id, q]));
  const holds = (c) => byId.has(c.question) && chosen(byId.get(c.question), answers[c.question]).some((o) => c.any.includes(o.id));
  return (bank.risks || [])
    .filter((r) => r.when.length > 0 && r.when.every(holds))
    .map((r, i) => ({ r, i }))
    .sort((a, b) => (IMPACT_ORDER[a.r.impact] ?? 3) - (IMPACT_ORDER[b.r.impact] ?? 3) || a.i - b.i)
    .map(({ r }) => r);
}

// escapeLine keeps a line of free text from becoming Markdown structure
// (headings, quotes, rules, list items) when it is placed in a list item.
function escapeLine(line) {
  return /^(#|>|[-=*_]{3,}\s*$|[-+*]\s|\d+[.)]\s)/.test(line) ? "\\" + line : line;
}

// textBlock formats free text as a list item's content: the first line
// inline, later lines indented under it.
function textBlock(text, indent) {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .map(escapeLine);
  return lines.join("\n" + " ".repeat(indent));
}

function openMark(q) {
  return `_Open question: ${q.ask}_`;
}

function optionText(o) {
  return o.detail ? `${o.label} — ${o.detail}` : o.label;
}

// answerItem renders one question's answer as a Markdown list item.
function answerItem(q, answer) {
  if (!isAnswered(q, answer)) return `- **${q.label}**: ${openMark(q)}`;
  const options = chosen(q, answer);
  const text = note(answer);
  if (q.kind === "text") return `- **${q.label}**: ${textBlock(text, 2)}`;
  const lines = [];
  if (q.kind === "single" && options.length) {
    lines.push(`- **${q.label}**: ${optionText(options[0])}`);
  } else {
    lines.push(`- **${q.label}**:${options.length ? "" : " (no option chosen)"}`);
    for (const o of options) lines.push(`  - ${optionText(o)}`);
  }
  if (text) lines.push(`  - Notes: ${textBlock(text, 4)}`);
  return lines.join("\n");
}

// headerValue is one bold header field's value.
function headerValue(field, byId, answers, date) {
  if (field.today) return date;
  if (field.text) return field.text;
  const q = byId.get(field.question);
  const a = answers[field.question];
  if (!q || !isAnswered(q, a)) return q ? openMark(q) : "";
  const parts = chosen(q, a).map((o) => o.label);
  const text = note(a).split(/\r?\n/).map((l) => l.trim()).filter(Boolean).join(" ");
  if (text) parts.push(text);
  return parts.join("; ");
}

function riskItem(risk, n, links) {
  const lines = [
    `${n}. **${risk.title}**: ${risk.why}`,
    `   - **Impact**: ${risk.impact.charAt(0).toUpperCase()}${risk.impact.slice(1)}`,
    `   - **Implementation**: ${risk.recommendation}`,
  ];
  const linked = (risk.questions || []).filter((id) => links[id]);
  if (linked.length) {
    lines.push(`   - **Handbook questions**: ${linked.map((id) => `[${id}: ${links[id].title}](${links[id].url})`).join("; ")}`);
  }
  return lines.join("\n");
}

// sectionBody renders a section's own questions, then what it collects.
function sectionBody(section, ctx) {
  const out = [];
  const mine = ctx.questions.filter((q) => q.section === section.id);
  const block = (qs) => qs.map((q) => answerItem(q, ctx.answers[q.id])).join("\n");
  if (section.collects === "open-questions") {
    out.push(openQuestions(mine, ctx));
    return out;
  }
  const top = mine.filter((q) => !q.subsection);
  if (top.length) out.push(block(top));
  for (const sub of section.subsections || []) {
    const qs = mine.filter((q) => q.subsection === sub.id);
    if (qs.length) out.push(`### ${sub.title}`, block(qs));
  }
  if (section.collects === "risks") out.push(...risksBlock(ctx));
  return out;
}

function risksBlock(ctx) {
  const risks = triggeredRisks(ctx.bank, ctx.answers);
  if (!risks.length) return ["Ranked by impact: none of the answers given matches a known risk."];
  return ["Ranked by impact:", risks.map((r, i) => riskItem(r, i + 1, ctx.links)).join("\n\n")];
}

// openQuestions lists every unanswered question, then the team's own.
function openQuestions(own, ctx) {
  const items = [];
  for (const q of ctx.questions) {
    if (own.includes(q) || isAnswered(q, ctx.answers[q.id])) continue;
    const where = ctx.sectionOf.get(q.section);
    items.push(`- [ ] ${q.ask}${where ? ` (${where.number}. ${where.title})` : ""}`);
  }
  for (const q of own) {
    for (const line of note(ctx.answers[q.id]).split(/\r?\n/)) {
      const text = line.replace(/^\s*(?:[-*+]|\d+[.)])\s+(?:\[[ xX]\]\s+)?/, "").trim();
      if (text) items.push(`- [ ] ${escapeLine(text)}`);
    }
  }
  return items.length ? items.join("\n") : "- None: every question was answered.";
}

// renderSummary writes the summary. options: date (YYYY-MM-DD), links (the
// export's "questions": handbook questions by id, with title and url).
export function renderSummary(bank, answers = {}, { date = "", links = {} } = {}) {
  const questions = questionsOf(bank);
  const byId = new Map(questions.map((q) => [q.id, q]));
  const ctx = { bank, answers, links, questions, sectionOf: new Map(bank.summary.sections.map((s) => [s.id, s])) };
  const parts = [`# ${bank.summary.title}`, bank.summary.header.map((f) => `**${f.label}**: ${headerValue(f, byId, answers, date)}`).join("  \n"), "---"];
  for (const section of bank.summary.sections) {
    parts.push(`## ${section.number}. ${section.title}`, ...sectionBody(section, ctx), "---");
  }
  const status = checklistStatus(bank, answers);
  const done = status.filter((s) => s.done).length;
  const line = done === status.length
    ? bank.summary.status_complete
    : bank.summary.status_incomplete.replace("{answered}", String(done)).replace("{total}", String(status.length));
  parts.push(`**Interview Status**: ${line}`);
  return parts.join("\n\n") + "\n";
}

// summaryFileName names the downloaded file after the feature and the date.
export function summaryFileName(bank, answers, date) {
  const feature = bank.summary.header.find((f) => f.question);
  const text = feature ? note(answers[feature.question]).split(/\r?\n/)[0] : "";
  const slug = text.toLowerCase().normalize("NFKD").replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 40).replace(/-+$/, "");
  return `performance-summary${slug ? "-" + slug : ""}${date ? "-" + date : ""}.md`;
}
