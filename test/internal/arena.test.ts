import { describe, expect, it } from 'vitest';
import { f64, f64From, i32, i32From, iota, u8 } from '../../src/internal/arena.js';

describe('arena', () => {
  it('gives zeroed arrays that never overlap, also across slab boundaries', () => {
    // 64 KB slabs: 3,000 arrays of 40 doubles (320 bytes) cross many slab boundaries.
    const arrays = Array.from({ length: 3000 }, (_, k) => (k % 3 === 0 ? f64(40) : k % 3 === 1 ? i32(40) : u8(40)));
    for (const a of arrays) expect(a.every((x) => x === 0)).toBe(true);
    arrays.forEach((a, k) => a.fill((k % 100) + 1));
    arrays.forEach((a, k) => expect(a.every((x) => x === (k % 100) + 1)).toBe(true));
  });

  it('aligns doubles and allocates large arrays on their own', () => {
    u8(3); // an odd size must not misalign the next Float64Array
    const a = f64(5);
    expect(a.byteOffset % 8).toBe(0);
    expect(f64(10_000).byteOffset).toBe(0);
    expect(f64(10_000).length).toBe(10_000);
  });

  it('copies and counts', () => {
    expect([...f64From([1.5, -2])]).toEqual([1.5, -2]);
    expect([...i32From([3, 4])]).toEqual([3, 4]);
    expect([...iota(4)]).toEqual([0, 1, 2, 3]);
    expect(iota(0).length).toBe(0);
  });
});
