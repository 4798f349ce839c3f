// The only script on content pages: GOV.UK Frontend's Exit this page (button,
// skip link and Shift pressed three times), the skip link and the mobile menu;
// and the date on a printed page (print-date.ts).
// Everything works without it: the exit button is a plain link.
import { Button, ExitThisPage, ServiceNavigation, SkipLink, createAll } from 'govuk-frontend';
import { keepPrintDate } from './print-date';

document.body.classList.add('govuk-frontend-supported');
createAll(SkipLink);
createAll(ServiceNavigation);
createAll(ExitThisPage);
// The exit button is a link with role="button": GOV.UK's Button module makes
// Space press it, as Enter does, instead of scrolling the page.
const exit = document.querySelector('.govuk-exit-this-page');
if (exit) createAll(Button, undefined, exit);

keepPrintDate(window);
