// Standard extension-host test entry: VS Code (or code-server) loads this module via extensionTestsPath and awaits run().
// Results go to a JSON file (MODELWISE_TEST_RESULT) because the extension host's stdout is not visible in code-server.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  const output = process.env.MODELWISE_TEST_RESULT;
  const mocha = new Mocha({
    ui: 'bdd',
    color: false,
    timeout: 60000,
    reporter: output ? 'json' : 'spec',
    reporterOptions: output ? { output } : undefined,
  });
  for (const f of readdirSync(__dirname).filter((n) => n.endsWith('.test.js')).sort()) mocha.addFile(join(__dirname, f));
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} extension test(s) failed`)) : resolve()));
  });
}
