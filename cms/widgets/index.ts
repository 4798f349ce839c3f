/** The project's widgets, by the names the configuration gives them (src/cms/fields.ts PROJECT_WIDGETS). */
import type { ComponentType } from 'react';
import { PROJECT_WIDGETS, PROJECT_WIDGET_SCHEMAS } from '../../src/cms/fields';
import { DateControl } from './date-widget';
import { PhoneControl } from './phone-widget';
import { UniqueNumberControl } from './unique-number-widget';
import { installWidgetStyles } from './styles';

export function projectWidgets(): { name: string; controlComponent: ComponentType<never>; schema: Record<string, unknown> }[] {
  installWidgetStyles();
  return [
    {
      name: PROJECT_WIDGETS.date,
      controlComponent: DateControl as unknown as ComponentType<never>,
      schema: PROJECT_WIDGET_SCHEMAS[PROJECT_WIDGETS.date],
    },
    {
      name: PROJECT_WIDGETS.uniqueNumber,
      controlComponent: UniqueNumberControl as unknown as ComponentType<never>,
      schema: PROJECT_WIDGET_SCHEMAS[PROJECT_WIDGETS.uniqueNumber],
    },
    {
      name: PROJECT_WIDGETS.phone,
      controlComponent: PhoneControl as unknown as ComponentType<never>,
      schema: PROJECT_WIDGET_SCHEMAS[PROJECT_WIDGETS.phone],
    },
  ];
}
