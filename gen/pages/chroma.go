package pages

import (
	"bytes"
	"fmt"
	"runtime"
	"strings"
	"sync"

	"github.com/alecthomas/chroma/v2"
	"github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/alecthomas/chroma/v2/lexers"
	"github.com/alecthomas/chroma/v2/styles"

	"github.com/perfhandbook/handbook/gen/handbook"
)

// Code highlighting uses classes (no inline styles, so the CSP can stay
// strict); the colours come from these chroma styles.
const (
	LightCodeStyle = "github"
	DarkCodeStyle  = "github-dark"
)

// chromaCSS renders the light style, and the dark style scoped to the dark
// theme: by system preference unless the reader chose light, or by choice.
// Only the token classes that the handbook's code actually produces are
// kept (see usedTokenClasses): the stylesheet is on every question page's
// first flight, and a full style pair is three times larger.
func chromaCSS(used map[string]bool) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "/* %s from chroma styles %s and %s — do not edit. */\n", Marker, LightCodeStyle, DarkCodeStyle)
	b.Write(styleCSS(LightCodeStyle, "", used))
	b.WriteString("@media (prefers-color-scheme: dark) {\n")
	b.Write(darkCSS(":root:not([data-theme=light]) ", used))
	b.WriteString("}\n")
	b.Write(darkCSS(":root[data-theme=dark] ", used))
	return b.Bytes()
}

// darkCSS is the dark style under prefix. Tokens the dark style leaves
// unstyled would keep the light style's colour (unreadable on a dark
// background), so every token first falls back to the text colour.
func darkCSS(prefix string, used map[string]bool) []byte {
	reset := prefix + ".chroma span { color: inherit; background-color: transparent; font-weight: inherit; font-style: inherit; }\n"
	return append([]byte(reset), styleCSS(DarkCodeStyle, prefix, used)...)
}

// usedTokenClasses tokenises every distinct practical block, on all cores,
// with the lexer Hugo picks for its language (the same chroma, through the
// same module graph) and returns the CSS classes of the token types that
// occur.
func usedTokenClasses(qs []*handbook.Question) map[string]bool {
	type block struct{ lang, code string }
	seen := map[block]bool{}
	work := make(chan block)
	go func() {
		for _, q := range qs {
			for _, p := range q.Practical {
				if b := (block{p.Language, p.Code}); !seen[b] {
					seen[b] = true
					work <- b
				}
			}
		}
		close(work)
	}()
	var mu sync.Mutex
	var wg sync.WaitGroup
	used := map[string]bool{}
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for b := range work {
				classes := tokenClassesOf(b.lang, b.code)
				mu.Lock()
				for c := range classes {
					used[c] = true
				}
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	return used
}

// tokenClassesMemo remembers tokenClassesOf per code block for the life of
// the process: gen serve renders the pages again after every edit, and
// re-tokenising every unchanged block was most of that.
var tokenClassesMemo sync.Map // [2]string{lang, code} → map[string]bool

// tokenClassesOf returns the classes of the tokens in code; an unknown
// language yields none (Hugo shows it as plain text). The result is shared:
// do not modify it.
func tokenClassesOf(lang, code string) map[string]bool {
	key := [2]string{lang, code}
	if m, ok := tokenClassesMemo.Load(key); ok {
		return m.(map[string]bool)
	}
	m := tokenise(lang, code)
	tokenClassesMemo.Store(key, m)
	return m
}

func tokenise(lang, code string) map[string]bool {
	out := map[string]bool{}
	lexer := lexers.Get(lang)
	if lexer == nil {
		return out
	}
	it, err := chroma.Coalesce(lexer).Tokenise(nil, code)
	if err != nil {
		return out
	}
	for t := it(); t != chroma.EOF; t = it() {
		out[chroma.StandardTypes[t.Type]] = true
	}
	return out
}

// tokenClasses are the classes chroma gives token types (as opposed to
// structural classes such as chroma, line or ln, which are always kept).
var tokenClasses = func() map[string]bool {
	m := map[string]bool{}
	for t, c := range chroma.StandardTypes {
		if t > 0 { // negative types are the background, lines, line numbers and errors
			m[c] = true
		}
	}
	return m
}()

// styleCSS writes one chroma style's rules, each selector prefixed, leaving
// out rules for token classes that are not in used.
func styleCSS(name, prefix string, used map[string]bool) []byte {
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
		if c := lastClass(line); c != "" && tokenClasses[c] && !used[c] {
			continue
		}
		if strings.HasPrefix(line, ".") || strings.HasPrefix(line, "pre") {
			line = prefix + line
		}
		out.WriteString(line + "\n")
	}
	return out.Bytes()
}

// lastClass is the class a rule such as ".chroma .k { … }" styles.
func lastClass(rule string) string {
	sel, _, _ := strings.Cut(rule, "{")
	sel = strings.TrimSpace(sel)
	i := strings.LastIndex(sel, ".")
	if i < 0 || strings.ContainsAny(sel[i:], " :>[") {
		return ""
	}
	return sel[i+1:]
}
