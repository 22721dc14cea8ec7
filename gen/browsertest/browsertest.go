// Package browsertest serves a built site on loopback with the production
// headers and opens its pages in headless Chromium, recording what a reader's
// browser would complain about: console errors, uncaught exceptions,
// Content-Security-Policy violations, dialogs, and requests that leave the
// site. Tests of the published site use it.
package browsertest

import (
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/input"
	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/perfhandbook/handbook/gen/chrome"
	"github.com/perfhandbook/handbook/gen/headers"
)

// Serve serves dir (a built public/) on a loopback port with the headers
// netlify.toml gives each path, as production does, and returns its base URL
// (ending in "/"). The server stops when the test ends.
func Serve(t testing.TB, dir, netlifyToml string) string {
	t.Helper()
	rules, err := headers.Load(netlifyToml)
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	files := http.FileServer(http.Dir(dir))
	srv := &http.Server{ReadHeaderTimeout: 5 * time.Second, Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		for k, v := range headers.For(rules, r.URL.Path) {
			w.Header().Set(k, v)
		}
		if p := path.Clean(r.URL.Path); !strings.HasSuffix(r.URL.Path, "/") && path.Ext(p) == "" {
			if fi, err := os.Stat(filepath.Join(dir, filepath.FromSlash(p))); err == nil && fi.IsDir() {
				http.Redirect(w, r, r.URL.Path+"/", http.StatusMovedPermanently)
				return
			}
		}
		if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(path.Clean(r.URL.Path)))); err != nil {
			w.WriteHeader(http.StatusNotFound)
			if b, err := os.ReadFile(filepath.Join(dir, "404.html")); err == nil {
				w.Write(b)
			}
			return
		}
		if !serveCompressed(w, r, dir) {
			files.ServeHTTP(w, r)
		}
	})}
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	return "http://" + ln.Addr().String() + "/"
}

// compressible are the text types production (Netlify) sends compressed.
var compressible = map[string]string{
	".html": "text/html; charset=utf-8", ".css": "text/css; charset=utf-8", ".js": "text/javascript; charset=utf-8",
	".mjs": "text/javascript; charset=utf-8", ".json": "application/json", ".svg": "image/svg+xml", ".xml": "application/xml", ".txt": "text/plain; charset=utf-8",
}

// serveCompressed sends a text file gzip-compressed when the browser accepts
// it, as production does, so that what a test measures (Lighthouse above all)
// sees production's transfer sizes. It reports whether it answered.
func serveCompressed(w http.ResponseWriter, r *http.Request, dir string) bool {
	name := filepath.Join(dir, filepath.FromSlash(path.Clean(r.URL.Path)))
	if strings.HasSuffix(r.URL.Path, "/") {
		name = filepath.Join(name, "index.html")
	}
	ctype, ok := compressible[path.Ext(name)]
	if !ok || r.Method != http.MethodGet || !strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
		return false
	}
	data, err := os.ReadFile(name)
	if err != nil {
		return false
	}
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Content-Encoding", "gzip")
	w.Header().Add("Vary", "Accept-Encoding")
	zw := gzip.NewWriter(w)
	zw.Write(data)
	zw.Close()
	return true
}

// Browser is one headless Chromium for a test.
type Browser struct {
	ctx context.Context
}

// New starts Chromium; it is stopped when the test ends. Browser tests fail,
// never skip, when Chromium is missing: scripts/test.sh installs it.
func New(t testing.TB) *Browser {
	t.Helper()
	ctx, cancel, err := chrome.Start(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(cancel)
	return &Browser{ctx: ctx}
}

// Tab is one browser tab and what it has recorded.
type Tab struct {
	Ctx context.Context
	mu  sync.Mutex
	log []string // console errors, exceptions, CSP violations
	req []string // every URL requested
	dlg []string // dialogs opened (alert, confirm, prompt)
	ok  []string // problems expected by the test (substrings)
}

// Allow makes AssertClean ignore problems containing substr (for example a
// 404 page's own status).
func (tab *Tab) Allow(substr string) {
	tab.mu.Lock()
	defer tab.mu.Unlock()
	tab.ok = append(tab.ok, substr)
}

// record keeps the script that reports CSP violations the page itself sees.
const record = `addEventListener("securitypolicyviolation", e =>
  console.error("CSP violation: " + e.violatedDirective + " blocked " + (e.blockedURI || "inline")));`

// Tab opens a new tab that records problems from its first event on.
func (b *Browser) Tab(t testing.TB) *Tab {
	t.Helper()
	tab := &Tab{}
	ctx, cancel := chromedp.NewContext(b.ctx, chromedp.WithListener(tab.listen))
	t.Cleanup(cancel)
	tab.Ctx = ctx
	err := chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		if _, err := cdp.Call(ctx, t, cdplog.Enable, cdp.Empty{}); err != nil {
			return err
		}
		if _, err := cdp.Call(ctx, t, network.Enable, network.EnableParams{}); err != nil {
			return err
		}
		_, err := cdp.Call(ctx, t, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: record})
		return err
	}))
	if err != nil {
		t.Fatal(err)
	}
	return tab
}

