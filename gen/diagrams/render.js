// Used only by gen's build-time diagram renderer, never published.
import mermaid from "/mermaid.esm.min.mjs";

// Keys a diagram's %%{init}%% directive or front matter may not change (validation refuses both;
// this holds even if one slipped through): Mermaid's own list plus labels, theming and fonts.
const secure = ["secure", "securityLevel", "startOnLoad", "maxTextSize", "suppressErrorRendering", "maxEdges",
  "htmlLabels", "flowchart", "theme", "themeCSS", "themeVariables", "fontFamily", "darkMode"];

window.renderDiagram = async (source, theme, id) => {
  mermaid.initialize({
    startOnLoad: false,
    securityLevel: "strict",
    secure,
    theme,
    htmlLabels: false,
    flowchart: { htmlLabels: false },
    deterministicIds: true,
    deterministicIDSeed: id,
  });
  try {
    const { svg } = await mermaid.render(id, source, document.getElementById("stage"));
    return { svg, error: "" };
  } catch (e) {
    return { svg: "", error: String(e && e.message ? e.message : e) };
  }
};
const ready = document.createElement("p");
ready.id = "ready";
ready.textContent = "ready";
document.body.append(ready);
