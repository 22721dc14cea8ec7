package load

import (
	"fmt"
	"io"
	"unicode"
	"unicode/utf8"

	"github.com/spf13/afero"

	"github.com/perfhandbook/handbook/gen/diag"
)

// readLimited reads a data file, refusing files over MaxFileSize, invalid
// UTF-8, control characters (which YAML forbids) and invisible formatting
// characters (bidi controls, zero-width spaces and joiners), which can hide
// text from reviewers.
func readLimited(fsys afero.Fs, file string) ([]byte, error) {
	f, err := fsys.Open(file)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return nil, err
	}
	if len(data) > MaxFileSize {
		return nil, &diag.Problem{File: file, Msg: fmt.Sprintf(
			"file is larger than %d KiB; split it or shorten it (data files are refused above this size)", MaxFileSize>>10)}
	}
	if len(data) == 0 {
		return nil, &diag.Problem{File: file, Msg: "file is empty"}
	}
	if p := checkText(file, data); p != nil {
		return data, p // the data lets the caller name the field the character is in
	}
	return data, nil
}

// checkText finds the first byte that is not valid UTF-8 text for YAML.
func checkText(file string, data []byte) *diag.Problem {
	line, col := 1, 1
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		at := func(msg string) *diag.Problem {
			return &diag.Problem{File: file, Line: line, Col: col, Msg: msg}
		}
		switch {
		case r >= 0x20 && r < 0x7F: // printable ASCII, most of every file: nothing below applies
		case r == utf8.RuneError && size <= 1:
			return at(fmt.Sprintf("invalid UTF-8 (byte 0x%02x); save the file as UTF-8", data[i]))
		case r == '\n':
			line, col = line+1, 0
		case r == '\t' || r == '\r' || (r == 0xFEFF && i == 0):
		case r < 0x20 || r == 0x7F || (r >= 0x80 && r < 0xA0):
			return at(fmt.Sprintf("control character U+%04X is not allowed in data files", r))
		case isBidiControl(r):
			return at(fmt.Sprintf("bidirectional control character U+%04X is not allowed: it can make text read differently from what it is", r))
		case unicode.Is(unicode.Cf, r):
			return at(fmt.Sprintf("invisible formatting character U+%04X is not allowed: it makes ids, slugs and terms that look equal differ; delete it", r))
		}
		i += size
		col++
	}
	return nil
}

// isBidiControl reports the Unicode bidirectional formatting characters used
// in "Trojan Source" attacks (CVE-2021-42574).
func isBidiControl(r rune) bool {
	return (r >= 0x202A && r <= 0x202E) || (r >= 0x2066 && r <= 0x2069) || r == 0x200E || r == 0x200F || r == 0x061C
}
