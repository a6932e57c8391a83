/**
 * The coordinators' export: a reviewer or admin downloads their organization's incidents with the
 * list's filters as CSV, XLSX or exchange JSON; a monitor is refused, another organization's person
 * is told it does not exist; every export leaves an audit row with its filters.
 */
import { readFileSync } from 'node:fs';
import { and, count, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import { auditLog, incidents } from '@/db/schema';
import { exportVerdict } from '@/server/policy/export';
import { loadViewer } from '@/server/auth/viewer';
import { listViewer } from '@/server/policy/viewer';
import type { ExchangeDocument } from '@/server/services/exchange/document';
import { importExchangeDocument } from '@/server/services/exchange/import';
import { workspaceExportInput, workspaceExportResponse } from '@/server/services/exchange/workspace-export';
import { validateExchangeDocument } from '@/server/services/exchange/validate';
import { csvAnswer, csvRecords } from '../support/csv';
import { createTestDatabase } from '../support/database';
import { anIncident, callerFor, createOrganization, createUser } from '../support/factories';

let database: Database;
let organizationId: string;
let reviewerId: string;
beforeAll(async () => {
  database = await createTestDatabase();
  organizationId = (await createOrganization(database.db)).id;
  const admin = await createUser(database.db, organizationId, 'admin');
  reviewerId = (await createUser(database.db, organizationId, 'reviewer')).id;
  await importExchangeDocument(database.db, JSON.parse(readFileSync('fixtures/kazakhstan-2017.json', 'utf8')), { organizationId, actingUserId: admin.id });
});
afterAll(() => database?.close());

/** The export as a person asks for it: "mine" and "waiting for my review" depend on who asks, as in the list. */
const exportAs = async (userId: string, query: Record<string, string>) =>
  workspaceExportResponse(database.db, listViewer((await loadViewer(database.db, userId))!), workspaceExportInput.parse({ organizationId, ...query }));
const exportOf = (query: Record<string, string>) => exportAs(reviewerId, query);
const countWhere = async (status?: 'published') =>
  Number((await database.db.select({ n: count() }).from(incidents).where(and(eq(incidents.organizationId, organizationId), status ? eq(incidents.reviewStatus, status) : undefined)))[0]!.n);

describe('the coordinators’ export', () => {
  it('is for reviewers and admins of the organization only', async () => {
    const monitor = await createUser(database.db, organizationId, 'monitor');
    const outsider = await createUser(database.db, (await createOrganization(database.db)).id, 'admin');
    const verdict = async (userId: string) => exportVerdict(await loadViewer(database.db, userId), organizationId);
    expect(await verdict(reviewerId)).toBe('ok');
    expect(await verdict(monitor.id)).toBe('forbidden');
    expect(await verdict(outsider.id)).toBe('not_found');
    expect(exportVerdict(null, organizationId)).toBe('unauthorized');
  });

  it('writes CSV with the list’s filters, and audits who exported what', async () => {
    const { bom, records: all } = await csvAnswer(await exportOf({ format: 'csv' }));
    expect(bom).toBe(true);
    expect(all[0]).toEqual(['ref', 'title', 'status', 'start_date', 'end_date', 'date_precision', 'country', 'region', 'region_name', 'locality', 'violation_types', 'summary', 'updated_at']);
    expect(all).toHaveLength((await countWhere()) + 1);

    const response = await exportOf({ format: 'csv', status: 'published', text: 'Kharkova' });
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    const rows = csvRecords(await response.text()).slice(1);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThan(all.length - 1);
    expect(rows.every((row) => row[2] === 'published')).toBe(true);

    const audits = await database.db.select().from(auditLog).where(and(eq(auditLog.action, 'exchange.export'), eq(auditLog.actorId, reviewerId)));
    expect(audits.map((a) => a.details)).toContainEqual({ via: 'workspace', format: 'csv', filters: { status: 'published', text: 'Kharkova' } });
  });

  it('writes XLSX that a spreadsheet opens, one row per incident', async () => {
    const response = await exportOf({ format: 'xlsx', status: 'published' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as never);
    const sheet = workbook.getWorksheet('Incidents')!;
    expect(sheet.getRow(1).getCell(1).value).toBe('ref');
    expect(sheet.rowCount - 1).toBe(await countWhere('published'));
  });

  it('writes a valid exchange file holding only the matching incidents', async () => {
    const doc = (await (await exportOf({ format: 'json', status: 'published' })).json()) as ExchangeDocument;
    expect(doc.version).toBe(2);
    expect(doc.incidents).toHaveLength(await countWhere('published'));
    expect(validateExchangeDocument(doc)).toEqual([]);
  });

  it('uses exactly the list’s filters, "mine" and "waiting for my review" included', async () => {
    const monitor = await createUser(database.db, organizationId, 'monitor');
    const asMonitor = await callerFor(database.db, monitor.id);
    const asReviewer = await callerFor(database.db, reviewerId);
    const own = await asReviewer.incident.create({ organizationId, incident: anIncident({ title: 'Export: the reviewer’s own' }) });
    await asReviewer.review.submit({ id: own.id, version: own.version });
    const theirs = await asMonitor.incident.create({ organizationId, incident: anIncident({ title: 'Export: waiting for the reviewer' }) });
    await asMonitor.review.submit({ id: theirs.id, version: theirs.version });

    const exportedRefs = async (query: Record<string, string>) => csvRecords(await (await exportOf({ format: 'csv', ...query })).text()).slice(1).map((row) => row[0]);
    const listedRefs = async (scope: 'mine' | 'awaiting_my_review') => (await asReviewer.incident.list({ organizationId, scope, limit: 100 })).items.map((item) => item.ref);

    expect(await exportedRefs({ scope: 'mine' })).toEqual([(await asReviewer.incident.get({ id: own.id })).ref]);
    expect((await exportedRefs({ scope: 'mine' })).sort()).toEqual((await listedRefs('mine')).sort());
    // Four eyes: the reviewer's own submission never waits for their own review.
    const waiting = await exportedRefs({ scope: 'awaiting_my_review' });
    expect(waiting).toContain((await asReviewer.incident.get({ id: theirs.id })).ref);
    expect(waiting).not.toContain((await asReviewer.incident.get({ id: own.id })).ref);
    expect(waiting.sort()).toEqual((await listedRefs('awaiting_my_review')).sort());

    const doc = (await (await exportOf({ format: 'json', scope: 'mine' })).json()) as ExchangeDocument;
    expect(doc.incidents.map((incident) => incident.ref)).toEqual(await listedRefs('mine'));
  });

  it('refuses a bad filter with the field named', () => {
    expect(workspaceExportInput.safeParse({ organizationId, format: 'pdf' }).success).toBe(false);
    expect(workspaceExportInput.safeParse({ organizationId, format: 'csv', from: '2017-02-30' }).success).toBe(false);
  });
});
