/**
 * Byte-level walking of CBOR (RFC 8949) without decoding it. The bundle rewrite
 * (scripts/pagefind-bundle.ts) moves Pagefind's word entries between chunk files as they
 * are: it needs each entry's byte range and its word, not the page and position numbers
 * inside, and decoding then re-encoding those was half of its time.
 *
 * Only definite lengths are accepted, which is what Pagefind writes; anything else throws,
 * so a format change fails the build instead of corrupting the index.
 */

interface Head {
  /** Major type, 0–7. */
  major: number;
  /** The head's argument: a length, a count, a value or a tag number. */
  argument: number;
  /** Offset of the first byte after the head. */
  next: number;
}

function readHead(bytes: Uint8Array, pos: number): Head {
  if (pos >= bytes.length) throw new Error(`CBOR: ${pos}바이트에서 데이터가 끝났습니다`);
  const initial = bytes[pos];
  const major = initial >> 5;
  const info = initial & 0x1f;
  if (info < 24) return { major, argument: info, next: pos + 1 };
  if (info > 27) {
    throw new Error(`CBOR: ${pos}바이트의 길이 표시 ${info}는 지원하지 않습니다 (정해진 길이만)`);
  }
  const size = 1 << (info - 24);
  if (pos + 1 + size > bytes.length) throw new Error(`CBOR: ${pos}바이트에서 데이터가 끝났습니다`);
  let argument = 0;
  // Multiplication, not bit shifts: an 8-byte argument would overflow 32-bit operators.
  for (let i = 1; i <= size; i++) argument = argument * 256 + bytes[pos + i];
  return { major, argument, next: pos + 1 + size };
}

/** Offset just past the data item that starts at `pos`. */
export function skipItem(bytes: Uint8Array, pos: number): number {
  const { major, argument, next } = readHead(bytes, pos);
  switch (major) {
    case 2: // byte string
    case 3: {
      // text string
      const end = next + argument;
      if (end > bytes.length)
        throw new Error(`CBOR: ${pos}바이트의 문자열이 데이터 밖으로 나갑니다`);
      return end;
    }
    case 4: // array
      return skipItems(bytes, next, argument);
    case 5: // map: a key and a value per entry
      return skipItems(bytes, next, 2 * argument);
    case 6: // tag: one item follows
      return skipItem(bytes, next);
    default: // 0, 1: integers; 7: simple values and floats, whose bytes are the argument
      return next;
  }
}

function skipItems(bytes: Uint8Array, pos: number, count: number): number {
  let at = pos;
  for (let i = 0; i < count; i++) at = skipItem(bytes, at);
  return at;
}

/** The byte ranges of the items of the array that starts at `pos`. */
export function arrayItems(bytes: Uint8Array, pos: number): { start: number; end: number }[] {
  const { major, argument, next } = readHead(bytes, pos);
  if (major !== 4)
    throw new Error(`CBOR: ${pos}바이트에 배열이 아닌 값(주 유형 ${major})이 있습니다`);
  const items: { start: number; end: number }[] = [];
  let at = next;
  for (let i = 0; i < argument; i++) {
    const end = skipItem(bytes, at);
    items.push({ start: at, end });
    at = end;
  }
  return items;
}

const utf8 = new TextDecoder();

/** The text string that is the first item of the array at `pos`. */
export function leadingText(bytes: Uint8Array, pos: number): string {
  const array = readHead(bytes, pos);
  const head = array.major === 4 && array.argument > 0 ? readHead(bytes, array.next) : array;
  if (array.major !== 4 || head.major !== 3) {
    throw new Error(`CBOR: ${pos}바이트의 배열 첫머리에 문자열이 없습니다`);
  }
  return utf8.decode(bytes.subarray(head.next, head.next + head.argument));
}

/** The head of a definite-length array of n items (major type 4). */
export function arrayHeader(n: number): Uint8Array {
  if (n < 24) return Uint8Array.of(0x80 + n);
  if (n < 0x100) return Uint8Array.of(0x98, n);
  if (n < 0x10000) return Uint8Array.of(0x99, n >> 8, n & 0xff);
  return Uint8Array.of(0x9a, (n >>> 24) & 0xff, (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff);
}
