/**
 * The HTML report in a real browser (Debian's chromium through playwright-core): it renders,
 * runs no script (not even one smuggled in through a name), opens no dialog, loads nothing, and
 * draws one `g.person` per person. Screenshots go to the OS temp directory.
 *
 * Needs /usr/bin/chromium (`apt-get install -y chromium`); skipped with a message without it.
 * Never `npx playwright install`.
 */
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assessDeal, buildGraph } from '../../src/index.js';
import { toHtml } from '../../src/report/index.js';
import { hostileDeal } from '../report/hostile-deal.js';
import { loadFixture } from '../support/fixtures.js';

const CHROMIUM = '/usr/bin/chromium';
const HAS_CHROMIUM = existsSync(CHROMIUM);
if (!HAS_CHROMIUM && process.env.POWERMAP_REQUIRE_BROWSER) throw new Error(`test/browser: ${CHROMIUM} is required in CI (apt-get install -y chromium)`);
if (!HAS_CHROMIUM) console.warn(`test/browser: skipped, ${CHROMIUM} not found (install it with: apt-get install -y chromium)`);

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const CASES = [
  ['the worked example', () => loadFixture('harbor-wms.json')],
  [
    'a deal with hostile names',
    () => {
      const deal = structuredClone(hostileDeal);
      deal.people[2]!.name = '<svg onload=alert(2)><script>window.__pwned=1</script>';
      return deal;
    },
  ],
] as const;

describe.skipIf(!HAS_CHROMIUM)('toHtml in Chromium', () => {
  let userDataDir = '';
  let context: BrowserContext | undefined;

  beforeAll(async () => {
    userDataDir = mkdtempSync(path.join(os.tmpdir(), 'powermap-chromium-'));
    // launchPersistentContext is how playwright takes a user data dir (it refuses --user-data-dir in args).
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: ARGS,
      viewport: { width: 1440, height: 1000 },
    });
  }, 60_000);

  afterAll(async () => {
    await context?.close();
    if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
  });

  it('would notice an injected script (control: the checks are not vacuous)', async () => {
    const csp = toHtml(assessDeal(buildGraph(loadFixture('harbor-wms.json'))), loadFixture('harbor-wms.json') as never).match(/<meta http-equiv[^>]*>/)![0];
    const run = async (head: string) => {
      const page = await context!.newPage();
      const errors: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      try {
        await page.setContent(`<!doctype html><head>${head}</head><p>x</p><script>window.__pwned=1</script>`);
        return { pwned: await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned), errors };
      } finally {
        await page.close();
      }
    };
    expect((await run('')).pwned).toBe(1);
    // Under the report's CSP the same script is refused, and Chromium says so on the console.
    const blocked = await run(csp);
    expect(blocked.pwned).toBeUndefined();
    expect(blocked.errors.join('\n')).toMatch(/Content Security Policy/);
  }, 60_000);

  it.each(CASES)('renders %s without running any script, and draws one g.person per person', async (name, deal) => {
    const graph = buildGraph(deal());
    const html = toHtml(assessDeal(graph), graph);
    const page = await context!.newPage();
    const errors: string[] = [];
    const dialogs: string[] = [];
    const requests: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    page.on('request', (r) => {
      if (!/^(about:|data:)/.test(r.url())) requests.push(r.url());
    });
    try {
      await page.setContent(html, { waitUntil: 'load' });
      const seen = await page.evaluate(() => ({
        pwned: (window as unknown as { __pwned?: unknown }).__pwned,
        persons: document.querySelectorAll('svg.powermap g.person').length,
        scripts: document.querySelectorAll('script').length,
        images: document.querySelectorAll('img').length,
        text: document.body.innerText,
        mapWidth: document.querySelector('svg.powermap')!.getBoundingClientRect().width,
      }));
      const shot = path.join(os.tmpdir(), `powermap-report-${name.replace(/\W+/g, '-')}.png`);
      await page.screenshot({ path: shot, fullPage: true });

      expect(errors).toEqual([]);
      expect(dialogs).toEqual([]);
      expect(requests).toEqual([]);
      expect(seen.pwned).toBeUndefined();
      expect(seen.scripts).toBe(0);
      expect(seen.images).toBe(0);
      expect(seen.persons).toBe(graph.n);
      expect(seen.mapWidth).toBeGreaterThan(300);
      expect(statSync(shot).size).toBeGreaterThan(10_000);
      if (name === 'a deal with hostile names') {
        expect(seen.text).toContain('<img src=x onerror=alert(1)>');
        expect(seen.text).toContain('<script>window.__pwned=1</script>');
      } else expect(seen.text).toContain('Harbor Logistics warehouse system');
    } finally {
      await page.close();
    }
  }, 60_000);
});
