package pages

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/alecthomas/chroma/v2/styles"
)

// Code highlighting uses classes (no inline styles, so the CSP can stay
// strict); the colours come from these chroma styles.
const (
	LightCodeStyle = "github"
	DarkCodeStyle  = "github-dark"
)

// chromaCSS renders the light style, and the dark style scoped to the dark
// theme: by system preference unless the reader chose light, or by choice.
func chromaCSS() []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "/* %s from chroma styles %s and %s — do not edit. */\n", Marker, LightCodeStyle, DarkCodeStyle)
	b.Write(styleCSS(LightCodeStyle, ""))
	b.WriteString("@media (prefers-color-scheme: dark) {\n")
	b.Write(darkCSS(":root:not([data-theme=light]) "))
	b.WriteString("}\n")
	b.Write(darkCSS(":root[data-theme=dark] "))
	return b.Bytes()
}

// darkCSS is the dark style under prefix. Tokens the dark style leaves
// unstyled would keep the light style's colour (unreadable on a dark
// background), so every token first falls back to the text colour.
func darkCSS(prefix string) []byte {
	reset := prefix + ".chroma span { color: inherit; background-color: transparent; font-weight: inherit; font-style: inherit; }\n"
	return append([]byte(reset), styleCSS(DarkCodeStyle, prefix)...)
}

// styleCSS writes one chroma style's rules, each selector prefixed.
func styleCSS(name, prefix string) []byte {
	var raw bytes.Buffer
	f := html.New(html.WithClasses(true))
	if err := f.WriteCSS(&raw, styles.Get(name)); err != nil {
		panic(err) // writing to a buffer does not fail
	}
	var out bytes.Buffer
	for _, line := range strings.Split(raw.String(), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "/*") && !strings.Contains(line, "{") {
			continue
		}
		// Lines look like "/* Keyword */ .chroma .k { color: #d73a49 }".
		if i := strings.Index(line, "*/"); strings.HasPrefix(line, "/*") && i > 0 {
			line = strings.TrimSpace(line[i+2:])
		}
		if strings.HasPrefix(line, ".") || strings.HasPrefix(line, "pre") {
			line = prefix + line
		}
		out.WriteString(line + "\n")
	}
	return out.Bytes()
}
