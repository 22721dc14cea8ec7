package handbook

import (
	"reflect"
	"strconv"
	"sync"
)

// Texts calls fn for every reader-facing text field of v (a question, a
// reference entry, or a slice of them), with the field's YAML path. These are
// the fields that may hold Markdown and mentions. Identifiers, URLs, code,
// diagram sources and closed vocabularies are skipped: their fields are
// tagged `text:"-"` or have an enum or date type.
func Texts(v any, fn func(path, text string)) {
	walkTexts(reflect.ValueOf(v), "$", func(path string, s reflect.Value) { fn(path, s.String()) })
}

// EditTexts replaces every text field that Texts visits in *v (v must be a
// pointer) with what edit returns for it.
func EditTexts(v any, edit func(path, text string) string) {
	walkTexts(reflect.ValueOf(v), "$", func(path string, s reflect.Value) {
		if s.CanSet() {
			s.SetString(edit(path, s.String()))
		}
	})
}

var stringType = reflect.TypeFor[string]()

func walkTexts(v reflect.Value, path string, fn func(path string, text reflect.Value)) {
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			walkTexts(v.Elem(), path, fn)
		}
	case reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			walkTexts(v.Index(i), path+"["+strconv.Itoa(i)+"]", fn)
		}
	case reflect.String:
		if v.Type() == stringType && v.Len() > 0 {
			fn(path, v)
		}
	case reflect.Struct:
		for _, f := range textFieldsOf(v.Type()) {
			walkTexts(v.Field(f.index), path+"."+f.name, fn)
		}
	}
}

// textField is a struct field Texts descends into.
type textField struct {
	index int
	name  string // YAML name
}

// textFields caches each struct type's text fields: gen serve walks the
// whole handbook several times per edit, and reading the tags each time
// cost as much as the walk.
var textFields sync.Map // reflect.Type → []textField

func textFieldsOf(t reflect.Type) []textField {
	if fs, ok := textFields.Load(t); ok {
		return fs.([]textField)
	}
	var fs []textField
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		name, _, _ := cutTag(f.Tag.Get("yaml"))
		if name == "" || name == "-" || f.Tag.Get("text") == "-" {
			continue
		}
		fs = append(fs, textField{i, name})
	}
	textFields.Store(t, fs)
	return fs
}

func cutTag(tag string) (name, opts string, ok bool) {
	for i := 0; i < len(tag); i++ {
		if tag[i] == ',' {
			return tag[:i], tag[i+1:], true
		}
	}
	return tag, "", false
}
