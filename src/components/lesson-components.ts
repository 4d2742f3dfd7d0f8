/** Components every lesson may use by name, without importing them. */
import Exercise from './Exercise.astro';

export const lessonComponents = { Exercise };
