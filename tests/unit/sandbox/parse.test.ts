import { describe, expect, it } from 'vitest';
import { parseCommandLine, wordText } from '../../../src/core/sandbox/shell/parse.ts';
import { splitScript } from '../../../src/core/sandbox/shell/script.ts';

/** A compact view of a parse: pipelines of argv, with the joining operator. */
function shape(line: string): string {
  const r = parseCommandLine(line);
  if (r.kind === 'unsupported') return `unsupported: ${r.gap.feature}`;
  if (r.kind !== 'ok') return r.kind === 'error' ? `error: ${r.message}` : 'incomplete';
  return r.items
    .map(
      (i) =>
        i.pipeline
          .map((c) =>
            c.group
              ? `${c.group.subshell ? '(' : '{'}${c.group.items.length}${c.group.subshell ? ')' : '}'}${c.redirects.map((x) => ` ${x.op}${wordText(x.target)}`).join('')}`
              : c.repeat
                ? `${c.repeat.until ? 'until' : 'while'}${c.repeat.test.length} do${c.repeat.items.length}${c.redirects.map((x) => ` ${x.op}${wordText(x.target)}`).join('')}`
                : c.branch
                  ? `if[${c.branch.arms.length}${c.branch.otherwise ? ' else' : ''}]${c.redirects.map((x) => ` ${x.op}${wordText(x.target)}`).join('')}`
                  : c.loop
                    ? `for ${c.loop.name}${c.loop.words ? ` in [${c.loop.words.map(wordText).join(' ')}]` : ''} do${c.loop.items.length}${c.redirects.map((x) => ` ${x.op}${wordText(x.target)}`).join('')}`
                    : [
                        ...c.words.map(wordText),
                        ...c.redirects.map((x) => `${x.op}${wordText(x.target)}`),
                        ...(c.heredoc ? [`<<${JSON.stringify(c.heredoc.body)}`] : []),
                      ].join(' '),
          )
          .join(' | ') + ` ${i.then}`,
    )
    .join(' ');
}

describe('parseCommandLine', () => {
  it.each([
    ['ls -la', 'ls -la ;'],
    ['echo "a b"  c', 'echo a b c ;'],
    ["echo 'it''s'", 'echo its ;'],
    ['echo a\\ b', 'echo a b ;'],
    ['a && b || c; d', 'a && b || c ; d ;'],
    ['docker images | grep demo | wc -l', 'docker images | grep demo | wc -l ;'],
    ['echo hi > f.txt', 'echo hi >f.txt ;'],
    ['echo hi >> f.txt 2>&1', 'echo hi >>f.txt 2>&1 ;'],
    ['uvicorn app.main:app &', 'uvicorn app.main:app &'],
    ['cat > app/main.py <<\'EOF\'\nprint("x")\nEOF', 'cat >app/main.py <<"print(\\"x\\")\\n" ;'],
    ['echo hi # a comment', 'echo hi ;'],
    ['echo "unclosed', 'incomplete'],
    ['docker build . &&', 'incomplete'],
    ['ls |', 'incomplete'],
    ['cat <<EOF\nno end', 'incomplete'],
    ['&& ls', "error: bash: syntax error near unexpected token `&&'"],
    ['ls | | wc', "error: bash: syntax error near unexpected token `|'"],
    ['echo >', "error: bash: syntax error near unexpected token `newline'"],
    ['', ''],
    ['docker rm -f $(docker ps -aq)', 'docker rm -f $(docker ps -aq) ;'],
    ['echo "$(echo "a b")" `date`', 'echo $(echo "a b") `date` ;'],
    ['echo $(echo $(echo deep))', 'echo $(echo $(echo deep)) ;'],
    ['echo $((1 + 2))', 'echo $((1 + 2)) ;'],
    ['echo ${X:-a b}', 'echo ${X:-a b} ;'],
    ['echo $(', 'incomplete'],
    ['echo `unclosed', 'incomplete'],
    ['echo "$(echo ")")"', 'echo $(echo ")") ;'],
    ['(cd app; ls) && pwd', '(2) && pwd ;'],
    ['{ echo a; echo b; } > f', '{2} >f ;'],
    ['( )', "error: bash: syntax error near unexpected token `)'"],
    ['echo )', "error: bash: syntax error near unexpected token `)'"],
    ['(echo a', 'incomplete'],
    ['! false', 'false ;'],
    ['cat <<< hi', 'cat <<<hi ;'],
    ['echo x >&2', 'echo x 1>&2 ;'],
    ['for i in 1 2; do echo $i; done', 'for i in [1 2] do1 ;'],
    ['for i in "a b" c\ndo echo $i; echo; done >f | cat', 'for i in [a b c] do2 >f | cat ;'],
    ['for x; do :; done', 'for x do1 ;'],
    ['for i in 1 2', 'incomplete'],
    ['for i in 1; do echo', 'incomplete'],
    ['for i in 1; do done', "error: bash: syntax error near unexpected token `done'"],
    ['for i in 1 2 do echo; done', "error: bash: syntax error near unexpected token `done'"],
    ['for i in 1; do echo; done x', "error: bash: syntax error near unexpected token `x'"],
    ['while true; do echo; done', 'while1 do1 ;'],
    ['until a; b\ndo c; d; e; done | wc >f', 'until2 do3 | wc >f ;'],
    ['while true; do', 'incomplete'],
    ['while true', 'incomplete'],
    ['while; do echo; done', "error: bash: syntax error near unexpected token `;'"],
    ['while true; do echo; done x', "error: bash: syntax error near unexpected token `x'"],
    ['select x in a; do echo; done', 'unsupported: select loops'],
    ['echo a; if true; then b; fi', 'echo a ; if[1] ;'],
    ['if a; then b; elif c; then d; else e; fi >f', 'if[2 else] >f ;'],
    ['if a; then b', 'incomplete'],
    ['fi', "error: bash: syntax error near unexpected token `fi'"],
    ['case x in x) ;; esac', 'unsupported: case'],
    ['f() { echo; }', 'unsupported: shell functions'],
    ['cat <(ls)', 'unsupported: process substitution <(…)'],
    ['[[ -f x ]]', 'unsupported: [[ … ]] tests'],
    ['echo for', 'echo for ;'],
  ])('%j', (line, expected) => {
    expect(shape(line)).toBe(expected);
  });
});

describe('splitScript', () => {
  it.each([
    ['ls\n\n# comment\npwd\n', ['ls', 'pwd']],
    [
      "cat > f <<'EOF'\na\n# not a comment\nEOF\nls",
      ["cat > f <<'EOF'\na\n# not a comment\nEOF", 'ls'],
    ],
    ['docker build \\\n  -t x .\nls', ['docker build \\\n  -t x .', 'ls']],
    ['echo "open\nquote"', ['echo "open\nquote"']],
    ['echo "never closed', ['echo "never closed']],
  ])('%j', (script, expected) => {
    expect(splitScript(script)).toEqual(expected);
  });
});
