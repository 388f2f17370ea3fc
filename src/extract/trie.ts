// A character trie for longest-match dictionary lookup over running text.
interface TrieNode {
  next: Map<string, TrieNode>;
  value?: string;
}

export class Trie {
  private root: TrieNode = { next: new Map() };

  add(word: string, value: string = word): void {
    let node = this.root;
    for (const ch of word) {
      let child = node.next.get(ch);
      if (!child) node.next.set(ch, (child = { next: new Map() }));
      node = child;
    }
    node.value = value;
  }

  /** The value stored for exactly this word, or undefined. */
  lookup(word: string): string | undefined {
    let node: TrieNode | undefined = this.root;
    for (const ch of word) if (!(node = node.next.get(ch))) return undefined;
    return node.value;
  }

  /** The longest word starting at `pos`, or undefined. */
  longestAt(text: string, pos: number): { end: number; value: string } | undefined {
    let node: TrieNode | undefined = this.root;
    let found: { end: number; value: string } | undefined;
    for (let i = pos; i < text.length && node; i++) {
      node = node.next.get(text[i]!);
      if (node?.value !== undefined) found = { end: i + 1, value: node.value };
    }
    return found;
  }

  /** The longest word starting at `pos` that ends at one of `ends` (word boundaries), or undefined. */
  longestEndingAt(text: string, pos: number, ends: Set<number>): { end: number; value: string } | undefined {
    let node: TrieNode | undefined = this.root;
    let value: string | undefined;
    let end = -1;
    for (let i = pos; i < text.length; i++) {
      node = node.next.get(text[i]!);
      if (!node) break;
      if (node.value !== undefined && ends.has(i + 1)) [value, end] = [node.value, i + 1];
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
