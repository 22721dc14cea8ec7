// Site-wide enhancements, all optional: every page works without them.
// Theme toggle, copy buttons for code blocks and copy-link buttons for headings.

import { flash } from "./flash.js";

const THEME_KEY = "handbook-theme";

function initTheme() {
  const root = document.documentElement;
  const stored = localStorage.getItem(THEME_KEY);
  if (stored === "dark" || stored === "light") root.dataset.theme = stored;
  const button = document.querySelector(".theme-toggle");
  if (!button) return;
  const isDark = () =>
    root.dataset.theme === "dark" ||
    (!root.dataset.theme && matchMedia("(prefers-color-scheme: dark)").matches);
  const sync = () => button.setAttribute("aria-pressed", String(isDark()));
  button.hidden = false;
  sync();
  button.addEventListener("click", () => {
    root.dataset.theme = isDark() ? "light" : "dark";
    localStorage.setItem(THEME_KEY, root.dataset.theme);
    sync();
    document.dispatchEvent(new CustomEvent("themechange"));
  });
  matchMedia("(prefers-color-scheme: dark)").addEventListener("change", sync);
}


async function copy(text, button) {
  try {
    await navigator.clipboard.writeText(text);
    flash(button, "Copied");
  } catch {
    flash(button, "Copy failed");
  }
}

function initCopyButtons() {
  for (const block of document.querySelectorAll(".code")) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "copy";
    button.textContent = "Copy";
    button.setAttribute("aria-label", "Copy code to clipboard");
    button.addEventListener("click", () => copy(block.querySelector("pre").innerText, button));
    block.append(button);
  }
  for (const anchor of document.querySelectorAll(".qbody .anchor, .qhead .anchor")) {
    anchor.addEventListener("click", (event) => {
      event.preventDefault();
      history.replaceState(null, "", anchor.hash);
      copy(anchor.href, anchor);
    });
  }
}

// Marks questions practised in this browser wherever they are listed.
function markPractised() {
  let ids;
  try {
    ids = new Set(JSON.parse(localStorage.getItem("handbook-practised") || "[]"));
  } catch {
    return;
  }
  for (const item of document.querySelectorAll(".qitem")) {
    const id = item.querySelector(".qid")?.textContent.trim();
    if (ids.has(id)) {
      const badge = document.createElement("span");
      badge.className = "practised";
      badge.textContent = " · practised";
      item.querySelector(".qid").append(badge);
    }
  }
}

initTheme();
initCopyButtons();
markPractised();
