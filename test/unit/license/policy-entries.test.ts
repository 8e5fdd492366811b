import * as assert from 'node:assert/strict';
import { checkPolicyLicenseEntries } from '../../../src/core/license/policy-entries';
import { policy } from '../policy/fixtures';

describe('checkPolicyLicenseEntries', () => {
  it('reports entries that are neither SPDX nor a catalog id, with their path', () => {
    const issues = checkPolicyLicenseEntries(policy({ allowLicenses: ['Apache-2.0', 'Apache 2.0', 'llama-4-community'], denyLicenses: ['GPL-3.0-only OR MIT', 'lama-4'] }), [
      'apache-2.0',
      'llama-4-community',
    ]);
    assert.deepEqual(issues.map((i) => i.path), ['policy.allowLicenses.1', 'policy.denyLicenses.1']);
    assert.match(issues[0]!.message, /"Apache 2\.0" is neither a catalog license id nor an SPDX expression/);
  });
  it('accepts LicenseRef- spellings of catalog ids', () => {
    assert.deepEqual(checkPolicyLicenseEntries(policy({ denyLicenses: ['LicenseRef-llama-4-community'] }), ['llama-4-community']), []);
  });
});
