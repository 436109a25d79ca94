/** Prints one plain line, `N passed, N failed, N skipped`, for CI to read, after the default report. */
export function summaryReporter() {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  const count = (suite) => {
    for (const test of suite.tests) {
      if (test.skipped) skipped++;
      else if (test.passed) passed++;
      else failed++;
    }
    for (const child of suite.suites) count(child);
  };
  return {
    onTestRunFinished({ sessions }) {
      for (const session of sessions) {
        if (session.testResults) count(session.testResults);
        // A file that failed to load or run counts as one failure.
        if (!session.passed && (!session.testResults || session.errors?.length)) failed += session.errors?.length ? 1 : 0;
      }
    },
    async stop() {
      console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
    },
  };
}
