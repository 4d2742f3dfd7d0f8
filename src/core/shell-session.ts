/**
 * A shell session as lessons show it: prompt lines (`$ cmd`, `(.venv) $ cmd`) and the output after them.
 * The copy button copies only the commands; the real-engine tests run only the commands.
 */

const PROMPT = /^(?:\([\w.-]+\) )?\$ (.*)$/;

export interface SessionLine {
  kind: 'command' | 'continuation' | 'output';
  text: string;
}

export function classifySession(text: string): SessionLine[] {
  const out: SessionLine[] = [];
  let continuing = false;
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    const prompt = PROMPT.exec(line);
    if (continuing) {
      out.push({ kind: 'continuation', text: line });
      continuing = line.endsWith('\\');
    } else if (prompt) {
      out.push({ kind: 'command', text: line });
      continuing = (prompt[1] ?? '').endsWith('\\');
    } else {
      out.push({ kind: 'output', text: line });
    }
  }
  return out;
}

/** The commands of a session, prompts removed, each continued command kept on its lines. */
export function sessionCommands(text: string): string[] {
  const commands: string[] = [];
  for (const line of classifySession(text)) {
    if (line.kind === 'command') commands.push((PROMPT.exec(line.text)?.[1] ?? '').trimEnd());
    else if (line.kind === 'continuation' && commands.length > 0)
      commands[commands.length - 1] += `\n${line.text}`;
  }
  return commands;
}

/** True when a block reads as a session (it has at least one prompt line). */
export function isSession(text: string): boolean {
  return classifySession(text).some((l) => l.kind === 'command');
}
