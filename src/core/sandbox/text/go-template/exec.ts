/**
 * Executes a parsed template as Go's text/template does (exec.go): fields and map keys (the
 * `missingkey` option), methods with arguments, variables, pipelines, `if`/`with`/`range` with
 * `else`, `break`/`continue`, function calls with Go's argument checks. An execution error is
 * Go's: `template: :1:2: executing "" at <.Foo>: can't evaluate field Foo in type …`.
 */
import { argString, type Arg, type Command, type Node, type Pipe } from './parse.ts';
import {
  concrete,
  formatValue,
  indirect,
  isNil,
  NO_VALUE,
  T,
  truth,
  typeName,
  zeroIfMissing,
  type GoType,
  type GoValue,
} from './values.ts';
import { FuncError, type GoFunction } from './funcs.ts';

export class ExecError extends Error {}
type ControlNode = Extract<Node, { pipe: Pipe; list: Node[] }>;
class Break {}
class Continue {}

export interface ExecOptions {
  funcs: Record<string, GoFunction>;
  /** `missingkey=error`: a missing map key stops the template (the CLI's inspect fallback) */
  missingKeyError: boolean;
  source: string;
}

export function execute(nodes: Node[], data: GoValue, options: ExecOptions): string {
  let out = '';
  const vars: [string, GoValue][] = [['$', data]];
  const fail = (pos: number, context: string, message: string): never => {
    const before = options.source.slice(0, pos);
    const line = before.split('\n').length;
    const col = pos - (before.lastIndexOf('\n') + 1);
    throw new ExecError(`template: :${line}:${col}: executing "" at <${context}>: ${message}`);
  };

  const walk = (dot: GoValue, list: Node[]): void => {
    for (const node of list) {
      switch (node.type) {
        case 'text':
          out += node.text;
          break;
        case 'action': {
          const v = pipeline(dot, node.pipe);
          if (node.pipe.decl.length === 0) out += printable(v);
          break;
        }
        case 'if':
        case 'with': {
          const mark = vars.length;
          const v = pipeline(dot, node.pipe);
          if (truth(v)) walk(node.type === 'with' ? v : dot, node.list);
          else if (node.elseList) walk(dot, node.elseList);
          vars.length = mark;
          break;
        }
        case 'range':
          range(dot, node);
          break;
        case 'break':
          throw new Break();
        case 'continue':
          throw new Continue();
      }
    }
  };

  const range = (dot: GoValue, node: ControlNode) => {
    const mark = vars.length;
    const v0 = pipeline(dot, { ...node.pipe, decl: [] });
    const v = indirect(concrete(v0)) ?? NO_VALUE;
    const items: [GoValue, GoValue][] = [];
    const kind = v.type?.kind;
    if (kind === 'slice')
      ((v.raw as unknown[] | null) ?? []).forEach((e, i) =>
        items.push([
          { type: T.int, raw: i },
          { type: (v.type as { elem: GoType }).elem, raw: e },
        ]),
      );
    else if (kind === 'map')
      for (const k of Object.keys((v.raw as object | null) ?? {}).sort())
        items.push([
          { type: T.string, raw: k },
          { type: (v.type as { elem: GoType }).elem, raw: (v.raw as Record<string, unknown>)[k] },
        ]);
    else if (kind === 'int' || kind === 'uint' || kind === 'number')
      for (let i = 0; i < Number(v.raw); i++)
        items.push([
          { type: T.int, raw: i },
          { type: T.int, raw: i },
        ]);
    else if (v.type)
      fail(node.pos, argString(node.pipe), `range can't iterate over ${formatValue(v)}`);
    for (const [key, elem] of items) {
      const [first, second] = node.pipe.decl;
      if (first) vars.push([first, second ? key : elem]);
      if (second) vars.push([second, elem]);
      try {
        walk(elem, node.list);
      } catch (signal) {
        if (signal instanceof Break) break;
        if (!(signal instanceof Continue)) throw signal;
      } finally {
        vars.length = mark;
      }
    }
    if (items.length === 0 && node.elseList) walk(dot, node.elseList);
    vars.length = mark;
  };

  const pipeline = (dot: GoValue, pipe: Pipe): GoValue => {
    let value: GoValue | undefined;
    for (const cmd of pipe.cmds) {
      value = command(dot, cmd, value);
      // text/template unwraps an empty interface after each command ("lovely!").
      value = concrete(value);
    }
    const result = value ?? NO_VALUE;
    for (const name of pipe.decl) {
      if (pipe.isAssign) {
        const slot = [...vars].reverse().find(([n]) => n === name);
        if (slot) slot[1] = result;
      } else vars.push([name, result]);
    }
    return result;
  };

  const command = (dot: GoValue, cmd: Command, final: GoValue | undefined): GoValue => {
    const [first, ...rest] = cmd.args as [Arg, ...Arg[]];
    switch (first.type) {
      case 'field':
        return fieldChain(dot, dot, first, first.ident, rest, final);
      case 'chain': {
        const base = arg(dot, first.node);
        return fieldChain(dot, base, first, first.fields, rest, final);
      }
      case 'variable': {
        const [name, ...fields] = first.ident as [string, ...string[]];
        const value = variable(first.pos, name);
        if (fields.length === 0) {
          notAFunction(cmd, final, first);
          return value;
        }
        return fieldChain(dot, value, first, fields, rest, final);
      }
      case 'identifier':
        return call(dot, first.name, cmd, rest, final);
      case 'pipe':
        notAFunction(cmd, final, first);
        return pipeline(dot, first.pipe);
      default:
        notAFunction(cmd, final, first);
        if (first.type === 'nil') fail(first.pos, 'nil', 'nil is not a command');
        return arg(dot, first);
    }
  };

  const notAFunction = (cmd: Command, final: GoValue | undefined, first: Arg) => {
    if (cmd.args.length > 1 || final !== undefined)
      fail(first.pos, argString(first), `can't give argument to non-function ${argString(first)}`);
  };

  const variable = (pos: number, name: string): GoValue => {
    const slot = [...vars].reverse().find(([n]) => n === name);
    if (!slot) return fail(pos, name, `undefined variable: ${name}`);
    return slot[1];
  };

  /** Walks `.A.B.C` from `receiver`; the last step may be a method taking `args`. */
  const fieldChain = (
    dot: GoValue,
    receiver: GoValue,
    node: Arg,
    idents: string[],
    args: Arg[],
    final: GoValue | undefined,
  ): GoValue => {
    let value = receiver;
    idents.forEach((name, i) => {
      const last = i === idents.length - 1;
      value = field(dot, name, node, last ? args : [], last ? final : undefined, value);
    });
    return value;
  };

  const field = (
    dot: GoValue,
    name: string,
    node: Arg,
    args: Arg[],
    final: GoValue | undefined,
    receiver0: GoValue,
  ): GoValue => {
    const context = argString(node);
    if (!receiver0.type) {
      if (options.missingKeyError) fail(node.pos, context, `nil data; no entry for key "${name}"`);
      return NO_VALUE;
    }
    // Errors name the type as held (`interface {}`), the lookup uses the value inside.
    const typ = receiver0.type;
    const receiver = concrete(receiver0);
    if (!receiver.type)
      return fail(node.pos, context, `nil pointer evaluating ${typeName(typ)}.${name}`);
    const structType = receiver.type.kind === 'ptr' ? receiver.type.elem : receiver.type;
    const method = structType.kind === 'struct' ? structType.methods?.[name] : undefined;
    if (method) {
      const target = indirect(receiver);
      if (!target) fail(node.pos, context, `nil pointer evaluating ${typeName(typ)}.${name}`);
      const values = callArgs(dot, name, method.params, false, args, final, node);
      return {
        type: method.result,
        raw: method.call(
          target!.raw,
          values.map((v) => v.raw),
        ),
      };
    }
    const hasArgs = args.length > 0 || final !== undefined;
    const target = indirect(receiver);
    if (!target) {
      if (structType.kind === 'struct' && structType.fields.some((f) => f.name === name))
        fail(node.pos, context, `nil pointer evaluating ${typeName(typ)}.${name}`);
      return fail(node.pos, context, `can't evaluate field ${name} in type ${typeName(typ)}`);
    }
    const t = target.type!;
    if (t.kind === 'struct') {
      const f = t.fields.find((x) => x.name === name);
      if (f) {
        if (hasArgs)
          fail(node.pos, context, `${name} has arguments but cannot be invoked as function`);
        const raw = (target.raw as Record<string, unknown> | null)?.[f.json];
        return zeroIfMissing(f.type, raw);
      }
    }
    if (t.kind === 'map') {
      if (hasArgs) fail(node.pos, context, `${name} is not a method but has arguments`);
      const map = (target.raw as Record<string, unknown> | null) ?? {};
      if (!Object.hasOwn(map, name)) {
        if (options.missingKeyError) fail(node.pos, context, `map has no entry for key "${name}"`);
        return NO_VALUE;
      }
      return { type: t.elem, raw: map[name] };
    }
    return fail(node.pos, context, `can't evaluate field ${name} in type ${typeName(typ)}`);
  };

  const call = (
    dot: GoValue,
    name: string,
    cmd: Command,
    args: Arg[],
    final: GoValue | undefined,
  ): GoValue => {
    const fn = options.funcs[name]!;
    const context = argString(cmd);
    if (fn.lazy) {
      // and/or: evaluate arguments only as far as needed.
      if (args.length === 0 && final === undefined)
        fail(cmd.args[0]!.pos, name, `wrong number of args for ${name}: want at least 1 got 0`);
      const thunks = [...args.map((a) => () => arg(dot, a)), ...(final ? [() => final] : [])];
      return fn.lazy(thunks);
    }
    const ident = cmd.args[0]!;
    const values = callArgs(dot, name, fn.params, fn.variadic ?? false, args, final, ident);
    try {
      return fn.call(values);
    } catch (error) {
      if (error instanceof FuncError)
        fail(cmd.pos, context, `error calling ${name}: ${error.message}`);
      throw error;
    }
  };

  const callArgs = (
    dot: GoValue,
    name: string,
    params: (GoType | 'any')[],
    variadic: boolean,
    args: Arg[],
    final: GoValue | undefined,
    at: { pos: number } & (Arg | Command),
  ): GoValue[] => {
    const count = args.length + (final === undefined ? 0 : 1);
    const fixed = variadic ? params.length - 1 : params.length;
    if (variadic ? count < fixed : count !== fixed)
      fail(
        at.pos,
        argString(at),
        `wrong number of args for ${name}: want ${variadic ? 'at least ' : ''}${fixed} got ${count}`,
      );
    const values = args.map((a, i) => {
      const param = params[Math.min(i, params.length - 1)]!;
      return typed(dot, a, param);
    });
    if (final !== undefined) {
      const param = params[Math.min(args.length, params.length - 1)]!;
      values.push(check(final, param, at));
    }
    return values;
  };

  /** An argument for a parameter: literals convert, other values must have the type. */
  const typed = (dot: GoValue, a: Arg, param: GoType | 'any'): GoValue => {
    if (param !== 'any' && (a.type === 'string' || a.type === 'number' || a.type === 'bool')) {
      const want = param.kind;
      if (a.type === 'string' && want === 'string') return { type: param, raw: a.value };
      if (a.type === 'bool' && want === 'bool') return { type: param, raw: a.value };
      if (a.type === 'number' && (want === 'int' || want === 'uint' || want === 'float'))
        return { type: param, raw: a.value };
      if (want === 'iface') return arg(dot, a);
      const expected = want === 'string' ? 'string' : want === 'bool' ? 'bool' : 'integer';
      return fail(a.pos, argString(a), `expected ${expected}; found ${argString(a)}`);
    }
    return check(arg(dot, a), param, a);
  };

  const check = (value0: GoValue, param: GoType | 'any', at: { pos: number } & (Arg | Command)) => {
    if (param === 'any' || param.kind === 'iface') return value0;
    const value = concrete(value0);
    if (!value.type)
      return fail(at.pos, argString(at), `invalid value; expected ${typeName(param)}`);
    if (typeName(value.type) !== typeName(param))
      fail(
        at.pos,
        argString(at),
        `wrong type for value; expected ${typeName(param)}; got ${typeName(value.type)}`,
      );
    return value;
  };

  const arg = (dot: GoValue, a: Arg): GoValue => {
    switch (a.type) {
      case 'dot':
        return dot;
      case 'nil':
        return NO_VALUE;
      case 'bool':
        return { type: T.bool, raw: a.value };
      case 'string':
        return { type: T.string, raw: a.value };
      case 'number':
        return {
          type: Number.isInteger(a.value) && !/[.eE]/.test(a.text) ? T.int : T.float64,
          raw: a.value,
        };
      case 'pipe':
        return pipeline(dot, a.pipe);
      case 'field':
        return fieldChain(dot, dot, a, a.ident, [], undefined);
      case 'chain':
        return fieldChain(dot, arg(dot, a.node), a, a.fields, [], undefined);
      case 'variable': {
        const [name, ...fields] = a.ident as [string, ...string[]];
        const value = variable(a.pos, name);
        return fields.length ? fieldChain(dot, value, a, fields, [], undefined) : value;
      }
      case 'identifier':
        return call(dot, a.name, { pos: a.pos, args: [a] }, [], undefined);
    }
  };

  const printable = (v: GoValue): string => {
    const target = v.type?.kind === 'ptr' ? (isNil(v) ? v : indirect(v)!) : v;
    return formatValue(target);
  };

  walk(data, nodes);
  return out;
}
