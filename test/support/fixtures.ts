/**
 * Reads a fixture of `test/fixtures/` as a fresh, unparsed JSON value (a new object on every call,
 * so a test may freeze or change it without affecting another).
 *
 * @module
 */
import { readFileSync } from 'node:fs';

export function loadFixture(name: string): unknown {
  return JSON.parse(readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8')) as unknown;
}
