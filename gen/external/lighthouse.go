package external

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
)

// LighthouseCategories are the categories a run scores.
var LighthouseCategories = []string{"performance", "accessibility", "best-practices", "seo"}

// LighthouseResult is one Lighthouse run: each category's score (0–100) and
// the scored audits that lost points, as "category: title (score)".
type LighthouseResult struct {
	Scores map[string]int
	Lost   []string
}

// Lighthouse audits url with the lighthouse npm package (Lighthouse's default
// mobile profile, simulated throttling) in the Chromium at chromePath.
func Lighthouse(root, url, chromePath string) (*LighthouseResult, error) {
	flags := "--headless=new --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync"
	if os.Geteuid() == 0 {
		flags += " --no-sandbox" // Chromium refuses to run as root with its sandbox
	}
	cli := filepath.Join(root, "node_modules", "lighthouse", "cli", "index.js")
	// The report goes to a file: written to a pipe, it was cut at 64 KiB and
	// Lighthouse exited 1 in about one run in twenty.
	report, err := os.CreateTemp("", "lighthouse-*.json")
	if err != nil {
		return nil, err
	}
	report.Close()
	defer os.Remove(report.Name())
	// Not --quiet: the log is kept and shown only when a run fails, and it is
	// what tells a crashed Chrome from a page that failed to load.
	cmd := exec.Command("node", cli, url, "--output=json", "--output-path="+report.Name(),
		"--chrome-path="+chromePath, "--chrome-flags="+flags,
		"--only-categories=performance,accessibility,best-practices,seo")
	dieWithParent(cmd)
	var errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &errOut, &errOut
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("lighthouse %s: %w\n%s", url, err, Tail(errOut.String(), 3000))
	}
	b, err := os.ReadFile(report.Name())
	if err != nil {
		return nil, err
	}
	return parseLighthouse(b)
}

func parseLighthouse(report []byte) (*LighthouseResult, error) {
	var lhr struct {
		RuntimeError *struct{ Code, Message string } `json:"runtimeError"`
		Categories   map[string]struct {
			Score     *float64 `json:"score"`
			AuditRefs []struct {
				ID     string  `json:"id"`
				Weight float64 `json:"weight"`
			} `json:"auditRefs"`
		} `json:"categories"`
		Audits map[string]struct {
			Title string   `json:"title"`
			Score *float64 `json:"score"`
		} `json:"audits"`
	}
	if err := json.Unmarshal(report, &lhr); err != nil {
		return nil, fmt.Errorf("lighthouse report: %w", err)
	}
	if lhr.RuntimeError != nil {
		return nil, fmt.Errorf("lighthouse: %s: %s", lhr.RuntimeError.Code, lhr.RuntimeError.Message)
	}
	r := &LighthouseResult{Scores: map[string]int{}}
	for _, name := range LighthouseCategories {
		c, ok := lhr.Categories[name]
		if !ok || c.Score == nil {
			return nil, fmt.Errorf("lighthouse report has no %s score", name)
		}
		r.Scores[name] = int(*c.Score*100 + 0.5)
		for _, ref := range c.AuditRefs {
			if a := lhr.Audits[ref.ID]; ref.Weight > 0 && a.Score != nil && *a.Score < 1 {
				r.Lost = append(r.Lost, fmt.Sprintf("%s: %s (%.2f)", name, a.Title, *a.Score))
			}
		}
	}
	sort.Strings(r.Lost)
	return r, nil
}

// Tail is the last n bytes of a child's output, where its failure is
// reported, marked as cut when it is.
func Tail(out string, n int) string {
	if len(out) > n {
		return "…" + out[len(out)-n:]
	}
	return out
}
