/** image-listed: its judges, one per evidence source it reads (see ./info.ts for what it is). */
import { COURSE_IMAGE } from '../../course.ts';
import type { Judges } from '../../dispatch.ts';
import { imagesIn, wantedImage } from '../../engine/snapshot-seen.ts';
import { imagesSeen } from '../../from-reading.ts';
import { judgeImageListed } from '../../judge/images.ts';
import { lastPart } from '../../reading.ts';
import { verdictOf } from '../../verdict.ts';

export const judges: Judges = {
  reading: (r, source) => {
    const part = lastPart(r, 'images');
    return part
      ? verdictOf(judgeImageListed(imagesSeen(part), COURSE_IMAGE, part.part.lines[0]), source)
      : null;
  },
  engine: (s) => verdictOf(judgeImageListed(imagesIn(s), wantedImage(s)), 'engine'),
};
