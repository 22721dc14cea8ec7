package validate

import (
	"fmt"
	"reflect"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/perfhandbook/handbook/gen/diag"
	"github.com/perfhandbook/handbook/gen/handbook"
	"github.com/perfhandbook/handbook/gen/load"
	"github.com/perfhandbook/handbook/gen/par"
)

// Field length limits, in characters. Markdown parsers (ours and Hugo's)
// take time that grows faster than linearly on some inputs, so a limit per
// field keeps every build fast whatever the data holds. The longest real
// text field is about 600 characters and the longest code block under 2,000.
const (
	MaxTextLength = 2000 // text shown to readers: prose, titles, names
	MaxCodeLength = 5000 // everything else: code, diagram sources, ids, URLs
)

// shortcodeOpeners start a Hugo shortcode. Hugo runs shortcodes in the
// generated Markdown, even inside code blocks, so data could otherwise call
// any template ({{< youtube >}} embeds another site) or break the build.
var shortcodeOpeners = []string{"{{<", "{{%"}

// dataFile is one decoded data file.
type dataFile struct {
	file  string
	value any
}

// dataFiles lists every decoded data file, for the rules that hold for all
// text in them.
func (v *validator) dataFiles() []dataFile {
	files := []dataFile{
		{v.file(load.MetaFile), &v.h.Meta},
		{v.file(load.GlossaryFile), v.h.Glossary},
		{v.file(load.AbbrevFile), v.h.Abbreviations},
		{v.file(load.ToolsFile), v.h.Tools},
		{v.file(load.LiteratureFile), v.h.Literature},
		{v.file(load.CitationsFile), v.h.Citations},
	}
	if v.h.Review != nil {
		files = append(files, dataFile{v.file(load.ReviewFile), v.h.Review})
	}
	for _, q := range v.h.Questions {
		files = append(files, dataFile{q.File, q})
	}
	return files
}

// text applies the rules every value of every file must follow: a bounded
// length and no Hugo shortcodes; and, in text shown to readers, Markdown
// without raw HTML, images or links that leave https.
func (v *validator) text() {
	files := v.dataFiles()
	found := make([]diag.List, len(files))
	// Each file's rules look at that file alone, so files are checked on
	// all cores, each into its own list; the lists are joined in file order.
	par.Each(len(files), func(i int) {
		f := files[i]
		var data []byte
		if v.src != nil {
			data = v.src.Bytes(f.file)
		}
		if cached, ok := v.cache.textProblems(f.file, data); ok {
			found[i] = cached
			return
		}
		one := &validator{h: v.h, idx: v.idx, dir: v.dir, src: v.src}
		one.textOf(f)
		v.cache.rememberTextProblems(f.file, data, one.problems)
		found[i] = one.problems
	})
	for _, problems := range found {
		v.problems = append(v.problems, problems...)
	}
}

// textOf applies the text rules to one file.
func (v *validator) textOf(f dataFile) {
	texts := map[string]string{}
	handbook.Texts(f.value, func(p, s string) { texts[p] = s })
	everyString(reflect.ValueOf(f.value), "$", func(p, s string) {
		what, limit := "field", MaxCodeLength
		if _, ok := texts[p]; ok {
			what, limit = "text field", MaxTextLength
		}
		if n := utf8.RuneCountInString(s); n > limit {
			v.problems.Errorf(f.file, p, "the value is %d characters long; a %s may hold at most %d (shorten it or split it)", n, what, limit)
			delete(texts, p)
			return
		}
		for _, open := range shortcodeOpeners {
			if strings.Contains(s, open) {
				v.problems.ErrorAt(f.file, p, open, "%q opens a Hugo shortcode, which the site would run; it is not allowed in data files", open)
			}
		}
	})
	for _, p := range sortedKeys(texts) {
		v.markdown(f.file, p, texts[p])
	}
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// everyString calls fn for every string in v with its YAML path: text,
// identifiers, URLs, code and diagram sources alike.
func everyString(v reflect.Value, path string, fn func(path, s string)) {
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			everyString(v.Elem(), path, fn)
		}
	case reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			everyString(v.Index(i), fmt.Sprintf("%s[%d]", path, i), fn)
		}
	case reflect.String:
		fn(path, v.String())
	case reflect.Struct:
		t := v.Type()
		for i := 0; i < t.NumField(); i++ {
			name, _, _ := strings.Cut(t.Field(i).Tag.Get("yaml"), ",")
			if name != "" && name != "-" && t.Field(i).IsExported() {
				everyString(v.Field(i), path+"."+name, fn)
			}
		}
	}
}
