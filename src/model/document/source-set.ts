/**
 * A set of source handles (0, 1, 2… in arrival order) as one growing byte per source: a million
 * spans cost a megabyte, and a lookup is one array read.
 */
export class SourceSet {
  private marks = new Uint8Array(1024);

  add(source: number): void {
    if (source >= this.marks.length) {
      const grown = new Uint8Array(Math.max(source + 1, this.marks.length * 2));
      grown.set(this.marks);
      this.marks = grown;
    }
    this.marks[source] = 1;
  }

  has(source: number): boolean {
    return this.marks[source] === 1;
  }
}
