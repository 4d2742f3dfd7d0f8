/** Components every lesson may use by name, without importing them. */
export const lessonComponents = {};
