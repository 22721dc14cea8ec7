package bench

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/goccy/go-yaml"

	"github.com/perfhandbook/handbook/gen/chrome"
	"github.com/perfhandbook/handbook/gen/handbook"
)

// Serve is the edit-to-screen latency of gen serve.
type Serve struct {
	Questions int       `json:"questions"`
	EditsMs   []float64 `json:"edits_ms"`
	MedianMs  float64   `json:"median_ms"`
	Failed    string    `json:"failed,omitempty"` // why the measurement did not complete (a missed target, not a tool error)
}

// Edits is how many edits the serve measurement makes.
const Edits = 7

// MeasureServe starts gen serve on a synthetic handbook of n questions,
// opens a question in Chromium, edits that question's YAML and times how long
// the browser takes to show the change, several times.
func MeasureServe(o Options, n int) (*Serve, error) {
	dir, err := os.MkdirTemp("", "bench-serve-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	if err := Synthesize(o.Root, dir, n); err != nil {
		return nil, err
	}
	addr, err := freeAddr()
	if err != nil {
		return nil, err
	}
	cmd := exec.Command(o.Gen, "-C", dir, "serve", "-addr", addr)
	cmd.Stdout, cmd.Stderr = nil, nil
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	defer func() { cmd.Process.Kill(); cmd.Wait() }()
	file := filepath.Join(dir, "data", "questions", "PE-00001.yaml")
	original, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	var q handbook.Question
	if err := yaml.Unmarshal(original, &q); err != nil {
		return nil, err
	}
	page := "http://" + addr + "/q/" + q.Slug + "/"
	fmt.Fprintf(o.Log, "serve: %d questions, waiting for %s\n", n, page)
	if err := waitFor(page, 10*time.Minute); err != nil {
		return nil, err
	}
	ctx, cancel, err := chrome.Start(context.Background())
	if err != nil {
		return nil, err
	}
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.Navigate(page)); err != nil {
		return nil, err
	}
	time.Sleep(500 * time.Millisecond) // let the live-reload channel connect
	res := &Serve{Questions: n}
	for k := 1; k <= Edits; k++ {
		marker := fmt.Sprintf("Edit %d.", k)
		edit := q
		edit.Title = marker + " " + q.Title
		edited, err := yaml.Marshal(edit)
		if err != nil {
			return nil, err
		}
		start := time.Now()
		if err := os.WriteFile(file, edited, 0o644); err != nil {
			return nil, err
		}
		if err := waitForHeading(ctx, marker, 30*time.Second); err != nil {
			return nil, fmt.Errorf("edit %d: %w", k, err)
		}
		ms := float64(time.Since(start).Microseconds()) / 1000
		res.EditsMs = append(res.EditsMs, ms)
		fmt.Fprintf(o.Log, "  edit %d shown after %.0f ms\n", k, ms)
		time.Sleep(300 * time.Millisecond)
	}
	sorted := append([]float64(nil), res.EditsMs...)
	sort.Float64s(sorted)
	res.MedianMs = sorted[len(sorted)/2]
	return res, nil
}

// waitForHeading polls the page until its h1 starts with prefix. The page
// reloads in between, so failed evaluations are retried.
func waitForHeading(ctx context.Context, prefix string, limit time.Duration) error {
	deadline := time.Now().Add(limit)
	for time.Now().Before(deadline) {
		c, cancel := context.WithTimeout(ctx, time.Second)
		h1, err := chromedp.Run(c, chromedp.Evaluate[string](`(document.querySelector("h1") || {}).textContent || ""`))
		cancel()
		if err == nil && strings.HasPrefix(strings.TrimSpace(h1), prefix) {
			return nil
		}
		time.Sleep(5 * time.Millisecond)
	}
	return fmt.Errorf("the browser did not show the edit within %s", limit)
}

func waitFor(url string, limit time.Duration) error {
	deadline := time.Now().Add(limit)
	for time.Now().Before(deadline) {
		if resp, err := http.Get(url); err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return nil
			}
		}
		time.Sleep(200 * time.Millisecond)
	}
	return fmt.Errorf("%s did not come up within %s", url, limit)
}

func freeAddr() (string, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	defer ln.Close()
	return ln.Addr().String(), nil
}
