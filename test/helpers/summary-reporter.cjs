// Mocha's spec output, plus the pass/fail counts written to $MODELWISE_SUMMARY so test/run-all.mjs can sum suites.
const Mocha = require('mocha');
const { writeFileSync } = require('node:fs');

class SummaryReporter extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    runner.once('end', () => {
      const out = process.env.MODELWISE_SUMMARY;
      if (out) writeFileSync(out, JSON.stringify({ passed: runner.stats.passes, failed: runner.stats.failures, pending: runner.stats.pending }));
    });
  }
}
module.exports = SummaryReporter;
