// Package md holds the small Markdown helpers the generated pages, the
// single-document export, validation and the gates share.
package md

import (
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
)

// Goldmark parses Markdown with the extensions Hugo's goldmark enables
// that change structure (GFM: tables, strikethrough, autolinks), for the
// checks that must see what a page will show (validation, word counts).
var Goldmark = goldmark.New(goldmark.WithExtensions(extension.GFM))

// Fence returns a code fence longer than any backtick run in code.
func Fence(code string) string { return strings.Repeat("`", max(3, longestRun(code, '`')+1)) }

// CodeSpan wraps s in an inline code span that its own backticks cannot close.
func CodeSpan(s string) string {
	f := strings.Repeat("`", longestRun(s, '`')+1)
	return f + " " + strings.Join(strings.Fields(s), " ") + " " + f
}

func longestRun(s string, c rune) int {
	longest, run := 0, 0
	for _, r := range s {
		if r == c {
			run++
			longest = max(longest, run)
		} else {
			run = 0
		}
	}
	return longest
}

// OneLine collapses whitespace so text fits a list item or table cell.
func OneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// Cell makes Markdown text safe inside a table cell.
func Cell(s string) string { return strings.ReplaceAll(OneLine(s), "|", `\|`) }

var escaper = strings.NewReplacer(`\`, `\\`, "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`, "`", "\\`", "<", `\<`, "|", `\|`)

// Escape makes plain text (names, titles) literal inside Markdown.
func Escape(s string) string { return escaper.Replace(OneLine(s)) }
