// The only script on content pages: GOV.UK Frontend's Exit this page (button,
// skip link and Shift pressed three times), the skip link and the mobile menu.
// Everything works without it: the exit button is a plain link.
import { ExitThisPage, ServiceNavigation, SkipLink, createAll } from 'govuk-frontend';

document.body.classList.add('govuk-frontend-supported');
createAll(SkipLink);
createAll(ServiceNavigation);
createAll(ExitThisPage);
