import * as assert from 'node:assert/strict';
import { importTargets } from '../../src/node/import-targets';

describe('importTargets', () => {
  const files = new Set([
    'service/app/settings.py',
    'service/app/llm/__init__.py',
    'service/app/tagging.py',
    'config.py',
    'web/lib/models.ts',
    'web/lib/index.ts',
    'src/lib/config/index.tsx',
    'web/app/page.tsx',
  ]);
  it('resolves Python relative and absolute imports', () => {
    assert.deepEqual(importTargets('service/app/tagging.py', '.settings', files), ['service/app/settings.py']);
    assert.deepEqual(importTargets('service/app/tagging.py', '.llm', files), ['service/app/llm/__init__.py']);
    assert.deepEqual(importTargets('service/app/tagging.py', '..app.settings', files), ['service/app/settings.py']);
    assert.deepEqual(importTargets('service/app/tagging.py', 'app.settings', files), ['service/app/settings.py']);
    assert.deepEqual(importTargets('service/app/tagging.py', 'config', files), ['config.py']);
    assert.deepEqual(importTargets('service/app/tagging.py', 'nowhere.settings', files), []);
  });
  it('resolves JS relative imports with extensions, index files and path aliases', () => {
    assert.deepEqual(importTargets('web/app/page.tsx', '../lib/models', files), ['web/lib/models.ts']);
    assert.deepEqual(importTargets('web/app/page.tsx', '../lib/models.js', files), ['web/lib/models.ts']);
    assert.deepEqual(importTargets('web/app/page.tsx', '../lib', files), ['web/lib/index.ts']);
    assert.deepEqual(importTargets('web/app/page.tsx', '@/lib/config', files), ['src/lib/config/index.tsx']);
    assert.deepEqual(importTargets('web/app/page.tsx', 'openai', files), []);
  });
});
