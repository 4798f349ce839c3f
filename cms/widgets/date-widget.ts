/**
 * A date typed with the keyboard, as GOV.UK's date input asks for it: a
 * fieldset named by the field's label, the hint "For example, 31 3 2026",
 * and Day, Month and Year boxes (numeric keyboards on phones). It stores
 * exactly YYYY-MM-DD, nothing when all three are empty, and says what is
 * wrong in the build's words when the editor leaves the boxes and before a
 * save, which it refuses (src/cms/date-input.ts).
 *
 * Decap labels every field with <label for={forID}>: that id is the Day
 * box's, so the label's click and Decap's "go to the error" reach it, while
 * each box's own name (Day, Month, Year) comes from aria-labelledby and the
 * group's from its legend, the same words as Decap's label.
 *
 * A review's publication date (`retention: true` in the content model) also
 * says, live, what the one-year rule does with the date typed, today being
 * the site's today (cms/site-today.ts: the date in London, or SITE_NOW): "Scheduled: ...".
 */
import { Component, createElement as h, type ChangeEvent, type FocusEvent, type ReactNode } from 'react';
import {
  DATE_EXAMPLE,
  DATE_PARTS,
  dateProblem,
  dateValueFromParts,
  datePartsFromValue,
  isoFromParts,
  type DatePart,
  type DateParts,
} from '../../src/cms/date-input';
import { cmsToday } from '../site-today';
import { retentionLine } from '../../src/rules/retention-line';
import { retentionYearsFrom } from '../../src/rules/retention';
import { loadSettings, onSettings, settings } from '../settings-store';
import { ErrorMessage, describedBy, errorId, fieldLabel, isRequired, refusal, type WidgetError, type WidgetProps } from './common';

interface State {
  parts: DateParts;
  shown: boolean;
}

const LABELS: Record<DatePart, string> = { day: 'Day', month: 'Month', year: 'Year' };

export class DateControl extends Component<WidgetProps, State> {
  override state: State = { parts: datePartsFromValue(this.props.value), shown: false };

  /** The value this widget last stored, to tell it from a value set from outside (another entry loaded). */
  private emitted: unknown = this.props.value;

  private stopSettings: (() => void) | undefined;

  override componentDidMount(): void {
    if (this.props.field.get('retention') !== true) return;
    this.stopSettings = onSettings(() => this.forceUpdate());
    void loadSettings((collection, slug) =>
      this.props.loadEntry(collection, slug ?? '').then((entry) => ({ get: (key: string) => entry?.[key] })),
    );
  }

  override componentWillUnmount(): void {
    this.stopSettings?.();
  }

  override componentDidUpdate(previous: WidgetProps): void {
    if (previous.value !== this.props.value && this.props.value !== this.emitted) {
      this.emitted = this.props.value;
      this.setState({ parts: datePartsFromValue(this.props.value), shown: false });
    }
  }

  private id(part: DatePart): string {
    return part === 'day' ? this.props.forID : `${this.props.forID}-${part}`;
  }

  private problem() {
    const { parts } = this.state;
    const problem = dateProblem(fieldLabel(this.props.field), parts, isRequired(this.props.field));
    // An empty required date: Decap's own "is required" message says so.
    return problem && DATE_PARTS.some((part) => parts[part].trim() !== '') ? problem : undefined;
  }

  /** Decap asks before every save: a date the build would refuse is not saved. */
  // An arrow function: Decap calls it without its object (Widget.js validateWrappedControl).
  isValid = (): true | WidgetError => {
    if (!this.problem()) return true;
    this.setState({ shown: true });
    return refusal(this.props);
  };

  private change(part: DatePart, event: ChangeEvent<HTMLInputElement>): void {
    const parts = { ...this.state.parts, [part]: event.target.value };
    this.setState({ parts });
    this.emitted = dateValueFromParts(parts);
    this.props.onChange(this.emitted);
  }

  private leave(event: FocusEvent<HTMLFieldSetElement>): void {
    if (event.relatedTarget instanceof Node && event.currentTarget.contains(event.relatedTarget)) return;
    this.setState({ shown: true });
    this.props.setInactiveStyle();
  }

  private statusLine(): string | undefined {
    if (this.props.field.get('retention') !== true) return undefined;
    const iso = isoFromParts(this.state.parts);
    if (!iso) return 'Type the publication date to see when the review is on the site.';
    return retentionLine(iso, cmsToday(), retentionYearsFrom(settings() as Record<string, unknown>));
  }

  override render(): ReactNode {
    const { forID, field, classNameWrapper } = this.props;
    const label = fieldLabel(field);
    const problem = this.state.shown ? this.problem() : undefined;
    const status = this.statusLine();
    const hintId = `${forID}-hint`;
    const statusId = `${forID}-status`;
    return h(
      'div',
      { className: classNameWrapper },
      h(
        'fieldset',
        {
          className: 'sg-date-input',
          'aria-describedby': describedBy(hintId, problem && errorId(forID), status && statusId),
          onFocus: () => this.props.setActiveStyle(),
          onBlur: (event: FocusEvent<HTMLFieldSetElement>) => this.leave(event),
        },
        h('legend', { className: 'sg-visually-hidden' }, isRequired(field) ? label : `${label} (optional)`),
        h('p', { id: hintId, className: 'sg-date-input__hint' }, `For example, ${DATE_EXAMPLE}`),
        h(ErrorMessage, { id: errorId(forID), message: problem?.message }),
        h(
          'div',
          { className: 'sg-date-input__items' },
          ...DATE_PARTS.map((part) => {
            const labelId = `${this.id(part)}-label`;
            const invalid = Boolean(problem?.parts.includes(part));
            return h(
              'div',
              { className: 'sg-date-input__item', key: part },
              // Not a <label>: the Day box already has Decap's; the name comes from aria-labelledby.
              h(
                'span',
                { id: labelId, className: 'sg-date-input__label', onClick: () => document.getElementById(this.id(part))?.focus() },
                LABELS[part],
              ),
              h('input', {
                id: this.id(part),
                className: `sg-date-input__input sg-date-input__input--${part === 'year' ? 4 : 2}${invalid ? ' sg-date-input__input--error' : ''}`,
                type: 'text',
                inputMode: 'numeric',
                autoComplete: 'off',
                spellCheck: false,
                'aria-labelledby': labelId,
                'aria-invalid': invalid || undefined,
                value: this.state.parts[part],
                onChange: (event: ChangeEvent<HTMLInputElement>) => this.change(part, event),
              }),
            );
          }),
        ),
        status ? h('p', { id: statusId, className: 'sg-date-input__status', role: 'status' }, status) : null,
      ),
    );
  }
}
