/**
 * The Go text/template subset against Go's documented behaviour (text/template's doc.go and
 * exec_test.go cases, Go 1.24); what Docker prints for the same templates on real data is checked
 * against captures in docker-inspect.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { renderTemplate, T, type GoType } from '../../../src/core/sandbox/text/go-template.ts';

const data = {
  Name: '/web',
  N: 3,
  Empty: '',
  List: ['a', 'b'],
  Map: { y: 2, x: 1 },
  Nested: { Deep: { Value: 'v' } },
  Nil: null,
};

describe('Go templates: actions and pipelines', () => {
  it.each<[string, string]>([
    ['{{.Name}}', '/web'],
    ['plain text', 'plain text'],
    ['{{.Nested.Deep.Value}}', 'v'],
    ['{{.List}}', '[a b]'],
    ['{{.Map}}', 'map[x:1 y:2]'],
    ['{{.Nil}}', '<no value>'],
    ['{{.Missing}}', '<no value>'],
    ['{{"quoted"}} {{`raw`}} {{1}} {{true}}', 'quoted raw 1 true'],
    ['{{.Name | printf "%s!"}}', '/web!'],
    ['{{printf "%d-%5s|%-3s|" 7 "ab" "c"}}', '7-   ab|c  |'],
    // decoded JSON numbers are json.Number, a string type: %d does not take one
    ['{{printf "%d" .N}}', '%!d(json.Number=3)'],
    ['{{printf "%q" .Name}}', '"/web"'],
    ['{{printf "%v %d"}}', '%!v(MISSING) %!d(MISSING)'],
    ['{{print "a" "b" 1 2 "c"}}', 'ab1 2c'],
    ['{{println .Name .N}}', '/web 3\n'],
    ['{{len .List}} {{len .Name}} {{len .Map}}', '2 4 2'],
    ['{{index .List 1}} {{index .Map "x"}}', 'b 1'],
    ['{{index .Map "nope"}}', '<no value>'],
    ['{{json .List}} {{json .Map}} {{json .Nil}}', '["a","b"] {"y":2,"x":1} null'],
    ['{{json "<&>"}}', '"<&>"'],
    ['{{upper "ab"}}{{lower "CD"}}{{title "hello world"}}', 'ABcdHello World'],
    ['{{pad "x" 2 1}}|{{pad "" 2 1}}|{{truncate "abcdef" 3}}', '  x |abc'.replace('|abc', '||abc')],
    ['{{join (split "a,b,c" ",") "-"}}', 'a-b-c'],
    ['{{$x := .Name}}{{$x}}{{$x = "y"}}{{$x}}', '/weby'],
    [
      '{{$}}',
      'map[Empty: List:[a b] Map:map[x:1 y:2] N:3 Name:/web Nested:map[Deep:map[Value:v]] Nil:<nil>]',
    ],
    ['{{/* a comment */}}x', 'x'],
    ['a {{- " b " -}} c', 'a b c'],
    ['{{(index .List 0)}}', 'a'],
  ])('%s', (template, out) => {
    expect(renderTemplate(template, data)).toEqual({ ok: true, text: out });
  });
});

describe('Go templates: control structures', () => {
  it.each<[string, string]>([
    ['{{if .Name}}yes{{end}}', 'yes'],
    ['{{if .Empty}}yes{{else}}no{{end}}', 'no'],
    ['{{if .Empty}}a{{else if .N}}b{{else}}c{{end}}', 'b'],
    ['{{if not .Empty}}not{{end}}', 'not'],
    ['{{if and .Name .N}}both{{end}}{{if or .Empty .N}}either{{end}}', 'botheither'],
    ['{{and .Empty .Missing.X}}', ''],
    ['{{if eq (len .List) 2}}two{{end}}{{if eq .Name "/x" "/web"}}one of{{end}}', 'twoone of'],
    [
      '{{if lt (len .List) 4}}lt{{end}}{{if ge (len .List) 2}}ge{{end}}{{if ne .Name "x"}}ne{{end}}',
      'ltgene',
    ],
    ['{{with .Nested.Deep}}{{.Value}}{{end}}', 'v'],
    ['{{with .Empty}}x{{else}}empty{{end}}', 'empty'],
    ['{{range .List}}[{{.}}]{{end}}', '[a][b]'],
    ['{{range $i, $e := .List}}{{$i}}={{$e}} {{end}}', '0=a 1=b '],
    ['{{range $k, $v := .Map}}{{$k}}:{{$v}};{{end}}', 'x:1;y:2;'],
    ['{{range .Nil}}x{{else}}none{{end}}', 'none'],
    ['{{range .List}}{{if eq . "a"}}{{continue}}{{end}}{{.}}{{end}}', 'b'],
    ['{{range .List}}{{.}}{{break}}{{end}}', 'a'],
    ['{{range 3}}{{.}}{{end}}', '012'],
    ['{{range .List}}{{$.Name}}{{end}}', '/web/web'],
  ])('%s', (template, out) => {
    expect(renderTemplate(template, data)).toEqual({ ok: true, text: out });
  });
});

