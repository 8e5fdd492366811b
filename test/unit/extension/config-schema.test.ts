import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { configJsonSchema } from '../../../src/extension/config-schema-entry';
import { repoRoot } from '../../helpers/engine';

describe('.modelwise.yaml JSON schema (contributed for YAML tooling)', () => {
  const validate = new Ajv({ strict: false, allErrors: true }).compile(configJsonSchema());

  it('accepts the editor test workspace config', () => {
    const config = parse(readFileSync(join(repoRoot, 'test/fixtures/editor-workspace/.modelwise.yaml'), 'utf8'));
    assert.equal(validate(config), true, JSON.stringify(validate.errors));
  });

  it('accepts an empty config (every section has a default)', () => {
    assert.equal(validate({}), true, JSON.stringify(validate.errors));
  });

  it('rejects what the engine rejects: unknown keys, negative volumes, wrong types', () => {
    assert.equal(validate({ usage: [{ file: 'a.py', callsPerMonth: -1 }] }), false);
    assert.equal(validate({ defaults: { callsPerMonth: 'lots' } }), false);
    assert.equal(validate({ budget: 10 }), false);
    assert.equal(validate({ prices: [{ model: 'gpt-4o', inputPerMTok: 1 }] }), false);
  });
});
