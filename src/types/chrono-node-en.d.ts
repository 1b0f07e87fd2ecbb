/**
 * The types of `chrono-node/en` (chrono's English locale alone, without the ~270 modules of every
 * locale that `chrono-node` loads): its package names the subpath in `exports`, which TypeScript's
 * `node10` resolution does not read. A declaration, not a `paths` mapping: tsx follows `paths` at
 * run time, and would load the declaration file instead of the module.
 */
declare module 'chrono-node/en' {
  export * from 'chrono-node/dist/cjs/locales/en';
}
