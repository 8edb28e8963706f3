//go:build browser

package web

// The browser test: every posting page and the careers index of both
// examples, served over HTTP and opened in headless Chromium (Debian's
// chromium package), must load with no console error, no failed or
// outside request, carry a JobPosting that parses with Google's required
// properties, print on at most two Letter pages, and pass axe-core with no
// violation. The index's filter and sort must work.
//
// Run it with .ci/browser-tests.sh, which installs chromium and axe-core,
// or by hand:
//
//	go test -tags browser ./output/web/...
//
// JDGEN_CHROMIUM names the browser (default /usr/bin/chromium) and
// JDGEN_AXE the axe-core script (default .cache/browser-tests/node_modules/
// axe-core/axe.min.js in the repository).

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/jdgen/jdgen/generator"
	"github.com/jdgen/jdgen/internal/bigconfig"
	"github.com/jdgen/jdgen/internal/steptest"
	"github.com/jdgen/jdgen/output/posting"
)

// maxPrintPages is the most pages a posting page may print to.
const maxPrintPages = 2

// browserPath is the Chromium to drive.
func browserPath() string {
	if p := os.Getenv("JDGEN_CHROMIUM"); p != "" {
		return p
	}
	return "/usr/bin/chromium"
}

// axeSource reads axe-core from node_modules: it is injected into each page,
// never fetched.
func axeSource(t *testing.T) string {
	t.Helper()
	p := os.Getenv("JDGEN_AXE")
	if p == "" {
		p = filepath.Join("..", "..", ".cache", "browser-tests", "node_modules", "axe-core", "axe.min.js")
	}
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatalf("axe-core: %v (run .ci/browser-tests.sh, or set JDGEN_AXE)", err)
	}
	return string(data)
}

// writeSite renders the web postings of both examples into a folder per
// example and returns the page paths relative to dir.
func writeSite(t *testing.T, dir string) []string {
	t.Helper()
	var pages []string
	for _, name := range []string{"company", "small-business", "british-company"} {
		m := exampleModel(t, name)
		err := PostingsStep(Options{}).Run(t.Context(), m, func(f generator.File) error {
			p := filepath.Join(dir, name, filepath.FromSlash(f.Name))
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				return err
			}
			pages = append(pages, name+"/"+f.Name)
			return os.WriteFile(p, f.Content(), 0o644)
		})
		if err != nil {
			t.Fatal(err)
		}
		if len(posting.Open(m)) == 0 {
			t.Fatalf("%s: no open roles to test", name)
		}
	}
	return pages
}

// pageLog collects what a page did wrong while it loaded.
type pageLog struct {
	mu       sync.Mutex
	problems []string
}

func (l *pageLog) add(format string, args ...any) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.problems = append(l.problems, fmt.Sprintf(format, args...))
}

func (l *pageLog) list() []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]string(nil), l.problems...)
}

// listen records console errors and warnings, exceptions, browser log
// errors (a Content-Security-Policy violation is one), failed requests,
// error responses and any request outside the test server.
func (l *pageLog) listen(ctx context.Context, origin string) error {
	return chromedp.Listen(ctx, func(ev any) {
		switch e := ev.(type) {
		case *runtime.EventConsoleAPICalled:
			if e.Type == runtime.ConsoleAPICalledTypeError || e.Type == runtime.ConsoleAPICalledTypeWarning || e.Type == runtime.ConsoleAPICalledTypeAssert {
				var args []string
				for _, a := range e.Args {
					args = append(args, string(a.Value)+a.Description)
				}
				l.add("console %s: %s", e.Type, strings.Join(args, " "))
			}
		case *runtime.EventExceptionThrown:
			l.add("exception: %s %v", e.ExceptionDetails.Text, e.ExceptionDetails.Exception)
		case *log.EventEntryAdded:
			if e.Entry.Level == log.EntryLevelError || e.Entry.Level == log.EntryLevelWarning {
				l.add("log %s (%s): %s %s", e.Entry.Level, e.Entry.Source, e.Entry.Text, e.Entry.URL)
			}
		case *network.EventRequestWillBeSent:
			u := e.Request.URL
			if !strings.HasPrefix(u, origin+"/") && !strings.HasPrefix(u, "data:") {
				l.add("request outside the page's site: %s", u)
			}
		case *network.EventLoadingFailed:
			l.add("request failed: %s %s", e.ErrorText, e.BlockedReason)
		case *network.EventResponseReceived:
			if e.Response.Status >= 400 {
				l.add("HTTP %d for %s", e.Response.Status, e.Response.URL)
			}
		}
	})
}

// axeViolation is the part of an axe-core result the test reports.
type axeViolation struct {
	ID     string `json:"id"`
	Impact string `json:"impact"`
	Help   string `json:"help"`
	Nodes  []struct {
		Target []any  `json:"target"`
		HTML   string `json:"html"`
	} `json:"nodes"`
}

