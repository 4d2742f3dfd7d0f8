/**
 * Driving the workspace as a learner does, shared by the workspace specs: read the terminal's
 * text (through the page's test hook, without knowing xterm), type a command and wait for its
 * output and the next prompt, open the workspace by keyboard. Every wait is for a condition.
 */
import { expect, type Page } from '@playwright/test';
import { scaled } from '../machine-pace.ts';

export const PRACTICE = '/practice/';
export const PROMPT = 'learner@layerwise:~/demo$';

/**
 * How long a page's first app start may take: it downloads and compiles CPython (about 6 MB,
 * src/islands/python), a few seconds on an idle machine; scaled with how busy this one is.
 */
export const PYTHON_START = scaled(30_000);

interface TestHook {
  layerwiseTerminalText?: () => string;
  layerwiseTerminalSize?: () => { cols: number; rows: number };
}

/** The text of the terminal in view (the active tab), wrapped rows joined. */
export const terminalText = (page: Page) =>
  page
    .locator('[data-workspace]')
    .first()
    .evaluate((el) => (el as HTMLElement & TestHook).layerwiseTerminalText?.() ?? '');

export const terminalSize = (page: Page) =>
  page
    .locator('[data-workspace]')
    .first()
    .evaluate(
      (el) => (el as HTMLElement & TestHook).layerwiseTerminalSize?.() ?? { cols: 0, rows: 0 },
    );

export const count = (text: string, needle: string) => text.split(needle).length - 1;

/**
 * Types a command, Enter, and waits until its output holds `output` and a new prompt is drawn
 * (`prompt`: how the screen ends then; the shell's `$`, or Python's `>>>` and `...`).
 */
export async function run(
  page: Page,
  command: string,
  output: string,
  timeout = 10_000,
  prompt = /\$$/,
) {
  const before = await terminalText(page);
  await page.keyboard.type(command);
  await page.keyboard.press('Enter');
  await expect
    .poll(
      async () => {
        const after = (await terminalText(page)).slice(before.length);
        return after.includes(output) && prompt.test(after.trimEnd());
      },
      { message: `"${command}" should print ${JSON.stringify(output)}`, timeout },
    )
    .toBe(true);
  return (await terminalText(page)).slice(before.length);
}

/** Tabs (forwards) until the open button has focus, then presses Enter: the keyboard way in. */
export async function openByKeyboard(page: Page, prompt = PROMPT) {
  const open = page.getByRole('button', { name: 'Open the terminal' });
  for (let i = 0; i < 60 && !(await open.evaluate((el) => el === document.activeElement)); i++)
    await page.keyboard.press('Tab');
  await expect(open).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('.xterm-helper-textarea').first()).toBeFocused();
  await expect.poll(() => terminalText(page)).toContain(prompt);
}

/** Clicks "Open the terminal" and waits for xterm and the prompt. */
export async function openWorkspace(page: Page, prompt = PROMPT) {
  await page.getByRole('button', { name: 'Open the terminal' }).first().click();
  await expect(page.locator('.xterm-helper-textarea').first()).toBeFocused();
  await expect.poll(() => terminalText(page)).toContain(prompt);
}

/** Holds back the scripts whose URL matches `pattern` until the returned function is called. */
export async function holdScripts(page: Page, pattern: RegExp): Promise<() => void> {
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(pattern, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

export const editorText = (page: Page) => page.locator('.ws-editor .cm-content').innerText();

/** Phones: 390×844 with touch, as the walkthrough tried them. */
export const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true };
export const DESKTOP = { viewport: { width: 1366, height: 900 } };
/** The two devices the walkthrough used, for specs that run at both. */
export const DEVICES = [
  ['laptop, 1366 px', DESKTOP],
  ['phone, 390×844', PHONE],
] as const;
