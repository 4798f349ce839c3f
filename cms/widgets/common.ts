/**
 * What Decap gives every widget (decap-cms-core's Widget.js), as far as the
 * project's widgets use it, and the pieces they share: GOV.UK's error message
 * (beside the field, tied to its input by aria-describedby) and the error
 * Decap needs from isValid() to refuse a save.
 */
import { createElement as h, type InputHTMLAttributes, type ReactNode } from 'react';

/** Decap's Immutable maps, as far as the widgets read them. */
export interface ImmutableMap {
  get: (key: string, fallback?: unknown) => unknown;
}

export interface QueryResult {
  payload?: { hits?: { slug: string; data: Record<string, unknown> }[]; error?: unknown };
}

export interface WidgetProps {
  value: unknown;
  field: ImmutableMap;
  collection: ImmutableMap;
  forID: string;
  classNameWrapper: string;
  onChange: (value: unknown) => void;
  setActiveStyle: () => void;
  setInactiveStyle: () => void;
  getEntry: () => ImmutableMap;
  loadEntry: (collection: string, slug: string) => Promise<Record<string, unknown> | undefined>;
  query: (
    namespace: string,
    collection: string,
    searchFields: string[],
    term: string,
    file?: string,
    limit?: number,
  ) => Promise<QueryResult>;
  parentIds?: string[];
}

/** What isValid() returns to refuse a save. The message is the widget's own, beside the field, so Decap's list stays empty. */
export interface WidgetError {
  error: { type: 'CUSTOM'; parentIds?: string[]; message: string };
}

export function refusal(props: WidgetProps): WidgetError {
  return { error: { type: 'CUSTOM', parentIds: props.parentIds, message: '' } };
}

export function fieldLabel(field: ImmutableMap): string {
  return String(field.get('label') ?? field.get('name') ?? '');
}

export function isRequired(field: ImmutableMap): boolean {
  return field.get('required') !== false;
}

export const errorId = (forID: string) => `${forID}-error`;

/** GOV.UK's error message: "Error:" for screen readers, then the message. */
export function ErrorMessage({ id, message }: { id: string; message: string | undefined }): ReactNode {
  if (!message) return null;
  return h('p', { id, className: 'sg-field-error' }, h('span', { className: 'sg-visually-hidden' }, 'Error: '), message);
}

/** The ids an input is described by, leaving out those not shown. */
export function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  const shown = ids.filter((id): id is string => Boolean(id));
  return shown.length > 0 ? shown.join(' ') : undefined;
}

/**
 * A one-line field as GOV.UK writes it: the error message above the box, the box tied to it
 * (aria-describedby, aria-invalid) and marked; focus and blur told to Decap, and `left` called
 * when the editor leaves the box (when the widgets start showing their message).
 */
export function TextField(
  props: WidgetProps,
  message: string | undefined,
  left: () => void,
  input: InputHTMLAttributes<HTMLInputElement>,
): ReactNode {
  const { forID, classNameWrapper } = props;
  return h(
    'div',
    null,
    h(ErrorMessage, { id: errorId(forID), message }),
    h('input', {
      id: forID,
      className: `${classNameWrapper}${message ? ' sg-field-input--error' : ''}`,
      autoComplete: 'off',
      spellCheck: false,
      'aria-describedby': describedBy(message && errorId(forID)),
      'aria-invalid': message ? true : undefined,
      ...input,
      onFocus: () => props.setActiveStyle(),
      onBlur: () => {
        left();
        props.setInactiveStyle();
      },
    }),
  );
}
