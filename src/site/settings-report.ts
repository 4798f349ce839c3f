/** Optional settings still empty (a local phone number not known yet, an online form the council has not got), so not shown. */
import { getCollection as modelCollection } from '../content/model';

export function missingSettings(settings: Record<string, unknown>): string[] {
  return modelCollection('settings')
    .fields.filter(
      (field) =>
        !field.required &&
        (settings[field.name] === undefined || settings[field.name] === null || String(settings[field.name]).trim() === ''),
    )
    .map((field) => `${field.label} (${field.name})`);
}
