/**
 * The few CBOR (RFC 8949) items a Pagefind index is made of, written by hand: integers, text
 * and definite-length arrays, each in its shortest head, as Pagefind's minicbor writes them.
 * A general encoder (cbor2) took ~6 s and as much in garbage collection for the ~36,000
 * word entries of a 3,000-article shard; this writes them into one growing buffer.
 */

export class CborWriter {
  private buffer = Buffer.allocUnsafe(1 << 16);
  private length = 0;

  private reserve(bytes: number) {
    if (this.length + bytes <= this.buffer.length) return;
    const grown = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.length + bytes));
    this.buffer.copy(grown, 0, 0, this.length);
    this.buffer = grown;
  }

  private head(major: number, n: number) {
    this.reserve(5);
    const m = major << 5;
    const b = this.buffer;
    if (n < 24) b[this.length++] = m | n;
    else if (n < 0x100) {
      b[this.length++] = m | 24;
      b[this.length++] = n;
    } else if (n < 0x10000) {
      b[this.length++] = m | 25;
      b.writeUInt16BE(n, this.length);
      this.length += 2;
    } else if (n < 0x100000000) {
      b[this.length++] = m | 26;
      b.writeUInt32BE(n, this.length);
      this.length += 4;
    } else throw new Error(`CBOR: ${n}은 4바이트를 넘습니다`);
  }

  array(n: number) {
    this.head(4, n);
  }

  /** An integer: major type 0, or 1 for a negative one (-1 - n). */
  int(n: number) {
    if (n >= 0) this.head(0, n);
    else this.head(1, -1 - n);
  }

  text(s: string) {
    const bytes = Buffer.byteLength(s);
    this.head(3, bytes);
    this.reserve(bytes);
    this.length += this.buffer.write(s, this.length);
  }

  /** The bytes written since the last take (a copy), and starts again. */
  take(): Uint8Array {
    const bytes = Uint8Array.prototype.slice.call(this.buffer, 0, this.length);
    this.length = 0;
    return bytes;
  }
}

/** One writer for all heads: a new one each would allocate its 64 KB buffer (two heads a
 * chunk, ~700 chunks a shard). */
const heads = new CborWriter();

/** The head of a definite-length array of n items (major type 4). */
export function arrayHeader(n: number): Uint8Array {
  heads.array(n);
  return heads.take();
}
