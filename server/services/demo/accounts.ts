import 'server-only';
import type { Role } from '@/db/schema';

/**
 * The demo's accounts, one per role. These passwords are public (printed at start and in the
 * README): the demo is for trying the product, never for real records.
 */
export const demoOrganization = { slug: 'demo', name: 'Demo Human Rights Centre' } as const;

export const demoAccounts: { role: Role; email: string; name: string; password: string }[] = [
  { role: 'monitor', email: 'monitor@demo.hrd-monitor.org', name: 'Aigerim Monitor', password: 'monitor-demo-2017' },
  { role: 'reviewer', email: 'reviewer@demo.hrd-monitor.org', name: 'Daniyar Reviewer', password: 'reviewer-demo-2017' },
  { role: 'admin', email: 'admin@demo.hrd-monitor.org', name: 'Saule Admin', password: 'admin-demo-2017' },
];
