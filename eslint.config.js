// ESLint (flat config): JavaScript's and TypeScript's recommended rules, the
// Astro plugin's, and the accessibility rules of jsx-a11y for Astro templates.
// `npm run lint` runs it with Prettier's check; `npm test` runs `npm run lint` first.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import astro from 'eslint-plugin-astro';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/', 'dist.building-*/', 'dist.old-*/', 'test-results/', '.astro/', '.cache/', 'node_modules/', 'content/', 'public/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...astro.configs.recommended,
  ...astro.configs['jsx-a11y-recommended'],
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      // An unused name is a mistake, except one that says it is unused on purpose (_name).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // A table too wide for the screen scrolls in a labelled group that takes focus, so keyboard users can scroll it (WCAG 2.1.1).
      'astro/jsx-a11y/no-noninteractive-tabindex': ['error', { roles: ['group'] }],
    },
  },
  // What runs in the browser: the site's scripts, the CMS and the pages' <script>s.
  { files: ['cms/**', 'src/scripts/**', '**/*.astro'], languageOptions: { globals: { ...globals.browser } } },
);
