import * as assert from 'node:assert/strict';
import { corpusRoot, loadCorpusLabels, type CorpusLabels } from './corpus-labels';
import { ratios, type Prediction, type Tally } from './corpus-score';

/** What a corpus suite computed in its before() hook, read when the tests run. */
export interface CorpusOutcome {
  total: Tally;
  predsByFile: Map<string, Prediction[]>;
  missesPath: string;
}

/**
 * The assertions every labelled corpus makes: recall and precision floors, the model-id floor, and no call in a file
 * that has no label. Declared inside the corpus's describe(); `outcome` is filled by that suite's before().
 */
export function declareCorpusFloors(outcome: CorpusOutcome, floors: { minimum: number; modelMinimum: number }, root: string = corpusRoot): void {
  const { minimum, modelMinimum } = floors;
  it(`reaches call-site recall >= ${minimum}`, () => {
    const r = ratios(outcome.total);
    assert.ok(r.recall >= minimum, `recall ${r.recall.toFixed(3)} < ${minimum} (${outcome.total.falseNegatives} missed; see ${outcome.missesPath})`);
  });

  it(`reaches call-site precision >= ${minimum}`, () => {
    const r = ratios(outcome.total);
    assert.ok(r.precision >= minimum, `precision ${r.precision.toFixed(3)} < ${minimum} (${outcome.total.falsePositives} false; see ${outcome.missesPath})`);
  });

  it(`reaches model-id accuracy >= ${modelMinimum} on matched calls whose model is knowable`, () => {
    const r = ratios(outcome.total);
    assert.ok(r.modelAccuracy >= modelMinimum, `model accuracy ${r.modelAccuracy.toFixed(3)} < ${modelMinimum} (see ${outcome.missesPath})`);
  });

  describe('negative-only files yield no call', () => {
    let all: CorpusLabels = { files: [], calls: [] };
    try {
      all = loadCorpusLabels(root);
    } catch {
      // Malformed labels fail in the suite's before(); the per-file list is then empty.
    }
    for (const file of all.files.filter((f) => !all.calls.some((l) => l.file === f))) {
      it(file, () => {
        const found = (outcome.predsByFile.get(file) ?? []).map((p) => `${p.cell !== undefined ? `#${p.cell}` : ''}:${p.line} ${p.callee ?? ''}`);
        assert.deepEqual(found, []);
      });
    }
  });
}
