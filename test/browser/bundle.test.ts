/**
 * The core runs in a browser: bundle the package entry with esbuild for the browser platform (no
 * Node built-ins allowed) and run an analysis inside headless Chromium. Uses dist/index.js when it
 * has been built (CI builds first), else src/index.ts.
 *
 * Needs /usr/bin/chromium (`apt-get install -y chromium`); skipped with a message without it,
 * unless POWERMAP_REQUIRE_BROWSER is set (CI), where a missing browser fails.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { chromium, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const CHROMIUM = '/usr/bin/chromium';
const HAS_CHROMIUM = existsSync(CHROMIUM);
if (!HAS_CHROMIUM && process.env.POWERMAP_REQUIRE_BROWSER) throw new Error(`test/browser: ${CHROMIUM} is required in CI (apt-get install -y chromium)`);
const ENTRY = existsSync('dist/index.js') ? 'dist/index.js' : 'src/index.ts';

async function bundle(): Promise<string> {
  const result = await build({
    stdin: {
      contents: `import * as powermap from ${JSON.stringify(path.resolve(ENTRY))}; window.powermap = powermap;`,
      resolveDir: process.cwd(),
      loader: 'ts',
    },
    bundle: true,
    platform: 'browser',
    format: 'iife',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

describe('the core bundles for the browser', () => {
  it(`bundles ${ENTRY} for platform=browser with no Node built-in`, async () => {
    const code = await bundle();
    expect(code.length).toBeGreaterThan(10_000);
    // esbuild fails on a node: import for the browser platform; also no stray Node globals.
    expect(code).not.toMatch(/require\(["']node:/);
  }, 60_000);
});

describe.skipIf(!HAS_CHROMIUM)('an analysis inside headless Chromium', () => {
  let dir = '';
  let context: BrowserContext | undefined;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'powermap-bundle-'));
    context = await chromium.launchPersistentContext(dir, {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  }, 60_000);

  afterAll(async () => {
    await context?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('runs assessDeal on the worked example and matches the independent numbers', async () => {
    const page = await context!.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await page.setContent('<!doctype html><title>powermap</title>');
    await page.addScriptTag({ content: await bundle() });
    const deal = JSON.parse(readFileSync('test/fixtures/harbor-wms.json', 'utf8')) as unknown;
    const result = await page.evaluate((d) => {
      const pm = (window as unknown as { powermap: typeof import('../../src/index.js') }).powermap;
      const a = pm.assessDeal(d);
      return {
        scores: a.ranking.people.map((p) => [p.id, p.score]),
        lean: a.consensus.lean,
        best: a.coverage.decisionMakers[0]!.best,
        hasProcess: typeof (globalThis as { process?: unknown }).process,
      };
    }, deal);
    await page.close();
    expect(errors).toEqual([]);
    expect(result.hasProcess).toBe('undefined');
    // worked-example.md (independent implementation)
    expect(Object.fromEntries(result.scores as [string, number][]).ceo).toBeCloseTo(0.231632, 6);
    expect(result.lean).toBeCloseTo(0.144224, 6);
    expect(result.best!.path).toEqual(['whm', 'coo', 'ceo']);
    expect(result.best!.probability).toBeCloseTo(0.160724, 6);
  }, 60_000);
});
