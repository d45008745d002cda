/**
 * A set of source handles (0, 1, 2… in arrival order) as one growing byte per source: a million
 * spans cost a megabyte, and a lookup is one array read.
 */
export class SourceSet {
  private readonly marks = new SourceBytes();

  add(source: number): void {
    this.marks.set(source, 1);
  }

  has(source: number): boolean {
    return this.marks.get(source) === 1;
  }
}

/** A byte per source handle, 0 where none was set. */
export class SourceBytes {
  private values = new Uint8Array(1024);

  set(source: number, value: number): void {
    if (source >= this.values.length) {
      const grown = new Uint8Array(Math.max(source + 1, this.values.length * 2));
      grown.set(this.values);
      this.values = grown;
    }
    this.values[source] = value;
  }

  get(source: number): number {
    return this.values[source] ?? 0;
  }
}
