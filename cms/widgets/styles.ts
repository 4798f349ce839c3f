/**
 * The look of the project's widgets inside Decap's editor: GOV.UK's date
 * input (three boxes in a row, each with its label above) and error message
 * (bold, dark red, beside the field), in colours with at least 4.5:1 contrast
 * on Decap's white fields and grey page. Added once, to the admin page's head
 * (its policy allows the CMS's inline styles).
 */
const CSS = `
.sg-visually-hidden { position: absolute !important; width: 1px !important; height: 1px !important; margin: 0 !important; padding: 0 !important; overflow: hidden !important; clip: rect(0 0 0 0) !important; clip-path: inset(50%) !important; border: 0 !important; white-space: nowrap !important; }
.sg-field-error { margin: 0 0 8px; color: #a4201a; font-weight: 700; font-size: 15px; line-height: 1.4; }
.sg-field-input--error, .sg-field-input--error:focus { border-color: #a4201a !important; }
.sg-date-input { margin: 0; padding: 0; border: 0; min-width: 0; }
.sg-date-input__hint { margin: 0 0 8px; color: #50545c; font-size: 15px; }
.sg-date-input__items { display: flex; flex-wrap: wrap; gap: 16px; }
.sg-date-input__item { display: flex; flex-direction: column; }
.sg-date-input__label { display: block; margin-bottom: 4px; color: #2d3138; font-size: 15px; cursor: pointer; }
.sg-date-input__input { box-sizing: border-box; height: 40px; padding: 4px 8px; border: 2px solid #50545c; border-radius: 0; font-size: 17px; background: #fff; color: #1f2328; }
.sg-date-input__input--2 { width: 4.5em; }
.sg-date-input__input--4 { width: 6.5em; }
.sg-date-input__input:focus { outline: 3px solid #ffdd00; outline-offset: 0; box-shadow: inset 0 0 0 2px; }
.sg-date-input__input--error { border-color: #a4201a; }
.sg-date-input__status { margin: 12px 0 0; padding: 8px 12px; border-left: 4px solid #1d70b8; background: #f3f7fb; color: #1f2328; font-size: 15px; }
`;

let installed = false;

export function installWidgetStyles(): void {
  if (installed || typeof document === 'undefined') return;
  installed = true;
  const style = document.createElement('style');
  style.dataset.sg = 'widgets';
  style.textContent = CSS;
  document.head.append(style);
}
