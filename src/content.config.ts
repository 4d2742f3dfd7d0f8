import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { lessonSchema } from './content/lesson-schema.ts';

const lessons = defineCollection({
  // Lessons live at the top of the repository, beside the workspace files they show.
  loader: glob({ pattern: '*.mdx', base: './content/lessons' }),
  schema: lessonSchema,
});

export const collections = { lessons };
