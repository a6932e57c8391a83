import 'server-only';
/** What the public figures can be grouped by. */
export const groupings = ['year', 'month', 'violation_type', 'region', 'defender_category', 'perpetrator_type'] as const;
export type Grouping = (typeof groupings)[number];
