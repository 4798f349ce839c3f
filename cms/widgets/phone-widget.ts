/**
 * A phone number (the settings' numbers): says what is wrong, in the build's
 * words and beside the box, when the editor leaves it, and refuses a save
 * while it is wrong (src/cms/field-input.ts phoneProblem).
 */
import { Component, type ChangeEvent, type ReactNode } from 'react';
import { phoneProblem } from '../../src/cms/field-input';
import { TextField, fieldLabel, isRequired, refusal, type WidgetError, type WidgetProps } from './common';

interface State {
  shown: boolean;
}

export class PhoneControl extends Component<WidgetProps, State> {
  override state: State = { shown: false };

  private problem(): string | undefined {
    const value = this.props.value;
    // Empty and required: Decap's own "is required" message says so.
    if (value === undefined || value === null || value === '') return undefined;
    return phoneProblem({ label: fieldLabel(this.props.field), required: isRequired(this.props.field) }, value);
  }

  // An arrow function: Decap calls it without its object (Widget.js validateWrappedControl).
  isValid = (): true | WidgetError => {
    if (!this.problem()) return true;
    this.setState({ shown: true });
    return refusal(this.props);
  };

  override render(): ReactNode {
    const { value } = this.props;
    return TextField(this.props, this.state.shown ? this.problem() : undefined, () => this.setState({ shown: true }), {
      type: 'tel',
      value: typeof value === 'string' ? value : value == null ? '' : String(value),
      onChange: (event: ChangeEvent<HTMLInputElement>) => this.props.onChange(event.target.value),
    });
  }
}
