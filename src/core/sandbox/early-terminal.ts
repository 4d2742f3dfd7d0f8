/**
 * What the workspace's terminal needs before the simulator itself has arrived (a second entry into
 * the sandbox, beside index.ts, which would bring all of it): the learner's prompt, as the shell
 * draws it, and the columns a character takes. src/islands/workspace/start-workspace.ts and the
 * plain terminal's screen model use it; their chunk stays a few kB.
 */
export { bashPrompt, LEARNER_HOME, PROJECT_DIR } from './shell/prompt.ts';
export { charWidth } from './shell/text-width.ts';
