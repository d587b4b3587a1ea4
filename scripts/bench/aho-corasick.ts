// A textbook Aho–Corasick automaton over UTF-16 code units, written for the bench's
// equal-work comparison: goto edges in one Map per node, failure links by breadth-first
// search, and each node's output list joined with its failure node's (longest first).

export class CodeUnitAhoCorasick {
  private next: Map<number, number>[] = [new Map()];
  private fail: number[] = [0];
  /** Pattern indices ending at each node, its failure chain's included, longest first. */
  private out: number[][] = [[]];

  constructor(readonly patterns: readonly string[]) {
    patterns.forEach((p, index) => {
      let node = 0;
      for (let i = 0; i < p.length; i++) {
        const u = p.charCodeAt(i);
        let to = this.next[node].get(u);
        if (to === undefined) {
          to = this.next.length;
          this.next.push(new Map());
          this.fail.push(0);
          this.out.push([]);
          this.next[node].set(u, to);
        }
        node = to;
      }
      this.out[node].push(index);
    });
    const queue: number[] = [...this.next[0].values()];
    for (let q = 0; q < queue.length; q++) {
      const node = queue[q];
      for (const [u, child] of this.next[node]) {
        let f = this.fail[node];
        while (f && !this.next[f].has(u)) f = this.fail[f];
        const target = this.next[f].get(u);
        this.fail[child] = target !== undefined && target !== child ? target : 0;
        this.out[child] = [...this.out[child], ...this.out[this.fail[child]]];
        queue.push(child);
      }
    }
  }

  /** Calls `found(start, end, pattern)` for every occurrence, in order of end, longest first. */
  search(text: string, found: (start: number, end: number, pattern: number) => void): void {
    let node = 0;
    for (let i = 0; i < text.length; i++) {
      const u = text.charCodeAt(i);
      let to = this.next[node].get(u);
      while (to === undefined && node) {
        node = this.fail[node];
        to = this.next[node].get(u);
      }
      node = to ?? 0;
      for (const p of this.out[node]) found(i + 1 - this.patterns[p].length, i + 1, p);
    }
  }
}
