/**
 * A whole number that no other entry of the collection may have (a field
 * marked `unique` in the content model: a bulletin's number, a threshold
 * level). As the editor types (after a pause) it asks the CMS's backend,
 * through the `query` Decap gives every widget (so it works on GitHub as on
 * this computer), which entries have that number; the entry being edited
 * does not count against itself. The answer shows beside the box, and
 * isValid() refuses a save while the number is known to be taken; a number
 * not yet checked is checked by the save itself (cms/unique-before-save.ts).
 */
import { Component, type ChangeEvent, type InputHTMLAttributes, type ReactNode } from 'react';
import { integerFromText, integerProblem } from '../../src/cms/field-input';
import { duplicateMessage, findDuplicate, type OtherEntry } from '../../src/content/unique-values';
import { TextField, fieldLabel, isRequired, refusal, type WidgetError, type WidgetProps } from './common';

/** How long typing pauses before the number is checked. */
const PAUSE_MS = 400;

interface Checked {
  value: unknown;
  duplicate?: OtherEntry;
}

interface State {
  text: string;
  shown: boolean;
  checked?: Checked;
}

const toText = (value: unknown) => (value === undefined || value === null ? '' : String(value));

export class UniqueNumberControl extends Component<WidgetProps, State> {
  override state: State = { text: toText(this.props.value), shown: false };

  private timer: ReturnType<typeof setTimeout> | undefined;
  private pending: Promise<Checked> | undefined;
  private pendingValue: unknown;
  private emitted: unknown = this.props.value;
  private mounted = false;

  override componentDidMount(): void {
    this.mounted = true;
    void this.check(this.props.value);
  }

  override componentWillUnmount(): void {
    this.mounted = false;
    clearTimeout(this.timer);
  }

  override componentDidUpdate(previous: WidgetProps): void {
    if (previous.value !== this.props.value && this.props.value !== this.emitted) {
      this.emitted = this.props.value;
      this.setState({ text: toText(this.props.value), shown: false });
      void this.check(this.props.value);
    }
  }

  private label(): string {
    return fieldLabel(this.props.field);
  }

  private formatProblem(value: unknown): string | undefined {
    const min = this.props.field.get('min');
    const max = this.props.field.get('max');
    return integerProblem(
      {
        label: this.label(),
        required: isRequired(this.props.field),
        min: typeof min === 'number' ? min : undefined,
        max: typeof max === 'number' ? max : undefined,
      },
      value,
    );
  }

  /** Asks the backend which other entries have `value`; the latest answer is kept. */
  private check(value: unknown): Promise<Checked> {
    if (typeof value !== 'number' || this.formatProblem(value)) return Promise.resolve({ value });
    if (this.pending && this.pendingValue === value) return this.pending;
    const { field, collection, forID } = this.props;
    const name = String(field.get('name'));
    const entry = this.props.getEntry();
    const ownSlug = entry.get('newRecord') === true ? undefined : String(entry.get('slug') ?? '');
    this.pendingValue = value;
    this.pending = this.props
      .query(forID, String(collection.get('name')), [name], String(value))
      .then((result) => {
        if (result.payload?.error !== undefined || !Array.isArray(result.payload?.hits))
          throw new Error('the CMS could not list the other entries');
        const checked: Checked = { value, duplicate: findDuplicate(name, value, result.payload.hits, ownSlug) };
        if (this.mounted && this.props.value === value) this.setState({ checked, shown: true });
        return checked;
      })
      .finally(() => {
        if (this.pendingValue === value) this.pending = undefined;
      });
    return this.pending;
  }

  private problem(): string | undefined {
    const { value } = this.props;
    if (value === undefined || value === null || value === '') return undefined;
    const format = this.formatProblem(value);
    if (format) return format;
    const { checked } = this.state;
    if (checked && checked.value === value && checked.duplicate) {
      return duplicateMessage(
        { label: this.label() },
        String(this.props.collection.get('label_singular') ?? this.props.collection.get('label') ?? 'entry'),
        value,
        checked.duplicate,
      );
    }
    return undefined;
  }

  /** Before a save: refused while the number is wrong or taken; a number not yet checked is checked first. */
  // An arrow function: Decap calls it without its object (Widget.js validateWrappedControl).
  isValid = (): true | WidgetError => {
    const { value } = this.props;
    if (this.problem()) {
      this.setState({ shown: true });
      return refusal(this.props);
    }
    // Not checked yet (Publish pressed straight after typing): the save's own check decides
    // (cms/unique-before-save.ts), since Decap does not wait for a widget's answer.
    if (typeof value === 'number' && this.state.checked?.value !== value) void this.check(value).catch(() => undefined);
    return true;
  };

  private change(event: ChangeEvent<HTMLInputElement>): void {
    const text = event.target.value;
    const value = integerFromText(text);
    this.setState({ text });
    this.emitted = value;
    this.props.onChange(value);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      void this.check(value).catch(() => undefined);
    }, PAUSE_MS);
  }

  override render(): ReactNode {
    return TextField(this.props, this.state.shown ? this.problem() : undefined, () => this.setState({ shown: true }), {
      type: 'text',
      inputMode: 'numeric',
      // The number last checked against the other entries (the end-to-end tests wait for it).
      'data-unique-checked': this.state.checked ? String(this.state.checked.value) : undefined,
      value: this.state.text,
      onChange: (event: ChangeEvent<HTMLInputElement>) => this.change(event),
    } as InputHTMLAttributes<HTMLInputElement>);
  }
}
