/**
 * Where reviews from the rest of the country are published, by type of
 * review. Each national library holds one kind of review only: the NSPCC's
 * repository holds reviews about children, the Home Office's library holds
 * domestic homicide reviews, and the National Network for Chairs of
 * Safeguarding Adults Boards' library holds safeguarding adults reviews.
 * A local learning review has no national library.
 */
import { REVIEW_TYPES } from '../content/model';
import { NSPCC_REPOSITORY } from './links';
import type { ReviewType } from '../content/data-types';

export interface NationalLibrary {
  /** The library's name, as link text. */
  name: string;
  href: string;
  /** Who keeps it and what it holds: a sentence, `before` the link to the library and `after` it. */
  before: string;
  after: string;
}

export const NSPCC_LIBRARY: NationalLibrary = {
  name: 'national case review repository',
  href: NSPCC_REPOSITORY,
  before:
    'The National Society for the Prevention of Cruelty to Children (NSPCC) keeps published reviews about children from across the UK in its ',
  after: '.',
};

export const DHR_LIBRARY: NationalLibrary = {
  name: 'Domestic Homicide Review library',
  href: 'https://www.gov.uk/government/collections/domestic-homicide-review-library',
  before: 'The Home Office publishes domestic homicide reviews from England and Wales in its ',
  after: ' on GOV.UK.',
};

export const SAR_LIBRARY: NationalLibrary = {
  name: 'library of safeguarding adults reviews',
  href: 'https://nationalnetwork.org.uk/search.html',
  before: 'The National Network for Chairs of Safeguarding Adults Boards collects published safeguarding adults reviews in its national ',
  after: '.',
};

const LIBRARIES: Record<ReviewType, NationalLibrary | undefined> = {
  'Child Safeguarding Practice Review': NSPCC_LIBRARY,
  'Serious Case Review': NSPCC_LIBRARY,
  'Safeguarding Adults Review': SAR_LIBRARY,
  'Domestic Homicide Review': DHR_LIBRARY,
  'Learning Review': undefined,
};

/** The national library that holds reviews of this type, or undefined when there is none. */
export function nationalLibraryFor(type: ReviewType): NationalLibrary | undefined {
  return LIBRARIES[type];
}

/** Every national library, once each, in the order of the review types. */
export function nationalLibraries(types: readonly ReviewType[] = REVIEW_TYPES): NationalLibrary[] {
  const found: NationalLibrary[] = [];
  for (const type of types) {
    const library = nationalLibraryFor(type);
    if (library && !found.includes(library)) found.push(library);
  }
  return found;
}
