/**
 * The learning briefings, as the review previews need them: a withdrawn
 * review's short page links to its briefing, as the site's does
 * (src/html/blocks.ts withdrawnReviewBlock). Read once through a preview's
 * getCollection and kept here, like the settings (cms/settings-store.ts), so
 * a preview draws the link as soon as they have arrived.
 */
export interface BriefingOfReview {
  /** The briefing's file name: its page is /learning/<slug>/. */
  slug: string;
  title: string;
  /** The review's file name, as the briefing's `review` field holds it. */
  review: string;
  sample: boolean;
}

type Listener = () => void;
type GetCollection = (collection: string, slug?: string) => Promise<unknown>;
interface ImmutableLike {
  toJS?: () => unknown;
  get?: (key: string) => unknown;
}

let current: BriefingOfReview[] = [];
let loading: Promise<void> | undefined;
const listeners = new Set<Listener>();

export function setBriefings(next: readonly BriefingOfReview[]): void {
  current = [...next];
  for (const listener of listeners) listener();
}

export function onBriefings(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The briefing of the review with this file name, if one is known. */
export function briefingOfReview(reviewSlug: string): BriefingOfReview | undefined {
  return reviewSlug ? current.find((briefing) => briefing.review === reviewSlug) : undefined;
}

/** Loads the briefings through a preview's getCollection, once. */
export function loadBriefings(getCollection: GetCollection): Promise<void> {
  loading ??= getCollection('briefings')
    .then((result) => {
      const entries = (Array.isArray(result) ? result : []) as ImmutableLike[];
      setBriefings(
        entries.flatMap((entry) => {
          // Decap gives the entry's data as a plain object here (an Immutable map elsewhere): accept both.
          const raw = entry.get?.('data') as ImmutableLike | Record<string, unknown> | undefined;
          const data = (typeof (raw as ImmutableLike | undefined)?.toJS === 'function' ? (raw as ImmutableLike).toJS!() : raw) as
            Record<string, unknown> | undefined;
          const slug = entry.get?.('slug');
          if (typeof slug !== 'string' || typeof data?.review !== 'string') return [];
          return [{ slug, title: String(data.title ?? ''), review: data.review, sample: data.sample === true }];
        }),
      );
    })
    .catch(() => {
      // The short page is then drawn without the link; nothing else depends on it.
      loading = undefined;
    });
  return loading;
}
