/** Dockerfile steps as the builders label them, collected in the order printed, returned in step order. */
import type { BuildStep } from './types.ts';

export interface Label {
  /** the words before the index: [service] [stage] for compose, [stage] otherwise */
  words: string[];
  index: number;
  total: number | null;
}

/** `[build 2/6]`, `[stage-1 3/5]`, `[ 1/14]`, `[web 2/5]`, `[web build 2/4]` */
const LABEL = /^\[((?:[\w.-]+ )*)\s*(\d+)\/(\d+)\] (.*)$/;

export function parseLabel(text: string): { label: Label; rest: string } | null {
  const m = LABEL.exec(text);
  if (!m) return null;
  return {
    label: {
      words: m[1]!.trim().split(' ').filter(Boolean),
      index: Number(m[2]),
      total: Number(m[3]),
    },
    rest: m[4]!,
  };
}

interface Entry extends BuildStep {
  line: number;
  order: number;
}

export class StepTable {
  private byKey = new Map<string, Entry>();
  private stageOrder = new Map<string, number>();
  /** compose prefixes every label with the service name; drop it once we know */
  servicePrefix = false;

  add(
    stage: string | null,
    index: number,
    total: number | null,
    instruction: string,
    line: number,
  ): Entry {
    const key = `${stage ?? ''}/${index}`;
    const known = this.byKey.get(key);
    if (known) {
      // A tty redraw or a later line may print more of the name; keep the longest.
      if (instruction.length > known.instruction.length) known.instruction = instruction;
      return known;
    }
    if (!this.stageOrder.has(stage ?? '')) this.stageOrder.set(stage ?? '', this.stageOrder.size);
    const entry: Entry = {
      stage,
      index,
      total,
      instruction,
      cached: false,
      failed: false,
      line,
      order: this.byKey.size,
    };
    this.byKey.set(key, entry);
    return entry;
  }

  addLabelled(label: Label, instruction: string, line: number): Entry {
    const words = this.servicePrefix ? label.words.slice(1) : label.words;
    return this.add(words.join(' ') || null, label.index, label.total, instruction, line);
  }

  /**
   * Stages in the order printed, except that a stage another one copies from (`COPY --from=build`)
   * comes first: BuildKit runs stages in parallel, so the print order is not the Dockerfile's.
   */
  private stageRanks(): Map<string, number> {
    const order = [...this.stageOrder.keys()];
    for (const e of this.byKey.values()) {
      const from = /--from=([\w.-]+)/.exec(e.instruction)?.[1];
      const at = order.indexOf(e.stage ?? '');
      const dep = from ? order.indexOf(from) : -1;
      if (dep > at && at !== -1) order.splice(at, 0, ...order.splice(dep, 1));
    }
    return new Map(order.map((s, i) => [s, i]));
  }

  get size(): number {
    return this.byKey.size;
  }

  last(): Entry | undefined {
    let last: Entry | undefined;
    for (const e of this.byKey.values()) if (!last || e.order > last.order) last = e;
    return last;
  }

  /** steps in step order, and the input line of each */
  sorted(): { steps: BuildStep[]; lines: number[] } {
    const rank = this.stageRanks();
    const all = [...this.byKey.values()].sort(
      (a, b) => rank.get(a.stage ?? '')! - rank.get(b.stage ?? '')! || a.index - b.index,
    );
    return {
      steps: all.map(({ stage, index, total, instruction, cached, failed }) => ({
        stage,
        index,
        total,
        instruction,
        cached,
        failed,
      })),
      lines: all.map((e) => e.line),
    };
  }
}
