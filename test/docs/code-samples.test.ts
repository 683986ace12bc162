/**
 * Every TypeScript sample in the documentation runs, and prints what it says it prints.
 *
 * The test collects each fenced block tagged `ts` or `typescript` in README.md and docs/**\/*.md
 * (not docs/api/, which typedoc generates), writes it to a temporary .ts file under
 * test/docs/.tmp/ (inside the repository, so that tsx applies the tsconfig `paths` that map
 * 'powermap' to ./src/index.ts), and runs it with `node_modules/.bin/tsx <file>` from the
 * repository root, as a reader would run it.
 *
 * - A block whose first line starts with `// no-run` is skipped (a snippet that needs a browser DOM
 *   or the reader's own files; the rest of the line may say why). Fragments that are not programs
 *   should be fenced as `text` instead.
 * - Every other block must exit with code 0.
 * - When a block has comment lines of the form `// => <text>`, the lines the block prints on
 *   stdout must equal those texts, in order (trailing white space ignored). A `// =>` comment
 *   after code on the same line is not checked; the docs put each expected line on its own.
 * - Every block, `// no-run` ones included, must also type-check with the repository's compiler
 *   options (strict, noUncheckedIndexedAccess): one `tsc` run over all of them.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const TMP_ROOT = join(ROOT, 'test/docs/.tmp');
const TMP = join(TMP_ROOT, `run-${process.pid}`);
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const TSC = join(ROOT, 'node_modules/.bin/tsc');
const TIMEOUT_MS = 60_000;

interface Sample {
  /** Markdown file, relative to the repository root. */
  readonly file: string;
  /** Line of the opening fence (1-based). */
  readonly line: number;
  readonly code: string;
  /** The `// =>` lines, in order; null when the block has none. */
  readonly expected: readonly string[] | null;
  readonly skip: boolean;
}

interface Outcome {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function markdownFiles(): string[] {
  const files = [join(ROOT, 'README.md')];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (relative(ROOT, path) !== join('docs', 'api')) walk(path);
      } else if (entry.name.endsWith('.md')) files.push(path);
    }
  };
  walk(join(ROOT, 'docs'));
  return files;
}

