import { expect, test } from '@playwright/test';
import { seriousViolations } from './support/axe';
import { signedIn } from './support/sign-in';
import { discussion, logDraft, navigation, reviewPanel } from './support/review';

/**
 * The review pages beyond the four-eyes journey (e2e/review-journey.spec.ts): deleting a draft and
 * restoring it, axe-core on every review page, and the words changed since an entry was returned.
 *
 * Each test makes its own incidents: the demo database is seeded once for the whole run.
 */

test('an author deletes their draft after confirming, and an administrator restores it', async ({ browser }) => {
  const title = `Activist summoned for questioning ${Date.now()}`;
  const monitor = await signedIn(browser, 'monitor');
  const incidentPath = await logDraft(monitor, title);

  await monitor.getByRole('button', { name: 'Delete this draft' }).click();
  const question = monitor.getByRole('group', { name: `Delete “${title}”?` });
  await expect(question).toBeVisible();
  await question.getByRole('button', { name: 'No, keep it' }).click();
  await expect(monitor.getByRole('button', { name: 'Delete this draft' })).toBeFocused();
  await monitor.getByRole('button', { name: 'Delete this draft' }).click();
  await question.getByRole('button', { name: 'Yes, delete it' }).click();
  await expect(monitor).toHaveURL(/\/incidents$/);
  await monitor.goto(incidentPath);
  await expect(monitor.getByRole('heading', { level: 1, name: 'Not found' })).toBeVisible();
  await expect(navigation(monitor).getByRole('link', { name: 'Deleted' })).toHaveCount(0);

  const admin = await signedIn(browser, 'admin');
  await navigation(admin).getByRole('link', { name: 'Deleted' }).click();
  const row = admin.getByRole('row', { name: new RegExp(title) });
  await expect(row).toContainText('Aigerim Monitor');
  await row.getByRole('button', { name: `Restore: ${title}` }).click();
  await expect(row.getByRole('status')).toContainText('Restored.');
  await row.getByRole('link', { name: `Open “${title}”` }).click();
  await expect(admin.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(reviewPanel(admin)).toContainText('Status: Draft (version 1)');
});
test('the review pages pass axe-core without serious or critical violations', async ({ browser }) => {
  const title = `Blogger fined for a post ${Date.now()}`;
  const monitor = await signedIn(browser, 'monitor');
  await logDraft(monitor, title);
  await reviewPanel(monitor).getByRole('button', { name: 'Submit for review' }).click();
  await expect(reviewPanel(monitor)).toContainText('Status: Submitted (version 2)');

  const problems: string[] = [];
  const reviewer = await signedIn(browser, 'reviewer');
  await reviewer.goto('/review');
  problems.push(...(await seriousViolations(reviewer)));
  // An entry someone else submitted: the decisions, the comment fields and an open reply form.
  await reviewer.getByRole('link', { name: `Open to decide: ${title}` }).click();
  await expect(reviewPanel(reviewer).getByRole('button', { name: 'Approve' })).toBeVisible();
  await discussion(reviewer).getByLabel('Comment (required)', { exact: true }).fill('Checked against the ruling.');
  await discussion(reviewer).getByRole('button', { name: 'Add comment' }).click();
  await discussion(reviewer).getByRole('button', { name: 'Reply to Daniyar Reviewer' }).click();
  await expect(discussion(reviewer).getByRole('form', { name: 'Reply to Daniyar Reviewer' })).toBeVisible();
  problems.push(...(await seriousViolations(reviewer)));
  for (const address of ['/notifications', '/shared']) {
    await reviewer.goto(address);
    problems.push(...(await seriousViolations(reviewer)));
  }
  const admin = await signedIn(browser, 'admin');
  await admin.goto('/deleted');
  problems.push(...(await seriousViolations(admin)));
  expect(problems).toEqual([]);
});

test('a resubmitted entry shows the reviewer the words changed since they returned it, and the published one links to its public page', async ({ browser }) => {
  const title = `Blogger fined for a post ${Date.now()}`;
  const opening = 'The blogger was fined by the administrative court of Shymkent for a post that criticised the akimat';
  const closing = 'He said he would appeal the decision and asked lawyers of the bureau to help him with the appeal';
  const monitor = await signedIn(browser, 'monitor');
  const reviewer = await signedIn(browser, 'reviewer');
  const editSummary = async (summary: string) => {
    await monitor.getByRole('link', { name: 'Edit incident' }).click();
    await monitor.getByLabel('Summary').fill(summary);
    await monitor.getByRole('button', { name: 'Save incident' }).click();
    await expect(monitor.getByText(summary)).toBeVisible();
  };
  let incidentPath = '';

  await test.step('the monitor submits an entry with a long summary, and the reviewer returns it', async () => {
    incidentPath = await logDraft(monitor, title);
    await editSummary(`${opening} on 3 May. ${closing}.`);
    await reviewPanel(monitor).getByRole('button', { name: 'Submit for review' }).click();
    await expect(reviewPanel(monitor)).toContainText('Status: Submitted (version 3)');

    await reviewer.goto(incidentPath);
    const panel = reviewPanel(reviewer);
    await panel.getByLabel('What needs to change (required)').fill('Was it 3 May or 5 May?');
    await panel.getByRole('button', { name: 'Request changes' }).click();
    await expect(panel).toContainText('Status: Changes requested (version 4)');
  });

  await test.step('the monitor corrects one word and resubmits', async () => {
    await monitor.goto(incidentPath);
    await editSummary(`${opening} on 5 May. ${closing}.`);
    await reviewPanel(monitor).getByRole('button', { name: 'Submit for review' }).click();
    await expect(reviewPanel(monitor)).toContainText('Status: Submitted (version 6)');
  });

  await test.step('the reviewer reads only the changed word, the rest folded', async () => {
    await reviewer.goto('/review');
    const entry = reviewer.getByRole('region', { name: title });
    await expect(entry).toContainText('Changes since version 4, the one returned for changes');
    await expect(entry.getByRole('row', { name: /^Title/ })).toHaveCount(0);
    const summaryRow = entry.getByRole('row', { name: /^Summary/ });
    await expect(summaryRow.getByRole('cell').nth(0).locator('del')).toHaveText('3');
    await expect(summaryRow.getByRole('cell').nth(1).locator('ins')).toHaveText('5');
    await expect(summaryRow.getByRole('cell').nth(1)).toContainText('unchanged words');
    await expect(summaryRow.getByRole('cell').nth(1)).not.toContainText('administrative court of Shymkent');
  });

  await test.step('once published, the panel links to the public page', async () => {
    await reviewer.goto(incidentPath);
    const panel = reviewPanel(reviewer);
    await panel.getByRole('button', { name: 'Approve' }).click();
    await expect(panel).toContainText('Status: Approved (version 7)');
    await panel.getByRole('button', { name: 'Publish' }).click();
    await expect(panel).toContainText('Status: Published (version 8)');
    await panel.getByRole('link', { name: 'Open the public page' }).click();
    await expect(reviewer).toHaveURL(new RegExp(`/public${incidentPath}$`));
    await expect(reviewer.getByRole('heading', { level: 1, name: title })).toBeVisible();
  });
});
