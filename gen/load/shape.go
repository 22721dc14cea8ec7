package load

import (
	"fmt"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/perfhandbook/handbook/gen/diag"
	"github.com/perfhandbook/handbook/gen/handbook"
)

// checkShape applies the rules carried by the model's struct tags to a
// decoded value: fields without omitempty are required, enum values must be
// in their list, and `pattern` tags must match.
func checkShape(file string, v any, problems *diag.List) {
	walkShape(reflect.ValueOf(v), "$", func(path, format string, args ...any) {
		problems.Errorf(file, path, format, args...)
	})
}

type reportFunc func(path, format string, args ...any)

var enumType = reflect.TypeFor[handbook.Enum]()

func walkShape(v reflect.Value, path string, report reportFunc) {
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			walkShape(v.Elem(), path, report)
		}
	case reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			item, at := v.Index(i), fmt.Sprintf("%s[%d]", path, i)
			if item.Kind() == reflect.Pointer && item.IsNil() {
				// A bare "-" or "- null": nothing after it may meet a nil entry.
				report(at, "empty list item; expected an entry with its fields")
				continue
			}
			walkShape(item, at, report)
		}
	case reflect.Struct:
		t := v.Type()
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			name, optional, ok := yamlName(f)
			if !ok {
				continue
			}
			walkField(v.Field(i), f, path+"."+name, optional, report)
		}
	}
}

func walkField(fv reflect.Value, f reflect.StructField, path string, optional bool, report reportFunc) {
	if !optional && isMissing(fv) {
		report(path, "required field is missing or empty")
		return
	}
	if fv.Kind() == reflect.String && fv.Len() > 0 {
		checkString(fv, f, path, report)
	}
	if fv.Kind() == reflect.Slice && fv.Type().Elem().Implements(enumType) {
		seen := map[string]bool{}
		for i := 0; i < fv.Len(); i++ {
			s := fv.Index(i).String()
			checkEnum(fv.Index(i), fmt.Sprintf("%s[%d]", path, i), report)
			if seen[s] {
				report(fmt.Sprintf("%s[%d]", path, i), "%q is listed twice", s)
			}
			seen[s] = true
		}
		return
	}
	walkShape(fv, path, report)
}

func checkString(fv reflect.Value, f reflect.StructField, path string, report reportFunc) {
	if fv.Type().Implements(enumType) {
		checkEnum(fv, path, report)
	}
	if pat := f.Tag.Get("pattern"); pat != "" && !compiled(pat).MatchString(fv.String()) {
		report(path, "%q does not have the expected form (%s)", fv.String(), describePattern(f))
	}
	switch fv.Type() {
	case reflect.TypeFor[handbook.Date]():
		if !validDate(fv.String(), true) {
			report(path, "%q is not a date written YYYY-MM-DD", fv.String())
		}
	case reflect.TypeFor[handbook.YearMonth]():
		if !validDate(fv.String(), false) {
			report(path, "%q is not a month written YYYY-MM", fv.String())
		}
	}
}

func checkEnum(v reflect.Value, path string, report reportFunc) {
	values := v.Interface().(handbook.Enum).Values()
	if !slices.Contains(values, v.String()) {
		report(path, "%q is not allowed; expected one of: %s", v.String(), strings.Join(values, ", "))
	}
}

func describePattern(f reflect.StructField) string {
	if d := f.Tag.Get("doc"); d != "" {
		return d
	}
	return "pattern " + f.Tag.Get("pattern")
}

// isMissing reports a required value that was left out. Booleans and
// structs cannot be told apart from their zero value and are never "missing".
func isMissing(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.String:
		return strings.TrimSpace(v.String()) == ""
	case reflect.Slice, reflect.Map:
		return v.Len() == 0
	case reflect.Int, reflect.Int64:
		return v.Int() == 0
	case reflect.Pointer:
		return v.IsNil()
	}
	return false
}

// yamlName returns a field's YAML key and whether it is optional.
func yamlName(f reflect.StructField) (name string, optional, ok bool) {
	tag := f.Tag.Get("yaml")
	if tag == "" || tag == "-" || !f.IsExported() {
		return "", false, false
	}
	name, opts, _ := strings.Cut(tag, ",")
	return name, strings.Contains(opts, "omitempty"), true
}

var patterns sync.Map

func compiled(pat string) *regexp.Regexp {
	if re, ok := patterns.Load(pat); ok {
		return re.(*regexp.Regexp)
	}
	re := regexp.MustCompile(pat) // patterns are constants in the model's tags
	patterns.Store(pat, re)
	return re
}

func validDate(s string, withDay bool) bool {
	parts := strings.Split(s, "-")
	if (withDay && len(parts) != 3) || (!withDay && len(parts) != 2) || len(parts[0]) != 4 {
		return false
	}
	y, e1 := strconv.Atoi(parts[0])
	m, e2 := strconv.Atoi(parts[1])
	if e1 != nil || e2 != nil || y < 1900 || m < 1 || m > 12 || len(parts[1]) != 2 {
		return false
	}
	if !withDay {
		return true
	}
	d, err := strconv.Atoi(parts[2])
	return err == nil && len(parts[2]) == 2 && d >= 1 && d <= daysIn(y, m)
}

func daysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// knownFields lists the YAML keys allowed at path inside a value of type t.
func knownFields(t reflect.Type, path string) string {
	st := typeAt(t, path)
	if st == nil {
		return ""
	}
	var names []string
	for i := 0; i < st.NumField(); i++ {
		if name, _, ok := yamlName(st.Field(i)); ok {
			names = append(names, name)
		}
	}
	return strings.Join(names, ", ")
}

// typeAt follows a YAML path ("$.chain", "$[2].authors") through a Go type
// and returns the struct type found there, or nil.
func typeAt(t reflect.Type, path string) reflect.Type {
	for t != nil && (t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice) {
		t = t.Elem()
	}
	rest := strings.TrimPrefix(path, "$")
	for rest != "" {
		var seg string
		switch rest[0] {
		case '[':
			end := strings.IndexByte(rest, ']')
			if end < 0 {
				return nil
			}
			rest = rest[end+1:]
			for t.Kind() == reflect.Pointer {
				t = t.Elem()
			}
			if t.Kind() == reflect.Slice {
				t = t.Elem()
			}
			continue
		case '.':
			rest = rest[1:]
			end := strings.IndexAny(rest, ".[")
			if end < 0 {
				end = len(rest)
			}
			seg, rest = rest[:end], rest[end:]
		default:
			return nil
		}
		t = fieldType(t, seg)
		if t == nil {
			return nil
		}
	}
	for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice {
		t = t.Elem()
	}
	if t.Kind() != reflect.Struct {
		return nil
	}
	return t
}

func fieldType(t reflect.Type, key string) reflect.Type {
	for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice {
		t = t.Elem()
	}
	if t.Kind() != reflect.Struct {
		return nil
	}
	for i := 0; i < t.NumField(); i++ {
		if name, _, ok := yamlName(t.Field(i)); ok && name == key {
			return t.Field(i).Type
		}
	}
	return nil
}

// parentPath drops the last segment of a YAML path.
func parentPath(path string) string {
	i := strings.LastIndexAny(path, ".[")
	if i <= 0 {
		return "$"
	}
	return path[:i]
}
