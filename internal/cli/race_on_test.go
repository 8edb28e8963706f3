//go:build race

package cli

// raceEnabled is true when the race detector instruments the tests: they
// run several times slower, so wall-clock guards are not checked.
const raceEnabled = true