var pdfPageRe = regexp.MustCompile(`/Type\s*/Page\b[^s]`)

func TestBrowser(t *testing.T) {
	if _, err := os.Stat(browserPath()); err != nil {
		t.Fatalf("no browser at %s (run .ci/browser-tests.sh, or set JDGEN_CHROMIUM): %v", browserPath(), err)
	}
	axe := axeSource(t)
	dir := t.TempDir()
	pages := writeSite(t, dir)
	big := writeBigIndex(t, dir)
	srv := httptest.NewServer(http.FileServer(http.Dir(dir)))
	defer srv.Close()

	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(browserPath()),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.WindowSize(1280, 900),
	}
	alloc, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancel()
	browser, cancel := chromedp.NewContext(alloc)
	defer cancel()
	if err := chromedp.Do(browser); err != nil {
		t.Fatalf("start %s: %v", browserPath(), err)
	}

	for _, p := range pages {
		t.Run(p, func(t *testing.T) {
			tab, cancel := chromedp.NewContext(browser)
			defer cancel()
			tab, cancelTime := context.WithTimeout(tab, 60*time.Second)
			defer cancelTime()
			var plog pageLog
			if err := plog.listen(tab, srv.URL); err != nil {
				t.Fatal(err)
			}
			if err := chromedp.Do(tab, chromedp.Navigate(srv.URL+"/"+p), chromedp.WaitReady("body")); err != nil {
				t.Fatal(err)
			}
			isIndex := strings.HasSuffix(p, "/index.html")
			if isIndex {
				checkIndexScript(t, tab)
				checkNoOverflow(t, tab)
			} else {
				checkJSONLD(t, tab)
				checkPrint(t, tab)
			}
			checkAxe(t, tab, axe)
			// Give late events (a blocked request, a CSP report) a moment.
			time.Sleep(200 * time.Millisecond)
			for _, pr := range plog.list() {
				t.Errorf("%s", pr)
			}
		})
	}

	// The index of a company with long titles, locations and pay ranges
	// fits every width too.
	t.Run(big, func(t *testing.T) {
		tab, cancel := chromedp.NewContext(browser)
		defer cancel()
		tab, cancelTime := context.WithTimeout(tab, 60*time.Second)
		defer cancelTime()
		if err := chromedp.Do(tab, chromedp.Navigate(srv.URL+"/"+big), chromedp.WaitReady("body")); err != nil {
			t.Fatal(err)
		}
		checkNoOverflow(t, tab)
	})
}

