// Ends a Jest run with the plain line "N passed, N failed[, N skipped]" that CI logs are read for.
class PlainSummaryReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    const line = `${results.numPassedTests} passed, ${results.numFailedTests} failed${skipped > 0 ? `, ${skipped} skipped` : ""}`;
    process.stdout.write(`${line}\n`);
  }
}

module.exports = PlainSummaryReporter;
