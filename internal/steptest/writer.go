package steptest

import "bytes"

// MaxWriter keeps what is written to it and records the largest single
// write: a streamed file's pieces show whether it was ever held whole.
type MaxWriter struct {
	bytes.Buffer
	// Max is the length of the largest write.
	Max int
}

// Write keeps p and records its length.
func (w *MaxWriter) Write(p []byte) (int, error) {
	w.Max = max(w.Max, len(p))
	return w.Buffer.Write(p)
}
