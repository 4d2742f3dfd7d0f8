/**
 * The first line of what an error says, for a message to the learner. Anything can be thrown
 * (a string, a DOMException, undefined), so nothing is assumed to be an Error.
 */
export function messageOf(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0]?.trim() || 'an unknown error';
}
