/**
 * Mozilla's addons-linter (what addons.mozilla.org runs on upload) on the Firefox build: no
 * errors, and no warning but the one AMO shows for Preact's own `dangerouslySetInnerHTML`
 * support (`e.innerHTML = f.__html` in its diff), which Statboard never uses (eslint forbids it).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import linter from 'addons-linter';
import { expect, firefoxExtensionDir, test } from './fixtures';

interface LinterMessage {
  code: string;
  message: string;
  file?: string;
  line?: number;
  column?: number;
}

test('addons-linter: the Firefox build has no errors and no manifest warnings', async () => {
  const dir = firefoxExtensionDir();
  const instance = linter.createInstance({
    config: { _: [dir], logLevel: 'fatal', stack: false, pretty: false, warningsAsErrors: false, metadata: false, output: 'none', boring: true, selfHosted: false },
    runAsBinary: false,
  });
  const result = (await instance.run()) as { errors: LinterMessage[]; warnings: LinterMessage[]; notices: LinterMessage[] };
  expect(result.errors, JSON.stringify(result.errors, null, 2)).toEqual([]);
  const unexpected = result.warnings.filter((w) => {
    if (w.code !== 'UNSAFE_VAR_ASSIGNMENT' || !w.file || !w.line || !w.column) return true;
    const line = readFileSync(join(dir, w.file), 'utf8').split('\n')[w.line - 1] ?? '';
    return !/\.innerHTML=\w+\.__html/.test(line.slice(Math.max(0, w.column - 20), w.column + 40));
  });
  expect(unexpected, JSON.stringify(unexpected, null, 2)).toEqual([]);
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { icons?: Record<string, string> };
  expect(Object.keys(manifest.icons ?? {}).sort()).toEqual(['128', '16', '32', '48']);
});
