/** The course's lessons in order, for pages and navigation. */
import { getCollection, type CollectionEntry } from 'astro:content';
import { withBase } from '../islands/lib/base-url.ts';

export type Lesson = CollectionEntry<'lessons'>;

export async function getLessons(): Promise<Lesson[]> {
  const lessons = (await getCollection('lessons')).sort((a, b) => a.data.order - b.data.order);
  for (let i = 1; i < lessons.length; i++) {
    const [a, b] = [lessons[i - 1]!, lessons[i]!];
    if (a.data.order === b.data.order) {
      throw new Error(`content/lessons/${a.id}.mdx and content/lessons/${b.id}.mdx: both have order ${a.data.order}; give each lesson its own order.`);
    }
  }
  return lessons;
}

export const lessonHref = (lesson: Pick<Lesson, 'id'>) => withBase(`/lessons/${lesson.id}/`);