const FENCE = /^(\s*)(`{3,}|~{3,})\s*([\w-]*)/;
const EXPECTED = /^\s*\/\/ =>(?: (.*))?$/;

function collect(): Sample[] {
  const samples: Sample[] = [];
  for (const path of markdownFiles()) {
    const lines = readFileSync(path, 'utf8').split(/\r?\n/);
    for (let i = 0; i < lines.length; i++) {
      const open = FENCE.exec(lines[i]!);
      if (!open) continue;
      const [, indent, marker, lang] = open;
      const body: string[] = [];
      let j = i + 1;
      for (; j < lines.length; j++) {
        const close = FENCE.exec(lines[j]!);
        if (close && close[2]!.startsWith(marker!) && close[3] === '') break;
        body.push(lines[j]!.startsWith(indent!) ? lines[j]!.slice(indent!.length) : lines[j]!);
      }
      if (lang === 'ts' || lang === 'typescript') {
        const expected = body.flatMap((l) => {
          const m = EXPECTED.exec(l);
          return m ? [(m[1] ?? '').trimEnd()] : [];
        });
        samples.push({
          file: relative(ROOT, path),
          line: i + 1,
          code: `${body.join('\n')}\n`,
          expected: expected.length > 0 ? expected : null,
          skip: /^\/\/ no-run\b/.test((body.find((l) => l.trim() !== '') ?? '').trim()),
        });
      }
      i = j;
    }
  }
  return samples;
}

function fileOf(sample: Sample, index: number): string {
  const slug = `${sample.file.replace(/[^A-Za-z0-9]+/g, '-')}-L${sample.line}`;
  return join(TMP, `${String(index).padStart(3, '0')}-${slug}.ts`);
}

function exec(command: string, args: readonly string[]): Promise<Outcome> {
  return new Promise((done) => {
    execFile(
      command,
      [...args],
      { cwd: ROOT, timeout: TIMEOUT_MS, maxBuffer: 16 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
        done({ code, stdout: String(stdout), stderr: String(stderr) });
      },
    );
  });
}

/** Type-checks every sample file at once, with the repository's options ('powermap' -> src). */
function typecheck(): Promise<Outcome> {
  const config = join(TMP, 'tsconfig.samples.json');
  const up = relative(TMP, ROOT).split('\\').join('/');
  writeFileSync(
    config,
    JSON.stringify({
      extends: `${up}/tsconfig.json`,
      compilerOptions: { noEmit: true, rootDir: up, paths: { powermap: [`${up}/src/index.ts`] } },
      include: ['./*.ts'],
    }),
  );
  return exec(TSC, ['-p', config, '--pretty', 'false']);
}

/** Runs the samples `width` at a time; returns one promise per sample, in order. */
function runAll(samples: readonly Sample[], width: number): Promise<Outcome>[] {
  const resolvers: ((o: Outcome) => void)[] = [];
  const promises = samples.map(() => new Promise<Outcome>((r) => resolvers.push(r)));
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < samples.length) {
      const k = next++;
      resolvers[k]!(samples[k]!.skip ? { code: 0, stdout: '', stderr: '' } : await exec(TSX, [fileOf(samples[k]!, k)]));
    }
  };
  for (let w = 0; w < width; w++) void worker();
  return promises;
}

const samples = collect();
let outcomes: Promise<Outcome>[] = [];
let typechecked: Promise<Outcome> = Promise.resolve({ code: null, stdout: '', stderr: 'not run' });

beforeAll(() => {
  mkdirSync(TMP, { recursive: true });
  samples.forEach((sample, k) => writeFileSync(fileOf(sample, k), sample.code));
  typechecked = typecheck();
  outcomes = runAll(samples, Math.max(2, Math.min(6, availableParallelism())));
});

afterAll(async () => {
  await Promise.allSettled([...outcomes, typechecked]);
  rmSync(TMP, { recursive: true, force: true });
  if (existsSync(TMP_ROOT) && readdirSync(TMP_ROOT).length === 0) rmSync(TMP_ROOT, { recursive: true, force: true });
});

describe('documentation code samples', () => {
  it('finds the samples', () => {
    expect(samples.length).toBeGreaterThan(20);
    expect(existsSync(TSX)).toBe(true);
  });

  it(
    'every sample type-checks',
    async () => {
      const outcome = await typechecked;
      // Error lines name the temporary file; turn them back into the Markdown file and line.
      const where = new Map(samples.map((sample, k) => [relative(ROOT, fileOf(sample, k)), sample]));
      const errors = `${outcome.stdout}${outcome.stderr}`
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line) => {
          const m = /^(.*?\.ts)\((\d+),(\d+)\): (.*)$/.exec(line);
          const sample = m ? where.get(m[1]!.split('\\').join('/')) : undefined;
          return sample ? `${sample.file}:${sample.line + Number(m![2])}: ${m![4]}` : line;
        });
      expect(errors, 'type errors in the documentation samples').toEqual([]);
      expect(outcome.code).toBe(0);
    },
    TIMEOUT_MS * 2,
  );

  samples.forEach((sample, k) => {
    const name = `${sample.file}:${sample.line}${sample.skip ? ' (no-run)' : sample.expected ? '' : ' (runs)'}`;
    it.skipIf(sample.skip)(
      name,
      async () => {
        const outcome = await outcomes[k]!;
        const where = `${sample.file}:${sample.line}`;
        if (outcome.code !== 0)
          expect.fail(`${where} exited with ${outcome.code}\n--- stderr ---\n${outcome.stderr.slice(-4000)}\n--- stdout ---\n${outcome.stdout.slice(-2000)}`);
        if (sample.expected) {
          const printed = outcome.stdout.replace(/\n$/, '').split('\n').map((l) => l.trimEnd());
          expect(printed, `${where}: what the block prints vs its // => comments`).toEqual(sample.expected);
        }
      },
      TIMEOUT_MS * 2,
    );
  });
});
