/** FROM lines: a tag that moves (none, or `latest`) and Python series past their end of life. */
import type { Finding } from '../../docker/index.ts';
import { finding } from '../finding.ts';
import type { Stage } from '../model.ts';
import { endedOn, pythonSeries, RECOMMENDED_BASE } from '../python-releases.ts';
import { formatDate, quote } from '../wording.ts';
import type { Rule, RuleContext } from './context.ts';

export const baseImageRule: Rule = (context) =>
  context.model.stages.flatMap((stage) => checkStage(stage, context));

function checkStage(stage: Stage, { today }: RuleContext): Finding[] {
  const image = stage.image;
  // A variable left unexpanded or `scratch` leaves nothing to say; a digest pins the image whatever the tag.
  if (!image || image.ref.includes('$') || image.name === 'scratch') return [];
  const line = stage.from.line;
  const isPython = image.name === 'python';
  const pin = isPython
    ? `Pin a version: FROM ${RECOMMENDED_BASE}`
    : `Name a version tag: FROM ${image.name}:<version>`;
  if (image.tag === null && image.digest === null) {
    return [
      finding(
        'base-image-no-tag',
        line,
        `${quote(`FROM ${image.ref}`)} has no tag, so Docker uses ${image.name}:latest, which moves to each new release: the same Dockerfile can build a different image next month.`,
        pin,
      ),
    ];
  }
  if (image.tag === 'latest' && image.digest === null) {
    return [
      finding(
        'base-image-latest',
        line,
        `${quote(`FROM ${image.ref}`)} follows whatever release is newest on the day you build, so the same Dockerfile can build a different image next month.`,
        pin,
      ),
    ];
  }
  const series = isPython && image.tag !== null ? pythonSeries(image.tag) : null;
  const ended = series === null ? null : endedOn(series, today);
  if (series === null || ended === null) return [];
  const when = ended.length === 7 ? `in ${formatDate(ended)}` : `on ${formatDate(ended)}`;
  return [
    finding(
      'base-image-eol',
      line,
      `${image.ref} runs Python ${series}, which reached its end of life ${when}: it gets no security fixes any more.`,
      `Use a supported Python: FROM ${RECOMMENDED_BASE}`,
    ),
  ];
}