// listen runs in the tab's event loop: it only records.
func (tab *Tab) listen(ev any) {
	tab.mu.Lock()
	defer tab.mu.Unlock()
	switch ev := ev.(type) {
	case *runtime.EventConsoleAPICalled:
		if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeAssert {
			var parts []string
			for _, a := range ev.Args {
				parts = append(parts, strings.Trim(string(a.Value), `"`))
			}
			tab.log = append(tab.log, "console."+string(ev.Type)+": "+strings.Join(parts, " "))
		}
	case *runtime.EventExceptionThrown:
		msg := ev.ExceptionDetails.Text
		if ev.ExceptionDetails.Exception != nil {
			msg += " " + ev.ExceptionDetails.Exception.Description
		}
		tab.log = append(tab.log, "exception: "+msg)
	case *cdplog.EventEntryAdded:
		if ev.Entry.Level == cdplog.EntryLevelError {
			tab.log = append(tab.log, fmt.Sprintf("%s: %s %s", ev.Entry.Source, ev.Entry.Text, ev.Entry.URL))
		}
	case *network.EventRequestWillBeSent:
		tab.req = append(tab.req, ev.Request.URL)
	case *page.EventJavascriptDialogOpening:
		tab.dlg = append(tab.dlg, string(ev.Type)+": "+ev.Message)
		go chromedp.Call(tab.Ctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: false})
	}
}

// Open navigates to url and waits for the page and its deferred scripts.
func (tab *Tab) Open(t testing.TB, url string) {
	t.Helper()
	tab.Navigate(t, url)
	tab.Settle(t)
}

// Navigate goes to url and waits for its body, not for its scripts (which
// may be disabled).
func (tab *Tab) Navigate(t testing.TB, url string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(tab.Ctx, 30*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.Navigate(url), chromedp.WaitReady(chromedp.CSS("body"))); err != nil {
		t.Fatalf("open %s: %v", url, err)
	}
}

// Settle waits until the page's module scripts have run (document complete
// and two animation frames), so that their effects can be checked.
func (tab *Tab) Settle(t testing.TB) {
	t.Helper()
	const js = `new Promise(done => { const wait = () => document.readyState === "complete" ?
	  requestAnimationFrame(() => requestAnimationFrame(() => done(true))) : setTimeout(wait, 20); wait(); })`
	if _, err := evaluate[bool](tab, js); err != nil {
		t.Fatalf("page did not settle: %v", err)
	}
}

// Eval evaluates JavaScript in the page and returns its value.
func Eval[T any](t testing.TB, tab *Tab, js string) T {
	t.Helper()
	v, err := evaluate[T](tab, js)
	if err != nil {
		t.Fatalf("evaluate %s: %v", js, err)
	}
	return v
}

func evaluate[T any](tab *Tab, js string) (T, error) {
	ctx, cancel := context.WithTimeout(tab.Ctx, 15*time.Second)
	defer cancel()
	return chromedp.Run(ctx, chromedp.Evaluate[T](js, chromedp.EvalAwaitPromise))
}

// WaitFor polls a JavaScript condition until it holds, for pages whose
// scripts finish after a fetch or a navigation. While the page navigates an
// evaluation can fail ("Inspected target navigated or closed"); that counts
// as not yet, and the last error is reported if the condition never holds.
func WaitFor(t testing.TB, tab *Tab, condition string) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		ok, err := evaluate[bool](tab, "Boolean("+condition+")")
		switch {
		case err == nil && ok:
			return
		case time.Now().After(deadline) && err != nil:
			t.Fatalf("waiting for %s: %v", condition, err)
		case time.Now().After(deadline):
			t.Fatalf("timed out waiting for %s", condition)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// Click clicks the first element the CSS selector matches, with the mouse.
func (tab *Tab) Click(t testing.TB, selector string) {
	t.Helper()
	tab.do(t, chromedp.Click(chromedp.CSS(selector)))
}

// SendKeys types text into the first element the CSS selector matches.
func (tab *Tab) SendKeys(t testing.TB, selector, text string) {
	t.Helper()
	tab.do(t, chromedp.SendKeys(chromedp.CSS(selector), text))
}

func (tab *Tab) do(t testing.TB, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	ctx, cancel := context.WithTimeout(tab.Ctx, 15*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, steps...); err != nil {
		t.Fatal(err)
	}
}

// SaveDownloads makes the tab save what the page downloads into dir, under
// the file name the page suggests.
func (tab *Tab) SaveDownloads(t testing.TB, dir string) {
	t.Helper()
	tab.call(t, func(ctx context.Context, target *chromedp.Target) error {
		_, err := cdp.Call(ctx, target, browser.SetDownloadBehavior,
			browser.SetDownloadBehaviorParams{Behavior: browser.SetDownloadBehaviorBehaviorAllow, DownloadPath: dir})
		return err
	})
}

// EmulateMedia makes CSS media queries see the given media type ("print",
// "screen"), as printing does; "" ends the emulation.
func (tab *Tab) EmulateMedia(t testing.TB, media string) {
	t.Helper()
	tab.call(t, func(ctx context.Context, target *chromedp.Target) error {
		_, err := cdp.Call(ctx, target, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: media})
		return err
	})
}

