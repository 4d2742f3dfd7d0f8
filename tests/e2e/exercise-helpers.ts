/**
 * Checking a paste in a lesson's exercise panel as a learner does, shared by the specs that paste
 * real Docker output (each fixture sits beside the notes of how it was captured).
 */
import { readFileSync } from 'node:fs';
import type { Locator } from '@playwright/test';

export const fixture = (name: string) =>
  readFileSync(new URL(`../fixtures/docker-output/${name}.txt`, import.meta.url), 'utf8');

/** Pastes `text` into the panel's box and presses Check; returns the panel. */
export async function pasteAndCheck(panel: Locator, text: string): Promise<Locator> {
  await panel.getByLabel('Paste what your terminal printed').fill(text);
  await panel.getByRole('button', { name: 'Check', exact: true }).click();
  return panel;
}
