// The parts of GOV.UK Frontend's JavaScript the site uses (the package ships no types).
declare module 'govuk-frontend' {
  interface ComponentClass {
    new (root: Element, config?: object): unknown;
    moduleName: string;
  }
  export const ExitThisPage: ComponentClass;
  export const ServiceNavigation: ComponentClass;
  export const SkipLink: ComponentClass;
  export const Checkboxes: ComponentClass;
  export const Button: ComponentClass;
  export function createAll(component: ComponentClass, config?: object, scope?: Element | Document): unknown[];
}
