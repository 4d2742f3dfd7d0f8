/**
 * The frontmatter every lesson in content/lessons/ must have. One schema, documented field by field;
 * src/content.config.ts binds it to the collection, and tests/unit/lesson-schema.test.ts pins its messages.
 */
import { z } from 'astro/zod';
import { EXERCISE_IDS } from '../core/checkers/catalog.ts';

/** One of the catalog's exercises (src/core/checkers/catalog.ts): the lesson that holds it names it here. */
const exerciseId = z.enum(EXERCISE_IDS, {
  error: (issue) =>
    `there is no exercise ${JSON.stringify(issue.input)}; the catalog (src/core/checkers/catalog.ts) has ${EXERCISE_IDS.join(', ')}`,
});

export const lessonSchema = z
  .object({
    /** The lesson's name, shown as its heading, in the sidebar and in the page title. */
    title: z.string().trim().min(1, 'a lesson needs a title').max(80, 'keep a title under 80 characters'),
    /** Position in the course, 1 first; two lessons may not share one (checked by the site). */
    order: z.number().int('order is a whole number, 1 for the first lesson').positive('order starts at 1'),
    /** One or two sentences for the home page's lesson list. */
    summary: z.string().trim().min(1, 'a lesson needs a summary').max(300, 'keep the summary under 300 characters'),
    /** What the learner can do after the lesson; shown at its top. */
    objectives: z.array(z.string().trim().min(1)).min(1, 'list at least one objective'),
    /** Estimated reading and practice time. */
    estimatedMinutes: z.number().int('estimatedMinutes is a whole number').min(1).max(120),
    /** The exercises this lesson holds, in lesson order: each in exactly one lesson (src/core/checkers/exercises/). */
    exercises: z.array(exerciseId).optional(),
  })
  .strict();

export type LessonFrontmatter = z.infer<typeof lessonSchema>;
