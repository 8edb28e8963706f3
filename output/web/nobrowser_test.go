//go:build !browser

package web

import (
	"os"
	"testing"
)

// TestBrowserNotRun says that the browser tests (browser_test.go: headless
// Chromium, axe-core, printing) did not run in this build, and how to run
// them. It fails if the script that runs them is gone, so the message
// stays true.
func TestBrowserNotRun(t *testing.T) {
	const script = "../../.ci/browser-tests.sh"
	if _, err := os.Stat(script); err != nil {
		t.Fatalf("the browser tests have no runner: %v", err)
	}
	t.Log("browser tests were not run: they need -tags browser, Chromium and axe-core; run .ci/browser-tests.sh (or go test -tags browser ./output/web/...)")
}
