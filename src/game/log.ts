interface KeyIndex {
  readonly first: Map<string, number>;
  covered: number;
}

const keyIndexes = new WeakMap<object, Map<unknown, unknown>>();

/**
 * An immutable, append-only list with O(1) appends: successive states share one backing array
 * and each sees its own first `length` items. Appending to the newest list pushes onto the
 * shared array (no state that exists can see the new items); appending to an older list (a
 * state that was branched from) copies its items first. So no request copies or freezes a
 * game's whole history, and no earlier state ever changes.
 */
export class EventLog<T> implements Iterable<T> {
  /** Number of items. */
  readonly length: number;
  readonly #items: T[];

  private constructor(items: T[], length: number) {
    this.#items = items;
    this.length = length;
    Object.freeze(this);
  }

  /** A list of these items (copied). */
  static of<T>(items: Iterable<T>): EventLog<T> {
    const copy = [...items];
    return new EventLog(copy, copy.length);
  }

  /** The list with `items` added at the end. */
  append(items: readonly T[]): EventLog<T> {
    if (items.length === 0) return this;
    let backing = this.#items;
    if (backing.length !== this.length) backing = backing.slice(0, this.length);
    for (const item of items) backing.push(item);
    return new EventLog(backing, this.length + items.length);
  }

  /** The item at `index` (negative counts from the end), or undefined. */
  at(index: number): T | undefined {
    const i = index < 0 ? this.length + index : index;
    return i >= 0 && i < this.length ? this.#items[i] : undefined;
  }

  /** The items from `start` to `end` (as `Array.prototype.slice`), as a new array. */
  slice(start = 0, end = this.length): T[] {
    const from = start < 0 ? Math.max(0, this.length + start) : Math.min(start, this.length);
    const to = end < 0 ? Math.max(0, this.length + end) : Math.min(end, this.length);
    return this.#items.slice(from, Math.max(from, to));
  }

  /** The items as a new array. */
  toArray(): T[] {
    return this.#items.slice(0, this.length);
  }

  /** The items, so that `JSON.stringify` writes the list as an array. */
  toJSON(): T[] {
    return this.toArray();
  }

  /**
   * True when some item has this `key` (as `keyOf` computes it). O(1) on average: an index of
   * each key's first position is kept per backing array and extended as the list grows, so it
   * serves every state that shares the array (a key counts when its first position is below
   * the list's length). `keyOf` should be one function for a kind of list.
   */
  includesKey(key: string, keyOf: (item: T) => string): boolean {
    let byKeyOf = keyIndexes.get(this.#items);
    if (byKeyOf === undefined) {
      byKeyOf = new Map();
      keyIndexes.set(this.#items, byKeyOf);
    }
    let index = byKeyOf.get(keyOf) as KeyIndex | undefined;
    if (index === undefined) {
      index = { first: new Map(), covered: 0 };
      byKeyOf.set(keyOf, index);
    }
    for (; index.covered < this.length; index.covered++) {
      const k = keyOf(this.#items[index.covered] as T);
      if (!index.first.has(k)) index.first.set(k, index.covered);
    }
    const at = index.first.get(key);
    return at !== undefined && at < this.length;
  }

  *[Symbol.iterator](): Iterator<T> {
    for (let i = 0; i < this.length; i++) yield this.#items[i] as T;
  }
}
