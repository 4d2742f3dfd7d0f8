/** What every rule receives, and what it returns. */
import type { Finding } from '../../docker/index.ts';
import type { Model } from '../model.ts';

export interface RuleContext {
  model: Model;
  /** the `.dockerignore` text; null when known to be absent; undefined when unknown */
  dockerignore: string | null | undefined;
  /** `YYYY-MM-DD` */
  today: string;
}

export type Rule = (context: RuleContext) => Finding[];
