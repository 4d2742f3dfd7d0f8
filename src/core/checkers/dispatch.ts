/**
 * One place that routes Evidence to an exercise's judges, so every exercise answers an evidence
 * source it does not read in the same way.
 */
import type {
  EngineSnapshot,
  Evidence,
  EvidenceSource,
  SandboxEvent,
  Verdict,
} from '../evidence.ts';
import type { ExerciseInfo } from './exercise.ts';
import { readText, transcriptText, whatWasSeen, type Reading } from './reading.ts';
import { unrecognized } from './verdict.ts';

/** What a judgement may depend on besides the evidence; core reads no clock. */
export interface CheckContext {
  /** today's date, YYYY-MM-DD, for end-of-life checks of base images */
  today?: string;
}

export interface Judges {
  /** pasted text, and the in-browser terminal's transcript read as the same paste */
  reading?: (
    reading: Reading,
    source: 'paste' | 'sandbox',
    context: CheckContext,
  ) => Verdict | null;
  engine?: (snapshot: EngineSnapshot) => Verdict;
  file?: (path: string, text: string, source: EvidenceSource, context: CheckContext) => Verdict;
  /** the terminal's transcript as such (its file edits), tried before it is read as a paste */
  sandbox?: (events: readonly SandboxEvent[], context: CheckContext) => Verdict | null;
}

const NAMES: Record<EvidenceSource, string> = {
  paste: 'pasted output',
  sandbox: 'the in-browser terminal',
  engine: 'your Docker Engine',
  file: 'a file',
};

export function dispatch(
  info: ExerciseInfo,
  judges: Judges,
  evidence: Evidence,
  context: CheckContext = {},
): Verdict {
  const notRead = () =>
    unrecognized(
      evidence.source,
      `“${info.title}” does not read ${NAMES[evidence.source]}.`,
      `Paste ${info.expects}: run ${info.command}.`,
    );
  switch (evidence.source) {
    case 'paste':
    case 'sandbox': {
      const direct =
        evidence.source === 'sandbox' && judges.sandbox
          ? judges.sandbox(evidence.transcript, context)
          : null;
      if (direct) return direct;
      if (!judges.reading) return notRead();
      const text =
        evidence.source === 'paste' ? evidence.text : transcriptText(evidence.transcript);
      const reading = readText(text);
      return (
        judges.reading(reading, evidence.source, context) ??
        unrecognized(
          evidence.source,
          `${whatWasSeen(reading, evidence.source)} This exercise reads ${info.expects}.`,
          evidence.source === 'sandbox'
            ? `Run ${info.command} in the terminal, then check again.`
            : `Run ${info.command} and paste everything it printed.`,
        )
      );
    }
    case 'engine':
      return judges.engine ? judges.engine(evidence.snapshot) : notRead();
    case 'file':
      return judges.file ? judges.file(evidence.path, evidence.text, 'file', context) : notRead();
  }
}
