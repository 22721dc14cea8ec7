package diagrams

import (
	"fmt"
	"net"
	"net/http"
	"path/filepath"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// The page that draws diagrams from untrusted sources can reach nothing but
// its own loopback server: whatever a diagram smuggled into it, it could not
// send a request from the build machine.
func TestRendererPageConnectsNowhere(t *testing.T) {
	var hits atomic.Int32
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go http.Serve(ln, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { hits.Add(1) }))
	defer ln.Close()
	r, err := NewRenderer(DistDir(mustAbs(t, filepath.Join(repo, ""))))
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	other := "http://" + ln.Addr().String()
	js := fmt.Sprintf(`(async () => {
	  const img = new Image(); img.src = %[1]q + "/img"; document.body.append(img);
	  const s = document.createElement("script"); s.src = %[1]q + "/script.js"; document.head.append(s);
	  try { await fetch(%[1]q + "/fetch"); return "fetch allowed"; } catch (e) { return "blocked"; }
	})()`, other)
	got, err := chromedp.Run(r.ctx, chromedp.Evaluate[string](js, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatal(err)
	}
	time.Sleep(300 * time.Millisecond) // let the image and script requests go out, were they allowed
	if got != "blocked" || hits.Load() != 0 {
		t.Fatalf("the renderer page reached another origin: %s, %d request(s)", got, hits.Load())
	}
}
