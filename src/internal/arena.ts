/**
 * Typed arrays for the kernels, carved from shared 64 KB slabs when small.
 *
 * A fresh typed array larger than 64 bytes gets its own off-heap backing store, which costs about
 * half a microsecond to create and more to collect; a 20-person assessment makes ~300 of them. A
 * view on a shared slab costs ~20 ns. Slabs are only ever carved forward (never reused), so every
 * array starts zeroed like a fresh one; a slab is freed when no array cut from it is alive (so a
 * PowerGraph kept alive retains at most the slabs its arrays sit in). Arrays above 2 KB are
 * allocated normally. Nothing observable depends on where an array lives.
 *
 * @internal
 * @module
 */

const SLAB_BYTES = 64 * 1024;
const SMALL_BYTES = 2048;
let slab = new ArrayBuffer(SLAB_BYTES);
let used = 0;

function carve(bytes: number): number {
  const size = (bytes + 7) & ~7; // keep 8-byte alignment for Float64Array views
  if (used + size > SLAB_BYTES) {
    slab = new ArrayBuffer(SLAB_BYTES);
    used = 0;
  }
  const offset = used;
  used += size;
  return offset;
}

// Note: carve() first, then read `slab`: carving may start a new slab, and the view must be cut
// from the slab the offset belongs to.

/** A zeroed Float64Array of length n. */
export function f64(n: number): Float64Array {
  if (n * 8 > SMALL_BYTES) return new Float64Array(n);
  const offset = carve(n * 8);
  return new Float64Array(slab, offset, n);
}

/** A zeroed Int32Array of length n. */
export function i32(n: number): Int32Array {
  if (n * 4 > SMALL_BYTES) return new Int32Array(n);
  const offset = carve(n * 4);
  return new Int32Array(slab, offset, n);
}

/** A zeroed Uint8Array of length n. */
export function u8(n: number): Uint8Array {
  if (n > SMALL_BYTES) return new Uint8Array(n);
  const offset = carve(n);
  return new Uint8Array(slab, offset, n);
}

/** A Float64Array copy of numbers. */
export function f64From(values: ArrayLike<number>): Float64Array {
  const out = f64(values.length);
  for (let i = 0; i < values.length; i++) out[i] = values[i]!;
  return out;
}

/** An Int32Array copy of numbers. */
export function i32From(values: ArrayLike<number>): Int32Array {
  const out = i32(values.length);
  for (let i = 0; i < values.length; i++) out[i] = values[i]!;
  return out;
}

/** 0, 1, ..., n - 1. */
export function iota(n: number): Int32Array {
  const out = i32(n);
  for (let i = 0; i < n; i++) out[i] = i;
  return out;
}
