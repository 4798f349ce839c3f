/**
 * The dev server serves documents at the addresses the built site has
 * (/documents/reviews/<entry>/<file>), through the same route and so the
 * same rule: only a public review's or an annual report's documents, a
 * withdrawn or scheduled review's are "Page not found" (404).
 */
import type { AstroIntegration } from 'astro';
import { devDocumentRoute } from '../content/documents';

export function devDocuments(): AstroIntegration {
  return {
    name: 'safeguarding-dev-documents',
    hooks: {
      'astro:server:setup': ({ server }) => {
        server.middlewares.use((request, _response, next) => {
          const route = request.url ? devDocumentRoute(request.url) : undefined;
          if (route) request.url = route;
          next();
        });
      },
    },
  };
}
