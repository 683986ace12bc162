import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runInNewContext } from 'node:vm';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

/**
 * importCrm must run in a browser (CRMs embed powermap in web apps). csv-parse's `csv-parse/sync`
 * entry needs Node's `Buffer` (it fails in a browser with "Buffer is not defined"), so the
 * importer uses csv-parse's browser ESM build. This bundles the importer for the browser and runs
 * it in a bare V8 context: no Buffer, no process, no require, no Node globals at all.
 */
describe('importCrm in a browser bundle', () => {
  it('bundles with platform=browser and imports a Salesforce export without Node globals', async () => {
    const entry = fileURLToPath(new URL('../../src/io/import-crm.ts', import.meta.url));
    const bundle = await build({
      entryPoints: [entry],
      bundle: true,
      platform: 'browser',
      format: 'iife',
      globalName: 'powermapIo',
      write: false,
      logLevel: 'silent',
    });
    const code = bundle.outputFiles[0]!.text;
    const csv = readFileSync(new URL('../fixtures/crm/salesforce-contacts.csv', import.meta.url), 'utf8');
    const context: Record<string, unknown> = { csv };
    runInNewContext(`${code};\nglobalThis.result = powermapIo.importCrm({ people: csv });`, context);
    for (const name of ['Buffer', 'process', 'require', 'global']) expect(context).not.toHaveProperty(name);
    const result = context.result as { rowsKept: number; issues: { line: number; code: string }[] };
    expect(result.rowsKept).toBe(10);
    expect(result.issues.map((i) => [i.line, i.code])).toEqual([
      [11, 'other_role'],
      [14, 'report_footer'],
      [15, 'report_footer'],
    ]);
  }, 30_000);
});
