/**
 * The CLI in-process, through the same `run(argv, io)` the binary calls, with a fake Io: every
 * command, its output and its exit code (0 ok, 1 invalid input, 2 usage or I/O error), and never
 * a stack trace.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { fakeIo } from '../support/fake-io.js';

const HARBOR = 'test/fixtures/harbor-wms.json';
const TEN = 'test/fixtures/ten-mistakes.json';
const noStack = (text: string) => expect(text).not.toMatch(/\n\s+at .+:\d+:\d+/);

describe('powermap (no command, help, version)', () => {
  it('with no command prints the help on stderr and exits 2', async () => {
    const c = fakeIo();
    expect(await run([], c.io)).toBe(2);
    expect(c.err()).toContain('Usage:');
  });

  it.each([['--help'], ['-h'], ['help']])('%s prints the help on stdout and exits 0', async (flag) => {
    const c = fakeIo();
    expect(await run([flag], c.io)).toBe(0);
    expect(c.out()).toContain('powermap analyze <deal.json>');
  });

  it('--version prints the package version', async () => {
    const c = fakeIo();
    const pkg = JSON.parse(await readFile('package.json', 'utf8')) as { version: string };
    expect(await run(['--version'], c.io)).toBe(0);
    expect(c.out()).toBe(`${pkg.version}\n`);
  });

  it('an unknown command or option is a usage error (2) with a hint', async () => {
    const c = fakeIo();
    expect(await run(['analyse', HARBOR], c.io)).toBe(2);
    expect(c.err()).toContain('unknown command "analyse"');
    const d = fakeIo();
    expect(await run(['analyze', HARBOR, '--colour'], d.io)).toBe(2);
    expect(d.err()).toContain('Usage: powermap analyze');
  });

  it('a command with --help prints its usage and exits 0', async () => {
    const c = fakeIo();
    expect(await run(['export', '--help'], c.io)).toBe(0);
    expect(c.out()).toContain('Usage: powermap export');
  });
});

describe('powermap validate', () => {
  it('exits 0 on a valid deal', async () => {
    const c = fakeIo();
    expect(await run(['validate', HARBOR], c.io)).toBe(0);
    expect(c.out()).toContain('valid deal "harbor-wms" with 6 people');
  });

  it('prints ten issues with paths for the deal with ten mistakes, and exits 1', async () => {
    const c = fakeIo();
    expect(await run(['validate', TEN], c.io)).toBe(1);
    const lines = c.err().trim().split('\n').slice(1);
    expect(lines).toHaveLength(10);
    expect(lines.map((l) => l.trim().split(':')[0])).toEqual([
      'asOf',
      'people[0].influence',
      'people[1].stance',
      'people[2].reportsTo',
      'people[3].id',
      'people[4].roles[0]',
      'relations[0]',
      'relations[1].weight',
      'relations[2].weight',
      'contacts[0].person',
    ]);
    noStack(c.err());
  });

  it.each([
    ['a missing file', 'does-not-exist.json', 'no such file'],
    ['a directory', 'test', 'it is a directory'],
  ])('exits 2 on %s', async (_, path, message) => {
    const c = fakeIo();
    expect(await run(['validate', path], c.io)).toBe(2);
    expect(c.err()).toContain(message);
    noStack(c.err());
  });

  it('exits 2 on truncated JSON and on bytes that are not UTF-8, with a message', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'powermap-cli-'));
    const truncated = join(dir, 'truncated.json');
    writeFileSync(truncated, (await readFile(HARBOR, 'utf8')).slice(0, 200));
    const latin1 = join(dir, 'latin1.json');
    writeFileSync(latin1, Buffer.from([0x7b, 0x22, 0x69, 0x64, 0x22, 0x3a, 0x22, 0xe9, 0x22, 0x7d]));
    for (const [file, message] of [
      [truncated, 'not valid JSON'],
      [latin1, 'not valid UTF-8'],
    ] as const) {
      const c = fakeIo();
      expect(await run(['validate', file], c.io)).toBe(2);
      expect(c.err()).toContain(message);
      noStack(c.err());
    }
  });
});

describe('powermap analyze', () => {
  it.each([
    ['text', 'THE THREE THRESHOLDS'],
    ['md', '## The three thresholds'],
    ['html', '<svg'],
    ['csv', 'rank,id,name'],
  ])('--format %s renders the report', async (format, marker) => {
    const c = fakeIo();
    expect(await run(['analyze', HARBOR, '--format', format], c.io)).toBe(0);
    expect(c.out()).toContain(marker);
  });

  it('--format json is the assessment as JSON (the worked example: ceo best path 0.160724)', async () => {
    const c = fakeIo();
    expect(await run(['analyze', HARBOR, '--format', 'json'], c.io)).toBe(0);
    const a = JSON.parse(c.out());
    expect(a.coverage.decisionMakers[0].best.path).toEqual(['whm', 'coo', 'ceo']);
    expect(a.coverage.decisionMakers[0].best.probability).toBeCloseTo(0.160724, 6);
  });

  it('colours only on a TTY and never with NO_COLOR', async () => {
    const ansi = /\u001b\[/;
    const tty = fakeIo({ tty: true });
    await run(['analyze', HARBOR], tty.io);
    expect(tty.out()).toMatch(ansi);
    const pipe = fakeIo({ tty: false });
    await run(['analyze', HARBOR], pipe.io);
    expect(pipe.out()).not.toMatch(ansi);
    const noColor = fakeIo({ tty: true, env: { NO_COLOR: '1' } });
    await run(['analyze', HARBOR], noColor.io);
    expect(noColor.out()).not.toMatch(ansi);
  });

  it('--lang zh-CN renders Chinese', async () => {
    const c = fakeIo();
    expect(await run(['analyze', HARBOR, '--lang', 'zh-CN'], c.io)).toBe(0);
    expect(c.out()).toContain('决策者');
  });

  it('--out writes the file and says where', async () => {
    const c = fakeIo();
    expect(await run(['analyze', HARBOR, '--format', 'html', '--out', 'report.html'], c.io)).toBe(0);
    expect(c.files.get('report.html')).toMatch(/^<!doctype html>/i);
    expect(c.err()).toContain('wrote report.html');
    expect(c.out()).toBe('');
  });

  it('exits 1 with every issue on an invalid deal, and 2 on a bad --format', async () => {
    const c = fakeIo();
    expect(await run(['analyze', TEN], c.io)).toBe(1);
    expect(c.err()).toContain('10 problems');
    const d = fakeIo();
    expect(await run(['analyze', HARBOR, '--format', 'pdf'], d.io)).toBe(2);
    expect(d.err()).toContain('--format must be one of text, md, json, html, csv');
  });
});

describe('powermap demo', () => {
  it('prints the report of the flagship deal and writes powermap-report.html', async () => {
    const c = fakeIo();
    expect(await run(['demo'], c.io)).toBe(0);
    expect(c.out()).toContain('Northwind Precision');
    expect(c.out()).toContain('powermap-report.html');
    expect(c.files.get('powermap-report.html')).toContain('<svg');
  });
});

describe('powermap diff', () => {
  it('reports the Globex shrink after the champion left', async () => {
    const c = fakeIo();
    const dir = 'examples/deals/snapshots/';
    expect(await run(['diff', `${dir}globex-2026-07-01.json`, `${dir}globex-2026-09-01.json`], c.io)).toBe(0);
    expect(c.out()).toContain('Support base shrinking');
    expect(c.out()).toContain('Champion Nadia Haddad has left.');
    const j = fakeIo();
    await run(['diff', `${dir}globex-2026-05-01.json`, `${dir}globex-2026-07-01.json`, '--format', 'json'], j.io);
    expect(JSON.parse(j.out()).trend).toBe('growing');
  });
});

describe('powermap export', () => {
  it.each([
    ['gexf', '<gexf'],
    ['graphml', '<graphml'],
    ['dot', 'digraph'],
    ['mermaid', 'flowchart'],
    ['cytoscape', '"elements"'],
  ])('--to %s', async (to, marker) => {
    const c = fakeIo();
    expect(await run(['export', HARBOR, '--to', to], c.io)).toBe(0);
    expect(c.out()).toContain(marker);
  });

  it('needs --to (exit 2)', async () => {
    const c = fakeIo();
    expect(await run(['export', HARBOR], c.io)).toBe(2);
  });
});

describe('powermap import', () => {
  it('imports a Salesforce export into a valid deal', async () => {
    const c = fakeIo();
    const code = await run(['import', '--people', 'test/fixtures/crm/salesforce-contacts.csv', '--relations', 'test/fixtures/crm/salesforce-relations.csv'], c.io);
    expect(code).toBe(0);
    const v = fakeIo();
    const dir = mkdtempSync(join(tmpdir(), 'powermap-import-'));
    writeFileSync(join(dir, 'deal.json'), c.out());
    expect(await run(['validate', join(dir, 'deal.json')], v.io)).toBe(0);
  });

  it('reports every bad row with its line number, keeps the good rows, and exits 1', async () => {
    const c = fakeIo();
    expect(await run(['import', '--people', 'test/fixtures/crm/bad-rows.csv'], c.io)).toBe(1);
    const lines = c.err().split('\n').filter((l) => l.startsWith('test/fixtures/crm/bad-rows.csv:'));
    expect(lines.map((l) => Number(l.split(':')[1]))).toEqual([5, 6, 7, 8, 9]);
    expect(JSON.parse(c.out()).people.length).toBeGreaterThan(0);
  });

  it('needs --people (exit 2)', async () => {
    const c = fakeIo();
    expect(await run(['import'], c.io)).toBe(2);
  });
});

describe('powermap batch', () => {
  it('writes one result per line, reports bad lines and exits 1 when any failed', async () => {
    const good = JSON.stringify(JSON.parse(await readFile(HARBOR, 'utf8')));
    const c = fakeIo({ stdin: `${good}\n{not json\n\n${good}\n` });
    expect(await run(['batch', '-'], c.io)).toBe(1);
    const results = c.out().trim().split('\n').map((l) => JSON.parse(l) as { line: number; ok: boolean });
    expect(results.map((r) => [r.line, r.ok])).toEqual([
      [1, true],
      [2, false],
      [4, true],
    ]);
    expect(c.err()).toContain('3 deals, 1 failed');
  });

  it('exits 2 on a missing file', async () => {
    const c = fakeIo();
    expect(await run(['batch', 'nope.ndjson'], c.io)).toBe(2);
    expect(c.err()).toContain('no such file');
  });
});
