package redact

// minRowsPerWorker keeps tiny jobs on the calling goroutine: starting a
// goroutine costs more than painting a few short rows. Rows are spread
// over goroutines by package internal/parallel, which caps how many.
const minRowsPerWorker = 16
