package apa

import (
	"testing"

	"github.com/perfhandbook/handbook/gen/handbook"
)

func TestReference(t *testing.T) {
	tests := []struct {
		name string
		work handbook.Work
		want string
	}{
		{"journal article", handbook.Work{Type: "peer-reviewed-paper", Authors: []string{"Dean, J.", "Barroso, L. A."}, Year: 2013,
			Title: "The tail at scale", Container: "Communications of the ACM", Volume: "56", Issue: "2", Pages: "74–80",
			DOI: "10.1145/2408776.2408794", Language: "EN"},
			"Dean, J., & Barroso, L. A. (2013). The tail at scale. *Communications of the ACM*, *56*(2), 74–80. https://doi.org/10.1145/2408776.2408794 [EN]"},
		{"book with edition", handbook.Work{Type: "book", Authors: []string{"Gregg, B."}, Year: 2020,
			Title: "Systems performance: Enterprise and the cloud", Edition: "2nd", Publisher: "Addison-Wesley", Language: "EN"},
			"Gregg, B. (2020). *Systems performance: Enterprise and the cloud* (2nd ed.). Addison-Wesley. [EN]"},
		{"dated blog post", handbook.Work{Type: "engineering-blog", Authors: []string{"Whyte, A."}, Year: 2024, Date: "2024-09-05",
			Title: "How Discord reduced websocket traffic by 40%", Container: "Discord Blog", URL: "https://discord.com/blog/x", Language: "EN"},
			"Whyte, A. (2024, September 5). *How Discord reduced websocket traffic by 40%*. Discord Blog. https://discord.com/blog/x [EN]"},
		{"translated title", handbook.Work{Type: "book", Authors: []string{"朱忠华"}, Year: 2019, Title: "深入理解Kafka",
			TitleEN: "Understanding Kafka in depth", Publisher: "电子工业出版社", Language: "ZH"},
			"朱忠华 (2019). *深入理解Kafka* [Understanding Kafka in depth]. 电子工业出版社. [ZH]"},
		{"three authors", handbook.Work{Type: "standard", Authors: []string{"Fielding, R.", "Nottingham, M.", "Reschke, J."}, Year: 2022,
			Title: "HTTP caching", Volume: "RFC 9111", Publisher: "RFC Editor", DOI: "10.17487/RFC9111", Language: "EN"},
			"Fielding, R., Nottingham, M., & Reschke, J. (2022). *HTTP caching* (RFC 9111). RFC Editor. https://doi.org/10.17487/RFC9111 [EN]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Reference(&tt.work); got != tt.want {
				t.Errorf("\n got %s\nwant %s", got, tt.want)
			}
		})
	}
}

func TestDetails(t *testing.T) {
	w := handbook.Work{Type: "peer-reviewed-paper", Authors: []string{"Dean, J.", "Barroso, L. A."}, Year: 2013,
		Title: "The tail at scale", Container: "Communications of the ACM", Volume: "56", Issue: "2", Pages: "74–80",
		DOI: "10.1145/2408776.2408794", Language: "EN"}
	if got, want := Details(&w), "The tail at scale. *Communications of the ACM*, *56*(2), 74–80. [EN]"; got != want {
		t.Errorf("\n got %s\nwant %s", got, want)
	}
}

func TestShort(t *testing.T) {
	for _, tt := range []struct {
		authors []string
		want    string
	}{
		{[]string{"Gregg, B."}, "Gregg (2020)"},
		{[]string{"Dean, J.", "Barroso, L. A."}, "Dean & Barroso (2020)"},
		{[]string{"Beyer, B.", "Jones, C.", "Petoff, J."}, "Beyer et al. (2020)"},
	} {
		if got := Short(&handbook.Work{Authors: tt.authors, Year: 2020}); got != tt.want {
			t.Errorf("Short(%v) = %q, want %q", tt.authors, got, tt.want)
		}
	}
}
