/**
 * What a learner types at the sandbox's bash, recorded on a real bash 5.2 by
 * tests/fixtures/sandbox/real/shell/record-bash.ts (one interactive shell per case, in a copy of
 * the FILES project) into bash-5.2.json, then replayed in the simulator by shell-bash.test.ts.
 */
export const FILES: Record<string, string> = {
  'notes.txt': 'one\ntwo\nthree\n',
  'app/main.py': 'print("hi")\n',
};

export const BASH_CASES: { name: string; lines: string[] }[] = [
  { name: '$(…) as arguments, split into fields', lines: ['printf "[%s]" $(echo a   b); echo'] },
  { name: '"$(…)" stays one field', lines: ['printf "[%s]" "$(echo a   b)"; echo'] },
  { name: 'backticks', lines: ['echo `echo hi` there'] },
  { name: 'nested $(…)', lines: ['echo $(echo $(echo deep) end)'] },
  { name: 'trailing newlines are stripped', lines: ['x=$(printf \'a\\n\\n\'); echo "[$x]"'] },
  { name: 'inner newlines split unquoted', lines: ['printf "<%s>" $(cat notes.txt); echo'] },
  { name: 'inner newlines kept quoted', lines: ['echo "$(cat notes.txt)"'] },
  { name: 'assignment from $(…) has its status', lines: ['x=$(false)', 'echo $?'] },
  {
    name: 'a substitution in a subshell changes nothing',
    lines: ['x=1', 'y=$(x=2; cd /; echo $x)', 'echo $x $y', 'pwd | grep -c demo'],
  },
  { name: 'empty unquoted expansion disappears', lines: ['e=', 'printf "[%s]" $e x "$e"; echo'] },
  {
    name: 'variable split on blanks',
    lines: ['v="a   b"', 'printf "[%s]" $v; echo', 'printf "[%s]" "$v"; echo'],
  },
  { name: 'a failing substitution prints its error', lines: ['echo "got: $(ls nope)"'] },
  { name: 'command not found inside $(…)', lines: ['echo "[$(frobnicate)]"', 'echo $?'] },
  { name: '$? after a command not found', lines: ['frobnicate', 'echo $?'] },
  { name: 'echo -n', lines: ['echo -n hi; echo .'] },
  { name: 'echo -e escapes', lines: ["echo -e 'a\\tb\\nc'"] },
  { name: 'echo without -e keeps backslashes', lines: ["echo 'a\\nb'"] },
  { name: 'echo -E and -ne', lines: ["echo -E 'x\\ny'", "echo -ne 'p\\nq\\n'"] },
  { name: 'echo of an unknown option', lines: ['echo -x hi'] },
  {
    name: '$((…)) arithmetic',
    lines: [
      'n=4',
      'echo $((n + 1)) $((2 * (3 + 4))) $((7 / 2)) $((7 % 3)) $((2 ** 10)) $((-3 + 1))',
    ],
  },
  { name: 'arithmetic comparison', lines: ['echo $((3 > 2)) $((3 == 2)) $((1 && 0))'] },
  { name: 'division by zero', lines: ['echo $((1 / 0))', 'echo $?'] },
  {
    name: 'parameter defaults',
    lines: [
      'unset X',
      'echo "${X:-dflt}" "${X-unset}" "[${X:+alt}]"',
      'X=',
      'echo "${X:-dflt}" "[${X-unset}]"',
    ],
  },
  {
    name: 'parameter length and trimming',
    lines: ['f=app/main.py', 'echo ${#f} ${f%.py} ${f##*/} ${f#*/} ${f%%/*}'],
  },
  { name: 'parameter replacement', lines: ['s=a-b-c', 'echo ${s/-/+} ${s//-/+}'] },
  { name: ':? on an unset variable', lines: ['unset X', 'echo ${X:?is required}', 'echo $?'] },
  { name: 'bad substitution', lines: ['echo ${}', 'echo $?'] },
  { name: 'here-string', lines: ['cat <<< "a b"', 'grep -c o <<< "$(cat notes.txt)"'] },
  {
    name: 'subshell keeps its cd and exit',
    lines: ['(cd app; pwd | grep -c app)', '(exit 3)', 'echo $?', 'pwd | grep -c app'],
  },
  { name: 'group with a redirect', lines: ['{ echo a; echo b; } > g.txt', 'cat g.txt'] },
  { name: '! inverts', lines: ['! false', 'echo $?', '! true', 'echo $?'] },
  { name: 'true and false', lines: ['true; echo $?; false; echo $?'] },
  { name: 'export and printenv', lines: ['export GREETING=hello', 'printenv GREETING', 'echo $?'] },
  {
    name: 'an unexported variable is not in the environment',
    lines: ['LOCAL=1', 'printenv LOCAL', 'echo $?', 'echo $LOCAL'],
  },
  { name: 'export of a variable set before', lines: ['LATER=2', 'export LATER', 'printenv LATER'] },
  { name: 'prefix assignment for one command', lines: ['ONCE=1 printenv ONCE', 'echo "[$ONCE]"'] },
  {
    name: 'grep -o prints each match, -n numbers them',
    lines: [
      `echo '{"a":"b","title":"T"}' | grep -o '"[a-z]*":"[^"]*"'`,
      'grep -on t notes.txt',
      "grep -o 'x*' notes.txt; echo $?",
    ],
  },
  {
    name: 'grep basic expressions: bare ( + ? { are literals, escaped ones operators',
    lines: [
      "echo 'f(x) a+b c?' | grep -o 'f(x)'",
      "echo 'aa+' | grep -o 'a\\{2\\}+'",
      "echo 'one two' | grep -o 'one\\|two'",
      "grep -E 'o+' notes.txt",
    ],
  },
  {
    name: 'grep -q, -c, -v, -i',
    lines: [
      'grep -q two notes.txt; echo $?',
      'grep -cv O notes.txt',
      'grep -ci O notes.txt',
      'grep -q nope notes.txt; echo $?',
    ],
  },
  { name: 'grep -e PATTERN', lines: ['grep -e -x notes.txt; echo $?', 'grep -e t notes.txt'] },
  { name: 'env lists exported variables', lines: ['export AAA_X=1', 'env | grep ^AAA_'] },
  { name: 'printenv of a missing name', lines: ['printenv NO_SUCH_VAR', 'echo $?'] },
  { name: 'unset', lines: ['export GONE=1', 'unset GONE', 'printenv GONE', 'echo $? "[$GONE]"'] },
  {
    name: 'type of builtins and a missing command',
    lines: ['type cd echo exit', 'type frobnicate', 'echo $?'],
  },
  { name: 'type -t', lines: ['type -t cd', 'type -t true'] },
  { name: 'command -v', lines: ['command -v cd', 'command -v frobnicate', 'echo $?'] },
  { name: 'which of a missing command', lines: ['which frobnicate', 'echo $?'] },
  {
    name: 'test on files',
    lines: [
      'test -f notes.txt && echo file',
      '[ -d app ] && echo dir',
      '[ -e nope ] || echo missing',
      '[ -s notes.txt ]; echo $?',
    ],
  },
  {
    name: 'test on strings',
    lines: [
      '[ abc = abc ]; echo $?',
      '[ abc != abc ]; echo $?',
      '[ -z "" ]; echo $?',
      '[ -n "" ]; echo $?',
      '[ x ]; echo $?',
      '[ ]; echo $?',
    ],
  },
  {
    name: 'test on integers',
    lines: [
      '[ 3 -gt 2 ]; echo $?',
      '[ 3 -le 2 ]; echo $?',
      'test 5 -eq 5 -a 1 -ne 2; echo $?',
      '[ ! 1 -eq 1 ]; echo $?',
    ],
  },
  {
    name: 'test errors',
    lines: ['[ 1 -eq a ]; echo $?', '[ a b c ]; echo $?', '[ 1 = 1; echo $?', 'test -f; echo $?'],
  },
  { name: 'sleep', lines: ['sleep 0; echo $?', 'sleep', 'echo $?', 'sleep abc', 'echo $?'] },
  { name: 'seq', lines: ['seq 3', 'seq 2 4', 'seq 1 3 10', 'seq', 'echo $?'] },
  {
    name: 'bash -c in a child shell',
    lines: [
      "bash -c 'echo $0 $1 $2' x y z",
      "bash -c 'exit 4'",
      'echo $?',
      "bash -c 'cd /'; pwd | grep -c demo",
    ],
  },
  { name: 'cd - prints the directory', lines: ['cd app', 'cd - | grep -c demo'] },
  { name: 'cd to a missing directory', lines: ['cd nowhere', 'echo $?'] },
  { name: 'exit with too many arguments stays', lines: ['exit 1 2', 'echo $? still here'] },
  { name: 'exit with a word', lines: ['exit abc'] },
  { name: 'exit N', lines: ['exit 3'] },
  { name: 'exit with the last status', lines: ['false', 'exit'] },
  { name: 'syntax error near )', lines: ['echo )', 'echo $?'] },
  { name: 'for over words', lines: ['for i in 1 2 3; do echo "n=$i"; done', 'echo $? $i'] },
  {
    name: 'for over a glob and a substitution',
    lines: [
      'for f in app/*.py notes.txt; do wc -l $f; done',
      'for w in $(cat notes.txt); do printf "<%s>" $w; done; echo',
    ],
  },
  {
    name: 'for with its output redirected and piped',
    lines: [
      'for i in a b; do echo $i; done > out.txt; cat out.txt',
      'for i in x y; do echo $i; done | wc -l',
    ],
  },
  {
    name: 'for over nothing',
    lines: ['for x in; do echo never; done; echo $?', 'for x; do echo never; done; echo $?'],
  },
  {
    name: "for: its status is the body's last",
    lines: ['for i in 1 2; do false; done', 'echo $?'],
  },
  { name: 'for across lines', lines: ['for i in a b\ndo echo $i\ndone'] },
  { name: 'for with a bad name runs on', lines: ['for 1x in a; do echo; done; echo after $?'] },
  { name: 'for without do', lines: ['for i in 1 2 do echo $i; done', 'echo $?'] },
  { name: 'for with an empty body', lines: ['for i in 1; do done', 'echo $?'] },
  {
    name: ': does nothing, successfully',
    lines: ['false; :; echo $?', ': ignores its arguments > /dev/null; echo $?', 'type :'],
  },
  {
    name: 'if, else, elif',
    lines: [
      'if [ -f notes.txt ]; then echo yes; else echo no; fi',
      'if false; then echo a; elif true; then echo b; else echo c; fi; echo $?',
      'if false; then echo a; fi; echo $?',
      'if false; then echo a; elif false; then echo b; fi; echo $?',
    ],
  },
  { name: "if: its status is the body's", lines: ['if true; then false; fi', 'echo $?'] },
  {
    name: 'if across lines, in a for',
    lines: [
      'for f in app/* notes.txt\ndo\n  if [ -d $f ]; then echo "dir $f"\n  else echo "file $f"; fi\ndone',
    ],
  },
  {
    name: 'if with its output redirected',
    lines: ['if true; then echo in; fi > out.txt; cat out.txt'],
  },
  { name: 'a lone fi or then', lines: ['fi', 'echo $?', 'then echo', 'done'] },
  {
    name: 'if without then or with an empty body',
    lines: ['if true then echo; fi', 'if true; then fi', 'echo $?'],
  },
  { name: 'for in a for', lines: ['for a in 1 2; do for b in x y; do echo $a$b; done; done'] },
  {
    name: 'while with a counter',
    lines: ['i=0; while [ $i -lt 3 ]; do echo "i=$i"; i=$((i+1)); done; echo $? $i'],
  },
  { name: 'until', lines: ['n=0; until [ $n -ge 2 ]; do n=$((n+1)); echo $n; done', 'echo $?'] },
  {
    name: 'while whose test fails at once',
    lines: [
      'while false; do echo never; done',
      'echo $?',
      'until true; do echo never; done; echo $?',
    ],
  },
  {
    name: "while: its status is the body's last",
    lines: ['i=0; while [ $i -lt 1 ]; do i=1; false; done', 'echo $?'],
  },
  {
    name: 'while across lines',
    lines: ['i=0\nwhile [ $i -lt 2 ]\ndo\n  echo $i\n  i=$((i+1))\ndone'],
  },
  {
    name: 'while with its output piped and redirected',
    lines: [
      'i=0; while [ $i -lt 3 ]; do echo $i; i=$((i+1)); done | wc -l',
      'i=0; until [ $i -eq 2 ]; do i=$((i+1)); echo $i; done > out.txt; cat out.txt',
    ],
  },
  {
    name: 'while true, ended by break',
    lines: [
      'i=0; while true; do i=$((i+1)); if [ $i -gt 3 ]; then break; fi; echo $i; done; echo $? $i',
    ],
  },
  {
    name: 'break and continue in a for',
    lines: [
      'for i in 1 2 3 4; do [ $i = 2 ] && continue; [ $i = 4 ] && break; echo $i; done; echo $?',
    ],
  },
  {
    name: 'break 2 and continue 2 leave two loops',
    lines: [
      'for a in 1 2; do for b in x y; do echo $a$b; break 2; done; done; echo end',
      'for a in 1 2; do for b in x y; do echo $a$b; continue 2; echo never; done; done',
      'for a in 1; do while true; do echo in; break 5; done; echo never; done; echo $?',
    ],
  },
  {
    name: 'break and continue outside a loop',
    lines: ['break', 'echo $?', 'continue 2', 'echo $?'],
  },
  {
    name: 'break with a count it cannot use',
    lines: [
      'for i in 1; do break 0; echo after; done; echo $?',
      'for i in 1; do continue x; echo after; done; echo $?',
    ],
  },
  {
    name: 'while without do or a test',
    lines: ['while true echo; done', 'while do echo; done', 'echo $?'],
  },
  { name: 'until with an empty body', lines: ['until true; do done', 'echo $?'] },
  {
    name: 'type of a keyword and of break',
    lines: ['type while done if', 'type -t until break continue', 'type in fi'],
  },
  {
    name: 'eval',
    lines: [
      'eval echo hi',
      "x='echo a; echo b'; eval $x",
      "eval 'y=5'; echo $y",
      'eval; echo $?',
      'eval false; echo $?',
      'eval "echo \\$HOME" | grep -c home',
    ],
  },
  { name: 'type of eval and read', lines: ['type eval read', 'type -t alias'] },
  {
    name: 'alias: define, list, use from the next line',
    lines: [
      "alias e='echo hi'",
      'alias greet="echo hello there"',
      'alias',
      'alias e',
      'e there',
      'greet; e',
      'alias q=\'echo "it"s\'',
      'q',
    ],
  },
  {
    name: 'an alias is not used on the line that defines it',
    lines: ['alias z=echo; z same-line', 'z next-line'],
  },
  {
    name: 'an alias inside itself, a trailing blank, a pipe in the value',
    lines: [
      "alias wc='wc -l'",
      'wc notes.txt',
      "alias say='echo ' w=world",
      'say w',
      "alias lc='ls | wc -l'",
      'lc',
      "'e' quoted",
    ],
  },
  {
    name: 'alias and unalias errors',
    lines: [
      'alias nope',
      'echo $?',
      'unalias nope',
      'echo $?',
      "alias 'a b=echo'",
      'echo $?',
      'unalias',
      'echo $?',
    ],
  },
  {
    name: 'unalias, and type of an alias',
    lines: [
      "alias e='echo hi'",
      'type e',
      'type -t e',
      'unalias e',
      'e',
      'alias x=1 y=2',
      'unalias -a',
      'alias',
    ],
  },
];
