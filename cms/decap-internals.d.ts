// The parts of Decap that cms/entry-route.ts and cms/local-backup.ts use, which their packages here have no types for.
declare module 'decap-cms-core/dist/esm/routing/history' {
  interface HistoryLocation {
    pathname: string;
    search: string;
    hash: string;
    state: unknown;
  }
  type Action = 'POP' | 'PUSH' | 'REPLACE';
  export const history: {
    readonly location: HistoryLocation;
    readonly action: Action;
    listen(listener: (location: HistoryLocation, action: Action) => void): () => void;
    replace(path: string | HistoryLocation): void;
    createHref(location: HistoryLocation): string;
  };
}

declare module 'decap-cms-core/dist/esm/redux' {
  interface ImmutableMap {
    getIn(path: (string | number)[]): unknown;
    get(key: string): unknown;
  }
  export const store: {
    getState(): { entryDraft: ImmutableMap; entries: ImmutableMap; collections: ImmutableMap; config: unknown };
    subscribe(listener: () => void): () => void;
  };
}

declare module 'decap-cms-core/dist/esm/backend' {
  export class Backend {
    getLocalDraftBackup(collection: { get(key: 'name'): string }, slug?: string): Promise<{ entry?: unknown }>;
    listAllEntries(collection: unknown): Promise<{ slug: string; data: Record<string, unknown> }[]>;
  }
  /** The backend the CMS signed in to (decap-server here, GitHub on the live site). */
  export function currentBackend(config: unknown): Backend;
}
