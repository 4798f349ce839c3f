/**
 * What the build's log leaves out. Astro marks every content entry's
 * styles module with the directive "use astro:head-inject", which Rolldown
 * reports once per entry as a MODULE_LEVEL_DIRECTIVE warning (about ten
 * lines each: 10,000 lines at 1,000 entries) although Astro reads the
 * directive itself and nothing is lost. Every other warning is shown.
 */
export interface BundlerLog {
  code?: string;
  message: string;
}

/** Astro's own head-inject directive, reported by Rolldown for each content entry. */
export function isAstroHeadInjectNotice(log: BundlerLog): boolean {
  return log.code === 'MODULE_LEVEL_DIRECTIVE' && log.message.includes('"use astro:head-inject"');
}

/** Rolldown's onwarn (vite.build.rolldownOptions in astro.config.mjs): passes on every warning but Astro's head-inject notices. */
export function quietAstroNotices(warning: BundlerLog, warn: (warning: BundlerLog) => void): void {
  if (!isAstroHeadInjectNotice(warning)) warn(warning);
}
