/** Sizes as tools report them: bytes of the UTF-8 text, not JavaScript's UTF-16 length. */
const encoder = new TextEncoder();

export function byteLength(text: string): number {
  return encoder.encode(text).length;
}
