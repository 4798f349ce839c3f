import { defineCollection } from 'astro:content';
import { getCollection, type CollectionName } from './content/model';
import { SCHEMAS } from './content/schemas';
import { contentLoader } from './content/loader';

// Every collection is made from the one content model (src/content/model.ts).
const collection = <N extends CollectionName>(name: N) =>
  defineCollection({ loader: contentLoader(getCollection(name)), schema: SCHEMAS[name] });

export const collections = {
  pages: collection('pages'),
  strategy: collection('strategy'),
  threshold: collection('threshold'),
  procedures: collection('procedures'),
  bulletins: collection('bulletins'),
  reviews: collection('reviews'),
  briefings: collection('briefings'),
  reports: collection('reports'),
  glossary: collection('glossary'),
  settings: collection('settings'),
  accessibility: collection('accessibility'),
};
