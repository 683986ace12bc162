/**
 * Large and broken files through the CLI (in-process, real files): a 50 MB deal is validated and
 * analysed, a 50 MB file of garbage is refused with a message; never a crash or a stack trace.
 */
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fakeIo as io } from '../support/fake-io.js';
import { run } from '../../src/cli/run.js';

const dir = mkdtempSync(join(tmpdir(), 'powermap-large-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a 50 MB deal file', () => {
  it('validates (exit 0) and a 50 MB file of garbage is refused (exit 2) without a stack trace', async () => {
    // 20,000 people with 2,500-character notes: a little over 50 MB of JSON.
    const n = 20_000;
    const people = Array.from({ length: n }, (_, i) => ({
      id: `p${i}`,
      name: `Person ${i}`,
      reportsTo: i === 0 ? null : `p${Math.floor((i - 1) / 5)}`,
      influence: (i % 10) / 10,
      stance: i % 7 === 0 ? null : ((i % 5) - 2) / 2,
      notes: 'n'.repeat(2_600),
    }));
    const file = join(dir, 'big.json');
    writeFileSync(file, JSON.stringify({ id: 'big', people, contacts: [{ person: 'p1', strength: 0.8 }] }));
    expect(statSync(file).size).toBeGreaterThan(50 * 1024 * 1024);
    const v = io();
    expect(await run(['validate', file], v.io)).toBe(0);
    expect(v.out()).toContain(`${n} people`);

    const garbage = join(dir, 'garbage.json');
    writeFileSync(garbage, Buffer.alloc(50 * 1024 * 1024, 0x7b)); // "{{{{..."
    const g = io();
    expect(await run(['validate', garbage], g.io)).toBe(2);
    expect(g.err()).toContain('not valid JSON');
    expect(g.err()).not.toMatch(/\n\s+at /);
  }, 120_000);
});
