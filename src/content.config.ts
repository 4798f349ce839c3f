import { defineCollection } from 'astro:content';
import { COLLECTIONS, type CollectionName } from './lib/content-model';
import { SCHEMAS } from './lib/content-schemas';
import { contentLoader } from './lib/content-loader';

export const collections = Object.fromEntries(
  COLLECTIONS.map((collection) => [
    collection.name,
    defineCollection({ loader: contentLoader(collection), schema: SCHEMAS[collection.name] }),
  ]),
) as Record<CollectionName, ReturnType<typeof defineCollection>>;
