// react-dom ships no types of its own here (no @types/react-dom): the one function the tests use.
declare module 'react-dom/server' {
  import type { ReactNode } from 'react';
  export function renderToStaticMarkup(node: ReactNode): string;
}
