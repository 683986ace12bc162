/**
 * A binary min-heap of (key, item) pairs on typed arrays; ties pop the smaller item first, so
 * results never depend on insertion order.
 *
 * @internal
 * @module
 */
import { f64, i32 } from './arena.js';
export class MinHeap {
  #keys: Float64Array;
  #items: Int32Array;
  #size = 0;

  constructor(capacity = 16) {
    this.#keys = f64(Math.max(1, capacity));
    this.#items = i32(Math.max(1, capacity));
  }

  get size(): number {
    return this.#size;
  }

  push(key: number, item: number): void {
    if (this.#size === this.#keys.length) this.#grow();
    let i = this.#size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.#less(key, item, this.#keys[parent]!, this.#items[parent]!)) break;
      this.#keys[i] = this.#keys[parent]!;
      this.#items[i] = this.#items[parent]!;
      i = parent;
    }
    this.#keys[i] = key;
    this.#items[i] = item;
  }

  /** Key of the top entry (undefined behaviour when empty). */
  peekKey(): number {
    return this.#keys[0]!;
  }

  /** Removes and returns the item with the smallest key. */
  pop(): number {
    const top = this.#items[0]!;
    const lastKey = this.#keys[--this.#size]!;
    const lastItem = this.#items[this.#size]!;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= this.#size) break;
      const r = l + 1;
      const c = r < this.#size && this.#less(this.#keys[r]!, this.#items[r]!, this.#keys[l]!, this.#items[l]!) ? r : l;
      if (!this.#less(this.#keys[c]!, this.#items[c]!, lastKey, lastItem)) break;
      this.#keys[i] = this.#keys[c]!;
      this.#items[i] = this.#items[c]!;
      i = c;
    }
    this.#keys[i] = lastKey;
    this.#items[i] = lastItem;
    return top;
  }

  #less(ka: number, ia: number, kb: number, ib: number): boolean {
    return ka < kb || (ka === kb && ia < ib);
  }

  #grow(): void {
    const keys = f64(this.#keys.length * 2);
    keys.set(this.#keys);
    const items = i32(this.#items.length * 2);
    items.set(this.#items);
    this.#keys = keys;
    this.#items = items;
  }
}
