package main

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/sohoa/sohoa/internal/testenv"
)

// chromium finds Debian's Chromium; the test command installs it.
func chromium(t *testing.T) string {
	for _, p := range []string{"/usr/bin/chromium", "/usr/bin/chromium-browser"} {
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	if p, err := exec.LookPath("chromium"); err == nil {
		return p
	}
	testenv.Unavailable(t, "Chromium (apt-get install chromium)", fmt.Errorf("not found"))
	return ""
}

// headless starts headless Chromium for one test, with the flags this closed network needs,
// for at most two minutes.
func headless(t *testing.T, width, height int) (context.Context, context.CancelFunc) {
	t.Helper()
	return headlessFor(t, width, height, 120*time.Second)
}

// headlessFor is headless for a test that waits on the pipeline as well. Whatever the pages
// write to the console as an error (a script's exception, console.error, a resource the
// Content-Security-Policy refused, a subresource that failed) fails the test when it ends.
func headlessFor(t *testing.T, width, height int, limit time.Duration) (context.Context, context.CancelFunc) {
	t.Helper()
	ctx, cancel, c := browserFor(t, width, height, limit)
	t.Cleanup(func() {
		if errs := c.errors(); len(errs) > 0 {
			t.Errorf("the browser's console at %d px:\n%s", width, strings.Join(errs, "\n"))
		}
	})
	return ctx, cancel
}

// browserFor starts the browser and watches its console.
func browserFor(t *testing.T, width, height int, limit time.Duration) (context.Context, context.CancelFunc, *console) {
	t.Helper()
	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(chromium(t)), chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true), chromedp.Flag("disable-quic", true), chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(width, height))
	actx, c1 := chromedp.NewExecAllocator(context.Background(), opts...)
	bctx, c2 := chromedp.NewContext(actx)
	bctx, c3 := context.WithTimeout(bctx, limit)
	c := &console{documents: map[string]bool{}}
	bctx = context.WithValue(bctx, consoleKey{}, c)
	// Headless Chromium keeps a window at least 500 px wide: the viewport is set as well, so a
	// phone's 390 px is what the pages get.
	err := chromedp.Listen(bctx, c.see)
	if err == nil {
		err = chromedp.Do(bctx, chromedp.EmulateViewport(int64(width), int64(height)))
	}
	if err != nil {
		c3()
		c2()
		c1()
		t.Fatalf("start Chromium: %v", err)
	}
	return bctx, func() { c3(); c2(); c1() }, c
}

// console keeps what a tab reports as errors. A page navigated to (or framed) that answers
// 4xx is not one: the tests open forbidden and missing pages on purpose, and check what those say.
type console struct {
	mu        sync.Mutex
	errs      []string
	expected  []string        // errors a test brings about on purpose, from when it says so
	documents map[string]bool // pages navigated to (and framed)
	responses []response
}

// response is what the browser received for a URL.
type response struct {
	URL, MimeType string
	Status        int64
}

type consoleKey struct{}

// watched is the console of a browser started by headlessFor or browserFor.
func watched(ctx context.Context) *console {
	c, _ := ctx.Value(consoleKey{}).(*console)
	return c
}

// received lists the responses the browser got for URLs ending in suffix.
func (c *console) received(suffix string) []response {
	c.mu.Lock()
	defer c.mu.Unlock()
	var out []response
	for _, r := range c.responses {
		if strings.HasSuffix(r.URL, suffix) {
			out = append(out, r)
		}
	}
	return out
}

func (c *console) see(ev any) {
	c.mu.Lock()
	defer c.mu.Unlock()
	switch e := ev.(type) {
	case *network.EventRequestWillBeSent:
		if e.Type == network.ResourceTypeDocument {
			c.documents[e.Request.URL] = true
		}
	case *network.EventResponseReceived:
		c.responses = append(c.responses, response{e.Response.URL, e.Response.MimeType, e.Response.Status})
	case *runtime.EventExceptionThrown:
		d := e.ExceptionDetails
		msg := d.Text
		if d.Exception != nil {
			msg += " " + d.Exception.Description
		}
		c.add(fmt.Sprintf("exception: %s (%s:%d)", msg, d.URL, d.LineNumber))
	case *runtime.EventConsoleAPICalled:
		if e.Type == runtime.ConsoleAPICalledTypeError {
			var parts []string
			for _, a := range e.Args {
				parts = append(parts, strings.Trim(string(a.Value), `"`)+a.Description)
			}
			c.add("console.error: " + strings.Join(parts, " "))
		}
	case *log.EventEntryAdded:
		if e.Entry.Level != log.EntryLevelError || (e.Entry.Source == log.EntrySourceNetwork && c.documents[e.Entry.URL]) {
			return
		}
		c.add(fmt.Sprintf("%s: %s (%s)", e.Entry.Source, e.Entry.Text, e.Entry.URL))
	}
}

// expect makes errors holding any of these from now on part of the test, not failures: a
// request the test makes to be refused.
func (c *console) expect(parts ...string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.expected = append(c.expected, parts...)
}

func (c *console) add(msg string) {
	for _, e := range c.expected {
		if strings.Contains(msg, e) {
			return
		}
	}
	c.errs = append(c.errs, msg)
}

func (c *console) errors() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]string(nil), c.errs...)
}

// The console watch itself: a script's exception, console.error and an image the page's
// Content-Security-Policy refuses are each caught; a page that answers 404 is not.
func TestConsoleErrorsCaught(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/missing", http.NotFound)
	mux.HandleFunc("/favicon.ico", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusNoContent) })
	mux.HandleFunc("/policy", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Security-Policy", "default-src 'none'")
		fmt.Fprint(w, `<!doctype html><title>p</title><img src="/missing">`)
	})
	mux.HandleFunc("/script", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `<!doctype html><title>s</title><script>console.error("boom"); null.x;</script>`)
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	ctx, cancel, c := browserFor(t, 800, 600, time.Minute)
	defer cancel()
	for _, step := range []struct {
		path string
		want []string // in the errors seen since the step before
	}{
		{"/missing", nil},
		{"/policy", []string{"Content Security Policy"}},
		{"/script", []string{"console.error: boom", "exception: "}},
	} {
		seen := len(c.errors())
		if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+step.path), chromedp.Sleep(500*time.Millisecond)); err != nil {
			t.Fatal(err)
		}
		got := strings.Join(c.errors()[seen:], "\n")
		if len(step.want) == 0 && got != "" {
			t.Errorf("%s: %q, want no error", step.path, got)
		}
		for _, w := range step.want {
			if !strings.Contains(got, w) {
				t.Errorf("%s: %q, want %q caught", step.path, got, w)
			}
		}
	}
}
