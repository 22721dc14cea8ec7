// Client-side Mermaid: the fallback used when a diagram has no pre-rendered SVG.
// Loaded only on pages that contain a diagram; Mermaid itself is self-hosted.
import mermaid from "/vendor/mermaid-12.3.0/mermaid.esm.min.mjs";

const dark = () =>
  document.documentElement.dataset.theme === "dark" ||
  (!document.documentElement.dataset.theme && matchMedia("(prefers-color-scheme: dark)").matches);

const sources = new Map();
for (const el of document.querySelectorAll("pre.mermaid")) sources.set(el, el.textContent);

async function render() {
  mermaid.initialize({
    startOnLoad: false,
    securityLevel: "strict",
    theme: dark() ? "dark" : "default",
    flowchart: { htmlLabels: false },
  });
  for (const [el, src] of sources) {
    el.removeAttribute("data-processed");
    el.textContent = src;
  }
  await mermaid.run({ nodes: [...sources.keys()] });
}

render();
document.addEventListener("themechange", render);
