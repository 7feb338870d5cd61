import { registerEnumType } from 'type-graphql';
import { dimensions } from '../../analytics/catalog/dimensions.js';
import { orderFields } from '../../analytics/catalog/order.js';
import { statusClasses } from '../../analytics/query.js';
import { granularities, timeframes } from '../../analytics/time-range.js';

// Every enum derives from the analytics catalog: adding a measure or dimension there adds it here.
const enumOf = <T extends string>(values: readonly T[]) => Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };

export const Timeframe = enumOf(timeframes);
registerEnumType(Timeframe, { name: 'Timeframe', description: 'A preset time range in the filter timezone (weeks start on Monday), or CUSTOM with from/to.' });

export const Granularity = enumOf(granularities);
registerEnumType(Granularity, { name: 'Granularity', description: 'Series bucket size; AUTO aims at 30–60 buckets.' });

export const Dimension = enumOf(dimensions.map((d) => d.name));
registerEnumType(Dimension, {
  name: 'Dimension',
  description: 'What a breakdown groups by.',
  valuesConfig: Object.fromEntries(dimensions.map((d) => [d.name, { description: d.description }])),
});

export const StatusClass = enumOf(statusClasses);
registerEnumType(StatusClass, { name: 'StatusClass', description: 'SUCCESS: status < 400; ERROR: >= 400; CLIENT_ERROR: 400–499; SERVER_ERROR: >= 500.' });

export const UsageOrderField = enumOf(orderFields.map((f) => f.value));
registerEnumType(UsageOrderField, {
  name: 'UsageOrderField',
  description: 'A measure or numeric page column to order by.',
  valuesConfig: Object.fromEntries(orderFields.map((f) => [f.value, { description: f.description }])),
});

export const SortDirection = { ASC: 'ASC', DESC: 'DESC' } as const;
registerEnumType(SortDirection, { name: 'SortDirection' });
