package validate

import "testing"

func TestCheckLink(t *testing.T) {
	tests := []struct {
		dest      string
		ok, warns bool
	}{
		{"https://example.org/a?b=1#c", true, false},
		{"HTTPS://EXAMPLE.ORG/", true, false},
		{"/glossary/#g1", true, false},
		{"#metrics", true, false},
		{"http://example.org/", true, true},
		{"", false, false},
		{"javascript:alert(1)", false, false},
		{"JaVaScRiPt:alert(1)", false, false},
		{"&#106;avascript:alert(1)", false, false},
		{"&#x6A;avascript&colon;alert(1)", false, false},
		{"vbscript:msgbox(1)", false, false},
		{"data:text/html;base64,PHNjcmlwdD4=", false, false},
		{"mailto:someone@example.org", false, false},
		{"file:///etc/passwd", false, false},
		{"//evil.example/", false, false},
		{"/\\evil.example/", false, false},
		{"https:evil.example", false, false},
		{"https:///path", false, false},
		{"https://exa mple.org/", false, false},
		{"https://example.org/\"onmouseover=\"alert(1)", false, false},
		{"java\tscript:alert(1)", false, false},
		{"relative/path", false, false},
		{"java%0ascript:alert(1)", false, false},
	}
	for _, tt := range tests {
		msg, warn := checkLink(tt.dest)
		if ok := msg == "" || warn; ok != tt.ok || warn != tt.warns {
			t.Errorf("checkLink(%q) = %q, warn %v; want ok %v, warn %v", tt.dest, msg, warn, tt.ok, tt.warns)
		}
	}
}