describe("Go templates: Go's errors", () => {
  it.each<[string, string]>([
    ['{{.Name', 'template: :1: unclosed action'],
    ['{{range .List}}x', 'template: :1: unexpected EOF'],
    ['{{end}}', 'template: :1: unexpected {{end}}'],
    ['{{nosuch .X}}', 'template: :1: function "nosuch" not defined'],
    ['{{"abc}}', 'template: :1: unterminated quoted string'],
    ['{{$x}}', 'template: :1: undefined variable "$x"'],
    ['{{}}', 'template: :1: missing value for command'],
    ['{{if}}{{end}}', 'template: :1: missing value for if'],
    ['a\n{{.X', 'template: :2: unclosed action'],
    ['{{break}}', 'template: :1: {{break}} outside {{range}}'],
    [
      '{{.Name.Foo}}',
      'template: :1:7: executing "" at <.Name.Foo>: can\'t evaluate field Foo in type interface {}',
    ],
    [
      '{{index .List 5}}',
      'template: :1:2: executing "" at <index .List 5>: error calling index: index out of range: 5',
    ],
    [
      '{{index .List "a"}}',
      'template: :1:2: executing "" at <index .List "a">: error calling index: cannot index slice/array with type string',
    ],
    [
      '{{index .N 1}}',
      'template: :1:2: executing "" at <index .N 1>: error calling index: can\'t index item of type json.Number',
    ],
    [
      '{{len .N}}',
      'template: :1:2: executing "" at <len .N>: error calling len: len of type json.Number',
    ],
    [
      '{{join .List}}',
      'template: :1:2: executing "" at <join>: wrong number of args for join: want 2 got 1',
    ],
    [
      '{{join .List ","}}',
      'template: :1:7: executing "" at <.List>: wrong type for value; expected []string; got []interface {}',
    ],
    [
      '{{eq .List 1}}',
      'template: :1:2: executing "" at <eq .List 1>: error calling eq: incompatible types for comparison',
    ],
    [
      '{{.Name 1}}',
      'template: :1:2: executing "" at <.Name>: Name is not a method but has arguments',
    ],
    ['{{1 2}}', 'template: :1:2: executing "" at <1>: can\'t give argument to non-function 1'],
  ])('%s', (template, error) => {
    expect(renderTemplate(template, data)).toEqual({ ok: false, error });
  });

  it('missingkey=error (the CLI reads inspect data so when the typed run fails)', () => {
    expect(renderTemplate('{{.Missing}}', data, { missingKeyError: true })).toEqual({
      ok: false,
      error: 'template: :1:2: executing "" at <.Missing>: map has no entry for key "Missing"',
    });
  });
});

describe('Go templates: typed values print as Go prints them', () => {
  const binding: GoType = T.struct('nat.PortBinding', [
    ['HostIP:HostIp', T.string],
    ['HostPort', T.string],
  ]);
  const state: GoType = T.struct('container.State', [
    ['Status', T.string],
    ['Running', T.bool],
    ['ExitCode', T.int],
    ['Health', T.ptr(T.struct('container.Health', [['Status', T.string]]))],
  ]);
  const root: GoType = T.ptr(
    T.struct('container.InspectResponse', [
      ['ID:Id', T.string],
      ['State', T.ptr(state)],
      ['Ports', T.map(T.slice(binding), 'nat.PortMap')],
      ['Env', T.slice(T.string)],
    ]),
  );
  const raw = {
    Id: 'abc',
    State: { Status: 'running', Running: true, ExitCode: 0 },
    Ports: { '8000/tcp': [{ HostIp: '0.0.0.0', HostPort: '8000' }] },
    Env: ['A=1', 'B=2'],
  };
  const value = { type: root, raw };
  it.each<[string, string]>([
    ['{{.State}}', '{running true 0 <nil>}'],
    ['{{.Ports}}', 'map[8000/tcp:[{0.0.0.0 8000}]]'],
    ['{{index .Ports "8000/tcp"}}', '[{0.0.0.0 8000}]'],
    ['{{index .Ports "9000/tcp"}}', '[]'],
    ['{{(index (index .Ports "8000/tcp") 0).HostPort}}', '8000'],
    ['{{.ID}}', 'abc'],
    ['{{json .State}}', '{"Status":"running","Running":true,"ExitCode":0}'],
    ['{{join .Env ","}}', 'A=1,B=2'],
    ['{{.State.Health}}', '<nil>'],
  ])('%s', (template, out) => {
    expect(renderTemplate(template, value)).toEqual({ ok: true, text: out });
  });

  it('a typed field that is not there', () => {
    expect(renderTemplate('{{.Id}}', value)).toEqual({
      ok: false,
      error:
        'template: :1:2: executing "" at <.Id>: can\'t evaluate field Id in type *container.InspectResponse',
    });
  });

  it('a nil pointer', () => {
    expect(renderTemplate('{{.State.Health.Status}}', value)).toEqual({
      ok: false,
      error:
        'template: :1:8: executing "" at <.State.Health.Status>: nil pointer evaluating *container.Health.Status',
    });
  });
});
