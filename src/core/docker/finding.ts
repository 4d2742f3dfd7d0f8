/** Something worth telling the learner about a Docker output or a Dockerfile, with its line and what to do. */
export interface Finding {
  id: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
  hint?: string;
  /** 1-based line in the input */
  line?: number;
}
