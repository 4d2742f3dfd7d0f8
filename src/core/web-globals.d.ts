// The two web-platform globals src/core uses beyond the ES library, present in every runtime it
// runs on (browsers, Node, WebContainer). Only tsconfig.core.json reads this file: elsewhere the
// DOM or Node types declare them in full.
declare class TextEncoder {
  encode(input?: string): Uint8Array;
}
declare function structuredClone<T>(value: T): T;
