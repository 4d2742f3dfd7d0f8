export * from './model.ts';
export * from './migrate.ts';
export * from './storage.ts';
