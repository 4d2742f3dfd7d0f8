/**
 * Ctrl+R, readline's reverse incremental search: each key typed narrows the search, each further
 * Ctrl+R finds an older match, Backspace steps back to the match before. The prompt is bash's:
 * `(reverse-i-search)`query': ` and `(failed reverse-i-search)…` when nothing older matches.
 */

interface Found {
  /** index into history; history.length stands for the line being edited */
  entry: number;
  /** where the query starts in that entry */
  at: number;
}

export class ReverseSearch {
  query = '';
  failed = false;
  private found: Found;
  private readonly steps: { query: string; found: Found; failed: boolean }[] = [];

  constructor(
    private readonly history: readonly string[],
    /** the line being edited when the search began */
    readonly original: string,
    readonly originalCursor: number,
  ) {
    this.found = { entry: history.length, at: originalCursor };
  }

  prompt(): string {
    return `(${this.failed ? 'failed ' : ''}reverse-i-search)\`${this.query}': `;
  }

  /** the line the search shows, and where its cursor is */
  line(): { text: string; cursor: number } {
    const text =
      this.found.entry < this.history.length ? this.history[this.found.entry]! : this.original;
    return { text, cursor: Math.min(this.found.at, text.length) };
  }

  type(text: string): void {
    this.push();
    this.query += text;
    // The match stays where it is if it still matches; else an older one is looked for.
    this.seek(this.found.entry, this.found.at);
  }

  /** Ctrl+R again: the next match of the same query, further left or older */
  older(): void {
    if (this.query === '') return;
    this.push();
    this.seek(this.found.entry, this.found.at - 1);
  }

  backspace(): void {
    const previous = this.steps.pop();
    if (!previous) return;
    this.query = previous.query;
    this.found = previous.found;
    this.failed = previous.failed;
  }

  private push(): void {
    this.steps.push({ query: this.query, found: { ...this.found }, failed: this.failed });
  }

  /** Looks from `entry` back (in `entry` itself from `from` leftwards); the edited line is not searched. */
  private seek(entry: number, from: number): void {
    for (let e = Math.min(entry, this.history.length - 1); e >= 0; e--) {
      const text = this.history[e]!;
      const start = e === entry ? from : text.length - this.query.length;
      const at = start < 0 ? -1 : text.lastIndexOf(this.query, start);
      if (at >= 0) {
        this.found = { entry: e, at };
        this.failed = false;
        return;
      }
    }
    this.failed = true;
  }
}
