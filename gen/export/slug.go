package export

import (
	"strings"
	"unicode"
)

// Slug is the anchor GitHub gives a heading: lower case, spaces become
// hyphens, and everything but letters, digits, hyphens and underscores is
// dropped ("Context & Coverage" → "context--coverage").
func Slug(heading string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(strings.TrimSpace(heading)) {
		switch {
		case r == ' ':
			b.WriteByte('-')
		case r == '-' || r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(r)
		}
	}
	return b.String()
}
