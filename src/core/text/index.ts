/**
 * Text as terminals, shells and file systems hand it over: escape codes removed, the screen a
 * terminal would show, POSIX paths, shell words and variables, an error's message. Pure, and it
 * imports nothing: every other module may use it.
 */
export { stripAnsi } from './ansi.ts';
export { DAYS, MONTHS } from './calendar.ts';
export { messageOf } from './message.ts';
export {
  baseName,
  dirname,
  isWithin,
  normalizePath,
  relativeTo,
  resolvePath,
  tildify,
} from './paths.ts';
export { plainLines, screenLines, type ScreenLine } from './screen.ts';
export { needsShell, splitCommands, toExecForm } from './shell-words.ts';
export { expandVariables, type Expansion } from './variables.ts';
