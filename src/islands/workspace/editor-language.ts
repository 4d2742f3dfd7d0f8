/**
 * Highlighting by file name: Python (Lezer grammar, without its autocompletion, which the course
 * does not need and which would double the editor's size), Dockerfile (the legacy stream mode),
 * anything else plain. Colours come from CSS variables the workspace sets from palette.ts, so a
 * theme switch needs no new editor state.
 */
import { HighlightStyle, LanguageSupport, StreamLanguage } from '@codemirror/language';
import type { Extension } from '@codemirror/state';
import { pythonLanguage } from '@codemirror/lang-python';
import { dockerFile } from '@codemirror/legacy-modes/mode/dockerfile';
import { tags as t } from '@lezer/highlight';
import type { SyntaxName } from './palette.ts';

const python = new LanguageSupport(pythonLanguage);
const dockerfile = StreamLanguage.define(dockerFile);

export type LanguageName = 'python' | 'dockerfile' | 'plain';

export function languageName(path: string): LanguageName {
  const name = path.slice(path.lastIndexOf('/') + 1);
  if (/\.pyi?$/.test(name)) return 'python';
  if (/^(Dockerfile|Containerfile)(\..+)?$|\.dockerfile$/i.test(name)) return 'dockerfile';
  return 'plain';
}

export function languageFor(path: string): Extension {
  const name = languageName(path);
  return name === 'python' ? python : name === 'dockerfile' ? dockerfile : [];
}

const color = (name: SyntaxName) => ({ color: `var(--ws-syntax-${name})` });

export const highlightStyle = HighlightStyle.define([
  {
    tag: [
      t.keyword,
      t.controlKeyword,
      t.definitionKeyword,
      t.moduleKeyword,
      t.operatorKeyword,
      t.self,
      t.bool,
      t.null,
    ],
    ...color('keyword'),
  },
  { tag: [t.string, t.special(t.string), t.regexp], ...color('string') },
  { tag: [t.comment, t.lineComment, t.blockComment], ...color('comment'), fontStyle: 'italic' },
  { tag: [t.number, t.integer, t.float], ...color('number') },
  {
    tag: [
      t.function(t.definition(t.variableName)),
      t.definition(t.className),
      t.function(t.variableName),
    ],
    ...color('definition'),
  },
  { tag: [t.variableName, t.propertyName, t.attributeName], ...color('name') },
  { tag: [t.meta, t.annotation, t.processingInstruction], ...color('meta') },
]);
