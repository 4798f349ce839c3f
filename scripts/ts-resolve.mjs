// Lets `node --experimental-strip-types` run the project's TypeScript as it
// is written for Vite and Astro: a relative import without an extension
// ("./content-files") is looked for as "./content-files.ts".
// Use: node --experimental-strip-types --import ./scripts/ts-resolve.mjs scripts/x.ts
import { registerHooks } from 'node:module';

registerHooks({
  resolve(specifier, context, next) {
    try {
      return next(specifier, context);
    } catch (error) {
      if (/^\.{1,2}\//.test(specifier) && !/\.[cm]?[jt]sx?$/.test(specifier)) return next(`${specifier}.ts`, context);
      throw error;
    }
  },
});