// DisableJavaScript turns script execution off for the pages the tab opens
// next, to see them as a reader without JavaScript does.
func (tab *Tab) DisableJavaScript(t testing.TB) {
	t.Helper()
	tab.call(t, func(ctx context.Context, target *chromedp.Target) error {
		_, err := cdp.Call(ctx, target, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true})
		return err
	})
}

// PrintToPDF prints the page as Chromium's print dialog would and returns the PDF.
func (tab *Tab) PrintToPDF(t testing.TB) []byte {
	t.Helper()
	var pdf []byte
	tab.call(t, func(ctx context.Context, target *chromedp.Target) error {
		res, err := cdp.Call(ctx, target, page.PrintToPDF, page.PrintToPDFParams{})
		pdf = res.Data
		return err
	})
	return pdf
}

func (tab *Tab) call(t testing.TB, fn func(context.Context, *chromedp.Target) error) {
	t.Helper()
	tab.do(t, chromedp.Func(fn))
}

// Problems returns the console errors, exceptions and CSP violations so far.
func (tab *Tab) Problems() []string {
	tab.mu.Lock()
	defer tab.mu.Unlock()
	return append([]string(nil), tab.log...)
}

// Dialogs returns the dialogs the page opened.
func (tab *Tab) Dialogs() []string {
	tab.mu.Lock()
	defer tab.mu.Unlock()
	return append([]string(nil), tab.dlg...)
}

// OffSite returns requests to any origin other than base's.
func (tab *Tab) OffSite(base string) []string {
	b, _ := url.Parse(base)
	tab.mu.Lock()
	defer tab.mu.Unlock()
	var out []string
	for _, r := range tab.req {
		u, err := url.Parse(r)
		if err != nil || (u.Scheme != "data" && u.Scheme != "blob" && u.Host != b.Host) {
			out = append(out, r)
		}
	}
	return out
}

// AssertClean fails the test if the page logged an error, violated the CSP,
// opened a dialog or requested anything outside base.
func (tab *Tab) AssertClean(t testing.TB, base string) {
	t.Helper()
	for _, p := range tab.Problems() {
		if !tab.allowed(p) {
			t.Errorf("browser reported: %s", p)
		}
	}
	for _, d := range tab.Dialogs() {
		t.Errorf("page opened a dialog: %s", d)
	}
	for _, r := range tab.OffSite(base) {
		t.Errorf("page requested %s outside the site", r)
	}
}

// Hover moves the mouse over the centre of the first element matching sel,
// as a reader's pointer would (CSS :hover applies).
func (tab *Tab) Hover(t testing.TB, sel string) {
	t.Helper()
	box := Eval[[]float64](t, tab, `(() => { const r = document.querySelector(`+jsQuote(sel)+`).getBoundingClientRect();
	  return [r.left + r.width / 2, r.top + r.height / 2]; })()`)
	err := chromedp.Do(tab.Ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, input.DispatchMouseEvent, input.DispatchMouseEventParams{Type: input.DispatchMouseEventTypeMouseMoved, X: box[0], Y: box[1]})
		return err
	}))
	if err != nil {
		t.Fatal(err)
	}
}

// Width makes the viewport width px wide, as on a small phone.
func (tab *Tab) Width(t testing.TB, px int64) {
	t.Helper()
	err := chromedp.Do(tab.Ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, emulation.SetDeviceMetricsOverride,
			emulation.SetDeviceMetricsOverrideParams{Width: px, Height: 800, DeviceScaleFactor: 1, Mobile: true})
		return err
	}))
	if err != nil {
		t.Fatal(err)
	}
}

// Media emulates a CSS media type ("print", "screen").
func (tab *Tab) Media(t testing.TB, media string) {
	t.Helper()
	err := chromedp.Do(tab.Ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: media})
		return err
	}))
	if err != nil {
		t.Fatal(err)
	}
}

func jsQuote(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// ColorScheme emulates the system's light or dark preference.
func (tab *Tab) ColorScheme(t testing.TB, scheme string) {
	t.Helper()
	err := chromedp.Do(tab.Ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
			Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}}})
		return err
	}))
	if err != nil {
		t.Fatal(err)
	}
}

func (tab *Tab) allowed(p string) bool {
	tab.mu.Lock()
	defer tab.mu.Unlock()
	for _, ok := range tab.ok {
		if strings.Contains(p, ok) {
			return true
		}
	}
	return false
}
