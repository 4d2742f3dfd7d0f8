// Lets plain `tsc` type-check .ts files that import .astro components (astro check has its own,
// richer types for them). The Astro 7 client types no longer declare the module.
declare module '*.astro' {
  const Component: (props: Record<string, unknown>) => unknown;
  export default Component;
}
