/** The most items a chunk holds before a list continues in a new one. */
const CHUNK = 4096;

interface KeyIndex {
  /** The first position of each key in the chunk. */
  readonly first: Map<string, number>;
  /** Positions indexed so far. */
  covered: number;
}

/**
 * A run of items shared by the lists that contain it: the items that come after `before` items
 * of the chain of chunks it continues. A chunk only grows; each list sees its own prefix of it.
 */
class Chunk<T> {
  readonly items: T[] = [];
  keys: Map<unknown, KeyIndex> | undefined;
  constructor(
    readonly prev: Chunk<T> | undefined,
    readonly before: number,
  ) {}
}

/**
 * An immutable, append-only list with O(1) appends, however states branch: lists share chunks
 * of items, and each list sees its own prefix of the newest chunk it uses. Appending to the
 * newest list of a chunk pushes onto it (no existing list can see the new items); appending to
 * an older list, or to a full chunk, starts a new chunk that continues the list. So no request
 * copies or freezes a game's history, no earlier state ever changes, and applying many requests
 * to one state (retries, searches) costs each the same.
 */
export class EventLog<T> implements Iterable<T> {
  /** Number of items. */
  readonly length: number;
  readonly #chunk: Chunk<T>;

  private constructor(chunk: Chunk<T>, length: number) {
    this.#chunk = chunk;
    this.length = length;
    Object.freeze(this);
  }

  /** A list of these items (copied). */
  static of<T>(items: Iterable<T>): EventLog<T> {
    let list = new EventLog<T>(new Chunk<T>(undefined, 0), 0);
    let batch: T[] = [];
    for (const item of items) {
      batch.push(item);
      if (batch.length === CHUNK) {
        list = list.append(batch);
        batch = [];
      }
    }
    return list.append(batch);
  }

  /** The list with `items` added at the end. O(items), whatever the list's length. */
  append(items: readonly T[]): EventLog<T> {
    if (items.length === 0) return this;
    let chunk = this.#chunk;
    let length = this.length;
    for (const item of items) {
      const used = length - chunk.before;
      // Another list already extends this chunk past our end, or it is full: continue in a new one.
      if (used !== chunk.items.length || used >= CHUNK) chunk = new Chunk(chunk, length);
      chunk.items.push(item);
      length++;
    }
    return new EventLog(chunk, length);
  }

  /** The chunks of this list, oldest first, with the number of items it sees in each. */
  #segments(): { chunk: Chunk<T>; count: number }[] {
    const out: { chunk: Chunk<T>; count: number }[] = [];
    let end = this.length;
    for (let c: Chunk<T> | undefined = this.#chunk; c !== undefined; c = c.prev) {
      out.push({ chunk: c, count: end - c.before });
      end = c.before;
    }
    return out.reverse();
  }

  /** The item at `index` (negative counts from the end), or undefined. */
  at(index: number): T | undefined {
    const i = index < 0 ? this.length + index : index;
    if (!Number.isInteger(i) || i < 0 || i >= this.length) return undefined;
    let c = this.#chunk;
    while (i < c.before && c.prev !== undefined) c = c.prev;
    return c.items[i - c.before];
  }

  /** The items from `start` to `end` (as `Array.prototype.slice`), as a new array. */
  slice(start = 0, end = this.length): T[] {
    return this.toArray().slice(start, end);
  }

  /** The items as a new array. */
  toArray(): T[] {
    const out: T[] = [];
    for (const { chunk, count } of this.#segments()) for (let k = 0; k < count; k++) out.push(chunk.items[k] as T);
    return out;
  }

  /** The items, so that `JSON.stringify` writes the list as an array. */
  toJSON(): T[] {
    return this.toArray();
  }

  /**
   * True when some item has this `key` (as `keyOf` computes it). O(1) on average per chunk: each
   * chunk keeps the first position of every key, extended as it grows, which serves every list
   * that shares it (a key counts when its first position is within the part the list sees).
   * `keyOf` should be one function for a kind of list.
   */
  includesKey(key: string, keyOf: (item: T) => string): boolean {
    for (const { chunk, count } of this.#segments()) {
      chunk.keys ??= new Map();
      let index = chunk.keys.get(keyOf);
      if (index === undefined) {
        index = { first: new Map(), covered: 0 };
        chunk.keys.set(keyOf, index);
      }
      for (; index.covered < count; index.covered++) {
        const k = keyOf(chunk.items[index.covered] as T);
        if (!index.first.has(k)) index.first.set(k, index.covered);
      }
      const at = index.first.get(key);
      if (at !== undefined && at < count) return true;
    }
    return false;
  }

  /** The items, oldest first. */
  *[Symbol.iterator](): Iterator<T> {
    for (const { chunk, count } of this.#segments()) for (let k = 0; k < count; k++) yield chunk.items[k] as T;
  }
}
