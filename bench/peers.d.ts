declare module 'dawg-lookup' {
  export class Trie {
    constructor(words?: string | string[]);
    pack(): string;
  }
  export class PTrie {
    constructor(packed: string);
    isWord(word: string): boolean;
  }
}
