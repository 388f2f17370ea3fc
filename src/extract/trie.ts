// A character trie for longest-match dictionary lookup over running text.
// Keyed by UTF-16 code unit: text[i] would allocate a new one-character string for every CJK
// character it reads, charCodeAt does not, and small-integer keys hash for free.
interface TrieNode {
  next: Map<number, TrieNode>;
  value?: string;
}

export class Trie {
  private root: TrieNode = { next: new Map() };
  /** 1 for each code unit a word starts with: most positions are rejected without a map lookup. */
  private readonly starts = new Uint8Array(0x10000);

  add(word: string, value: string = word): void {
    if (word.length > 0) this.starts[word.charCodeAt(0)] = 1;
    let node = this.root;
    for (let i = 0; i < word.length; i++) {
      const code = word.charCodeAt(i);
      let child = node.next.get(code);
      if (!child) node.next.set(code, (child = { next: new Map() }));
      node = child;
    }
    node.value = value;
  }

  /** The value stored for exactly this word, or undefined. */
  lookup(word: string): string | undefined {
    let node: TrieNode | undefined = this.root;
    for (let i = 0; i < word.length; i++) if (!(node = node.next.get(word.charCodeAt(i)))) return undefined;
    return node.value;
  }

  /** The longest word starting at `pos`, or undefined. */
  longestAt(text: string, pos: number): { end: number; value: string } | undefined {
    return this.walk(text, pos, undefined);
  }

  /** The longest word starting at `pos` that ends where `ends` is 1 (word boundaries), or undefined. */
  longestEndingAt(text: string, pos: number, ends: Uint8Array): { end: number; value: string } | undefined {
    return this.walk(text, pos, ends);
  }

  private walk(text: string, pos: number, ends: Uint8Array | undefined): { end: number; value: string } | undefined {
    if (this.starts[text.charCodeAt(pos)] !== 1) return undefined;
    let node: TrieNode | undefined = this.root;
    let value: string | undefined;
    let end = -1;
    for (let i = pos; i < text.length; i++) {
      node = node.next.get(text.charCodeAt(i));
      if (!node) break;
      if (node.value !== undefined && (ends === undefined || ends[i + 1] === 1)) {
        value = node.value;
        end = i + 1;
      }
    }
    return value === undefined ? undefined : { end, value };
  }

  /** Non-overlapping longest matches, scanning left to right. */
  *matches(text: string): Generator<{ start: number; end: number; value: string }> {
    for (let i = 0; i < text.length; ) {
      const m = this.longestAt(text, i);
      if (m) {
        yield { start: i, end: m.end, value: m.value };
        i = m.end;
      } else i++;
    }
  }
}
