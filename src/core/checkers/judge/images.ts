/** image-listed, judged alike from a `docker images` paste and from the Engine's image list. */
import type { Check } from '../../evidence.ts';
import { imageName } from '../../docker/index.ts';
import { COURSE } from '../course.ts';
import { check } from '../verdict.ts';

export interface ImageSeen {
  repository: string;
  tag: string;
  id: string;
  size?: string | null | undefined;
  line?: number | undefined;
}

/** `tableLine`: the table's header line, for a check about an image that is not in it */
export function judgeImageListed(
  images: readonly ImageSeen[],
  image: string,
  tableLine?: number,
): Check[] {
  const repo = imageName(image).repository;
  const tag = imageName(image).tag;
  const exact = images.find((i) => i.repository === repo && i.tag === tag);
  if (exact) {
    const size = exact.size ? `, ${exact.size}` : '';
    return [
      check(
        'image-listed',
        true,
        `${repo}:${tag} is there (IMAGE ID ${exact.id.replace(/^sha256:/, '').slice(0, 12)}${size}).`,
        { line: exact.line },
      ),
    ];
  }
  const sameRepo = images.filter((i) => i.repository === repo);
  if (sameRepo.length > 0) {
    return [
      check(
        'image-listed',
        false,
        `${repo} is there, but with the tag ${sameRepo.map((i) => i.tag).join(', ')}, not ${tag}.`,
        {
          line: sameRepo[0]!.line,
          hint: `Build with -t ${repo}:${tag}, or tag the one you have: docker tag ${repo}:${sameRepo[0]!.tag} ${repo}:${tag}`,
        },
      ),
    ];
  }
  const own = images.filter((i) => i.repository !== '<none>' && !/^python$/.test(i.repository));
  return [
    check('image-listed', false, `There is no ${repo}:${tag} in the list.`, {
      line: tableLine,
      hint:
        own.length > 0
          ? `If you named your image differently (${own
              .slice(0, 3)
              .map((i) => `${i.repository}:${i.tag}`)
              .join(
                ', ',
              )}), that is fine: the course calls it ${COURSE.imageName}. Otherwise build it: docker build -t ${repo}:${tag} .`
          : `Build it first, in the folder with the Dockerfile: docker build -t ${repo}:${tag} .`,
    }),
  ];
}
