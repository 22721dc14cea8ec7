package diagrams

import (
	"fmt"
	"html"
	"math"
	"regexp"
	"strconv"
	"strings"
)

var (
	rootTag     = regexp.MustCompile(`(?s)^\s*<svg\b[^>]*>`)
	attr        = regexp.MustCompile(`\s([a-zA-Z:-]+)="([^"]*)"`)
	unsafeInSVG = regexp.MustCompile(`(?i)<\s*(script|foreignObject|iframe)\b|\bon[a-z]+\s*=|javascript:`)
)

// finish turns Mermaid's SVG into a standalone, accessible file: fixed width
// and height from the viewBox (no layout shift when shown as an image), role
// img with a <title> and <desc> from the data, and no inline style on the
// root. It refuses SVGs with HTML labels (foreignObject) or anything
// executable.
func finish(svg, id, title, desc string) (string, int, int, error) {
	if m := unsafeInSVG.FindString(svg); m != "" {
		return "", 0, 0, fmt.Errorf("the drawn SVG contains %q; diagrams must be pure SVG without HTML labels or scripts", m)
	}
	open := rootTag.FindString(svg)
	if open == "" {
		return "", 0, 0, fmt.Errorf("Mermaid returned no <svg> element")
	}
	attrs := map[string]string{}
	var order []string
	for _, m := range attr.FindAllStringSubmatch(open, -1) {
		if _, dup := attrs[m[1]]; !dup {
			order = append(order, m[1])
		}
		attrs[m[1]] = m[2]
	}
	w, h, err := viewBoxSize(attrs["viewBox"])
	if err != nil {
		return "", 0, 0, err
	}
	attrs["width"], attrs["height"] = strconv.Itoa(w), strconv.Itoa(h)
	attrs["role"] = "img"
	attrs["aria-labelledby"] = id + "-title " + id + "-desc"
	delete(attrs, "style")
	order = append(order, "height", "aria-labelledby")
	var b strings.Builder
	b.WriteString("<svg")
	seen := map[string]bool{}
	for _, k := range order {
		if v, ok := attrs[k]; ok && !seen[k] {
			seen[k] = true
			fmt.Fprintf(&b, ` %s="%s"`, k, v)
		}
	}
	fmt.Fprintf(&b, `><title id="%s-title">%s</title><desc id="%s-desc">%s</desc>`,
		id, html.EscapeString(title), id, html.EscapeString(desc))
	b.WriteString(svg[len(open):])
	return b.String(), w, h, nil
}

// viewBoxSize reads the width and height of "minX minY width height".
func viewBoxSize(vb string) (int, int, error) {
	f := strings.Fields(strings.ReplaceAll(vb, ",", " "))
	if len(f) != 4 {
		return 0, 0, fmt.Errorf("SVG has no usable viewBox (%q)", vb)
	}
	w, err1 := strconv.ParseFloat(f[2], 64)
	h, err2 := strconv.ParseFloat(f[3], 64)
	if err1 != nil || err2 != nil || w <= 0 || h <= 0 {
		return 0, 0, fmt.Errorf("SVG viewBox %q has no size", vb)
	}
	return int(math.Ceil(w)), int(math.Ceil(h)), nil
}

// size reads back the width and height finish wrote.
func size(svg string) (int, int) {
	open := rootTag.FindString(svg)
	var w, h int
	for _, m := range attr.FindAllStringSubmatch(open, -1) {
		switch m[1] {
		case "width":
			w, _ = strconv.Atoi(m[2])
		case "height":
			h, _ = strconv.Atoi(m[2])
		}
	}
	return w, h
}
