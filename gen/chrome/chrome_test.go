package chrome

import (
	"context"
	"testing"

	"github.com/chromedp/chromedp"
)

func TestStartRunsJavaScript(t *testing.T) {
	ctx, cancel, err := Start(context.Background())
	if err != nil {
		t.Fatal(err) // the browser tests need Chromium; scripts/test.sh installs it
	}
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.Navigate("about:blank")); err != nil {
		t.Fatal(err)
	}
	got, err := chromedp.Run(ctx, chromedp.Evaluate[int]("6 * 7"))
	if err != nil || got != 42 {
		t.Fatalf("6 * 7 = %d, %v", got, err)
	}
}