// writeBigIndex writes the careers index of a generated 60-role company
// (titles such as "Vice President of Operations, Northeast", remote
// regions, hourly and yearly pay) under dir and returns its path.
func writeBigIndex(t *testing.T, dir string) string {
	t.Helper()
	var doc bytes.Buffer
	if err := bigconfig.Write(&doc, 60); err != nil {
		t.Fatal(err)
	}
	m := steptest.Model(t, doc.Bytes(), time.Date(2026, 12, 2, 0, 0, 0, 0, time.UTC))
	const name = "big/postings/index.html"
	err := PostingsStep(Options{}).Run(t.Context(), m, func(f generator.File) error {
		if f.Name != "postings/index.html" {
			return nil
		}
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		return os.WriteFile(p, f.Content(), 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return name
}

// overflowWidths are the window widths the careers index must fit without
// scrolling sideways: a phone, the widths around the table's switch to
// stacked rows (48rem, 768 px) and to wrapped pay (64rem), a laptop.
var overflowWidths = []int64{375, 700, 780, 800, 1000, 1100, 1280}

// checkNoOverflow lays the page out at each of overflowWidths and fails
// where it is wider than the window.
func checkNoOverflow(t *testing.T, tab context.Context) {
	t.Helper()
	for _, w := range overflowWidths {
		if err := chromedp.Do(tab, chromedp.EmulateViewport(w, 800)); err != nil {
			t.Fatalf("viewport %d: %v", w, err)
		}
		got, err := chromedp.Run(tab, chromedp.Evaluate[[]float64](`[document.documentElement.scrollWidth, document.documentElement.clientWidth]`))
		if err != nil {
			t.Fatalf("width at %d px: %v", w, err)
		}
		if len(got) != 2 || got[1] <= 0 || got[0] > got[1] {
			t.Errorf("at %d px the page is %v px wide for a %v px window: it scrolls sideways", w, got[0], got[1])
		}
	}
}

// checkJSONLD parses the page's JobPosting in the browser and checks the
// properties Google requires.
func checkJSONLD(t *testing.T, tab context.Context) {
	t.Helper()
	raw, err := chromedp.Run(tab, chromedp.Evaluate[string](`(function(){
		var s=document.querySelectorAll('script[type="application/ld+json"]');
		if(s.length!==1) return "scripts: "+s.length;
		return JSON.stringify(JSON.parse(s[0].textContent));
	})()`))
	if err != nil {
		t.Fatalf("JSON-LD: %v", err)
	}
	var jp map[string]any
	if err := json.Unmarshal([]byte(raw), &jp); err != nil {
		t.Fatalf("JSON-LD does not parse in the browser: %v (%.100s)", err, raw)
	}
	for _, path := range []string{"@context", "@type", "title", "description", "datePosted", "hiringOrganization.name",
		"jobLocation.address.addressCountry", "employmentType", "identifier.value", "baseSalary.value.unitText"} {
		if get(jp, path) == nil {
			t.Errorf("JSON-LD lacks %s", path)
		}
	}
	if get(jp, "@type") != "JobPosting" || get(jp, "jobLocation.address.@type") != "PostalAddress" {
		t.Errorf("JSON-LD types: %v, %v", get(jp, "@type"), get(jp, "jobLocation.address.@type"))
	}
}

// checkPrint prints the page on Letter paper with the browser's default
// margins and counts the pages.
func checkPrint(t *testing.T, tab context.Context) {
	t.Helper()
	data, err := chromedp.Run(tab, chromedp.PrintToPDF(chromedp.PDFPaper(chromedp.PaperLetter)))
	if err != nil {
		t.Fatalf("print: %v", err)
	}
	n := len(pdfPageRe.FindAll(data, -1))
	if n < 1 || n > maxPrintPages {
		t.Errorf("prints to %d pages, want 1 to %d", n, maxPrintPages)
	}
}

// checkAxe injects axe-core and fails on every violation it reports.
func checkAxe(t *testing.T, tab context.Context, axe string) {
	t.Helper()
	if _, err := chromedp.Run(tab, chromedp.Evaluate[chromedp.Void](axe)); err != nil {
		t.Fatalf("inject axe-core: %v", err)
	}
	raw, err := chromedp.Run(tab, chromedp.Evaluate[string](
		`axe.run(document, {resultTypes: ["violations"]}).then(function(r){ return JSON.stringify({n: r.passes.length + r.incomplete.length + r.inapplicable.length, v: r.violations}); })`,
		chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("axe.run: %v", err)
	}
	var res struct {
		N int            `json:"n"`
		V []axeViolation `json:"v"`
	}
	if err := json.Unmarshal([]byte(raw), &res); err != nil {
		t.Fatal(err)
	}
	if res.N == 0 {
		t.Error("axe-core ran no rule")
	}
	for _, v := range res.V {
		var where []string
		for _, n := range v.Nodes {
			where = append(where, fmt.Sprint(n.Target)+" "+n.HTML)
		}
		t.Errorf("axe %s (%s): %s\n  %s", v.ID, v.Impact, v.Help, strings.Join(where, "\n  "))
	}
}

// checkIndexScript filters and sorts the careers table in the browser.
func checkIndexScript(t *testing.T, tab context.Context) {
	t.Helper()
	state, err := chromedp.Run(tab, chromedp.Evaluate[map[string]any](`(function(){
		var rows=function(){return Array.prototype.filter.call(document.querySelectorAll("#positions tbody tr"),function(r){return !r.hidden;});};
		var total=rows().length, shown0=document.getElementById("count").textContent, hiddenFilters=document.getElementById("filters").hidden;
		var q=document.getElementById("q"); var first=rows()[0].cells[0].textContent;
		q.value=first; q.dispatchEvent(new Event("input"));
		var filtered=rows().length, shown1=document.getElementById("count").textContent;
		q.value=""; q.dispatchEvent(new Event("input"));
		var pay=document.querySelectorAll("#positions thead th")[4];
		pay.querySelector("button").click(); pay.querySelector("button").click();
		var vals=rows().map(function(r){return parseFloat(r.cells[4].getAttribute("data-sort"));});
		var sorted=vals.every(function(v,i){return i===0||vals[i-1]>=v;});
		return {total: total, filtered: filtered, shown0: shown0, shown1: shown1, hiddenFilters: hiddenFilters, sort: pay.getAttribute("aria-sort"), sorted: sorted};
	})()`))
	if err != nil {
		t.Fatalf("index script: %v", err)
	}
	total, _ := state["total"].(float64)
	filtered, _ := state["filtered"].(float64)
	if total < 1 || filtered < 1 || filtered >= total && total > 1 {
		t.Errorf("filter by the first title: %v of %v rows shown", filtered, total)
	}
	if state["hiddenFilters"] != false || state["shown0"] != fmt.Sprintf("%v positions shown", total) && total != 1 {
		t.Errorf("controls not shown or count wrong: %v", state)
	}
	if state["sort"] != "descending" || state["sorted"] != true {
		t.Errorf("sorting by pay twice: aria-sort %v, sorted %v", state["sort"], state["sorted"])
	}
}
