/**
 * The site settings the previews need (numbers for "Who to call", contact
 * details, the site's name), read once from the CMS's own settings entry and
 * kept here, so an editor component's preview (a plain function) can use them.
 */
import type { SettingsData } from '../src/lib/types';

type Listener = () => void;

let current: Partial<SettingsData> = {};
let loading: Promise<void> | undefined;
const listeners = new Set<Listener>();

export function settings(): Partial<SettingsData> {
  return current;
}

export function setSettings(next: Partial<SettingsData>): void {
  current = next;
  for (const listener of listeners) listener();
}

export function onSettings(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

interface ImmutableLike { toJS?: () => unknown; get?: (key: string) => unknown }
type GetCollection = (collection: string, slug?: string) => Promise<unknown>;

/** Loads the settings through a preview's getCollection, once. */
export function loadSettings(getCollection: GetCollection): Promise<void> {
  loading ??= getCollection('settings', 'site')
    .then((result) => {
      const entry = (Array.isArray(result) ? result[0] : result) as ImmutableLike | undefined;
      const data = entry?.get?.('data') as ImmutableLike | undefined;
      const plain = data?.toJS?.();
      if (plain && typeof plain === 'object') setSettings(plain as Partial<SettingsData>);
    })
    .catch(() => {
      // Previews then show the national numbers only; nothing else depends on it.
      loading = undefined;
    });
  return loading;
}
