/**
 * What the CMS does to an entry just before saving it. Decap keeps a field an
 * editor has cleared as an empty value (url: ''), which the build rejects
 * (an optional address may be missing, not empty). So an optional field left
 * empty is left out of the file, as if it had never been filled in.
 *
 * A phone number is the exception: an empty number in the settings means
 * "not known", is allowed, and says so in the file.
 */
import type { Field } from '../content/model';

export type Path = (string | number)[];

function isEmpty(value: unknown): boolean {
  return value === null || (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && value.length === 0);
}

/** Where the empty optional values are. Deleting them deletes keys, never list items, so no path moves another. */
export function emptyOptionalPaths(fields: readonly Field[], data: unknown, prefix: Path = []): Path[] {
  if (!data || typeof data !== 'object' || Array.isArray(data)) return [];
  const record = data as Record<string, unknown>;
  const paths: Path[] = [];
  for (const field of fields) {
    if (!(field.name in record)) continue;
    const value = record[field.name];
    if (!field.required && field.kind !== 'phone' && isEmpty(value)) {
      paths.push([...prefix, field.name]);
      continue;
    }
    if (field.kind === 'object-list' && Array.isArray(value)) {
      value.forEach((item, index) => paths.push(...emptyOptionalPaths(field.fields, item, [...prefix, field.name, index])));
    }
  }
  return paths;
}

/** A copy of `data` without its empty optional values. */
export function pruneEmptyOptional(fields: readonly Field[], data: Record<string, unknown>): Record<string, unknown> {
  const copy = structuredClone(data);
  for (const path of emptyOptionalPaths(fields, copy)) {
    const parent = path.slice(0, -1).reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], copy) as Record<
      string | number,
      unknown
    >;
    delete parent[path.at(-1)!];
  }
  return copy;
}
