/**
 * Expressive Code plugin for shell sessions: lines get the class `command` or `output` (commands are
 * set in bold) and the copy button copies only the commands, without `$ ` and without output.
 */
import { definePlugin } from 'astro-expressive-code';
import { classifySession, isSession, sessionCommands } from '../core/shell-session.ts';
import { findElement } from './hast-find.ts';

const SESSION_LANGUAGES = new Set(['shellsession', 'console', 'shell-session']);

export function pluginShellSession() {
  return definePlugin({
    name: 'layerwise-shell-session',
    // Commands stand out by weight, not by fading the output (faded text fails contrast).
    baseStyles: `
      .ec-line.command .code { font-weight: 600; }
    `,
    hooks: {
      postprocessRenderedLine: ({ codeBlock, line, renderData }) => {
        if (!SESSION_LANGUAGES.has(codeBlock.language) || !isSession(codeBlock.code)) return;
        const index = codeBlock.getLines().indexOf(line);
        const kind = classifySession(codeBlock.code)[index]?.kind;
        if (!kind) return;
        const props = (renderData.lineAst.properties ??= {});
        const existing = props['className'];
        props['className'] = [
          ...(Array.isArray(existing) ? existing : []),
          kind === 'output' ? 'output' : 'command',
        ];
      },
      postprocessRenderedBlock: ({ codeBlock, renderData }) => {
        if (!SESSION_LANGUAGES.has(codeBlock.language) || !isSession(codeBlock.code)) return;
        const button = findElement(
          renderData.blockAst,
          (n) => n.tagName === 'button' && !!n.properties && 'dataCode' in n.properties,
        );
        if (button?.properties)
          button.properties['dataCode'] = sessionCommands(codeBlock.code)
            .join('\n')
            .replace(/\n/g, '\u007f');
      },
    },
  });
}
