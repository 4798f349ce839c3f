/**
 * The site settings the previews need (numbers for "Who to call", contact
 * details, the site's name), read once from the CMS's own settings entry and
 * kept here, so an editor component's preview (a plain function) can use them.
 */
import type { SettingsData } from '../src/content/data-types';

type Listener = () => void;

let current: Partial<SettingsData> = {};
let version = 0;
let loading: Promise<void> | undefined;
const listeners = new Set<Listener>();

export function settings(): Partial<SettingsData> {
  return current;
}

/** Changes whenever the settings do, so a preview can draw its body again. */
export function settingsVersion(): number {
  return version;
}

export function setSettings(next: Partial<SettingsData>): void {
  current = next;
  version += 1;
  for (const listener of listeners) listener();
}

export function onSettings(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

interface ImmutableLike {
  toJS?: () => unknown;
  get?: (key: string) => unknown;
}
type GetCollection = (collection: string, slug?: string) => Promise<unknown>;

/** Loads the settings through a preview's getCollection, once. */
export function loadSettings(getCollection: GetCollection): Promise<void> {
  loading ??= getCollection('settings', 'site')
    .then((result) => {
      const entry = (Array.isArray(result) ? result[0] : result) as ImmutableLike | undefined;
      // Decap gives the entry's data as a plain object here (an Immutable map elsewhere): accept both.
      const data = entry?.get?.('data') as ImmutableLike | Record<string, unknown> | undefined;
      const plain = typeof (data as ImmutableLike | undefined)?.toJS === 'function' ? (data as ImmutableLike).toJS!() : data;
      if (plain && typeof plain === 'object') setSettings(plain as Partial<SettingsData>);
    })
    .catch(() => {
      // Previews then show the national numbers only; nothing else depends on it.
      loading = undefined;
    });
  return loading;
}
