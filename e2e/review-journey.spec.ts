import { expect, test } from '@playwright/test';
import { signedIn } from './support/sign-in';
import { discussion, logDraft, navigation, reviewPanel } from './support/review';

/**
 * Four eyes in the browser: a monitor submits a draft, a reviewer returns it with a comment, the
 * monitor reads the comment and the notification, corrects and resubmits, the reviewer reads the
 * changes in the queue, approves and publishes. A reviewer never approves their own entry: the page
 * offers no button, and the server refuses the request when it is sent anyway.
 *
 * Each test makes its own incidents: the demo database is seeded once for the whole run.
 */

test('a draft is returned with a comment, corrected, resubmitted, approved and published by someone else', async ({ browser }) => {
  // Two people, two tabs and seven versions: the whole journey is longer than the default 30 s on a busy machine.
  test.setTimeout(90_000);
  const title = `Journalist detained at a protest ${Date.now()}`;
  const request = 'Please add a summary: who detained him, and where.';
  const question = 'Is the day certain, or only the month?';
  const summary = 'Police detained the journalist outside the akimat while he filmed the protest.';
  const monitor = await signedIn(browser, 'monitor');
  const reviewer = await signedIn(browser, 'reviewer');
  let incidentPath = '';

  await test.step('the monitor logs a draft and submits it for review', async () => {
    incidentPath = await logDraft(monitor, title);
    const panel = reviewPanel(monitor);
    await expect(panel).toContainText('Status: Draft (version 1)');
    await expect(panel.getByRole('button', { name: 'Approve' })).toHaveCount(0);
    await panel.getByRole('button', { name: 'Submit for review' }).click();
    await expect(panel.getByRole('status')).toHaveText('Submitted for review. Reviewers have been notified.');
    await expect(panel).toContainText('Status: Submitted (version 2)');
    await expect(panel.getByRole('button', { name: 'Submit for review' })).toHaveCount(0);
    // Submitted entries are frozen while someone decides on them.
    await expect(monitor.getByRole('link', { name: 'Edit incident' })).toHaveCount(0);
  });

  await test.step('the reviewer finds it in the queue and returns it with a comment', async () => {
    await navigation(reviewer).getByRole('link', { name: 'Review queue' }).click();
    await expect(reviewer.getByRole('heading', { level: 1, name: 'Review queue' })).toBeVisible();
    const entry = reviewer.getByRole('region', { name: title });
    await expect(entry).toContainText('Never approved before: everything is new');
    await expect(entry.getByRole('row', { name: /^Title/ }).getByRole('cell').nth(1)).toHaveText(title);
    await entry.getByRole('heading', { name: title }).getByRole('link').click();
    await expect(reviewer).toHaveURL(new RegExp(`${incidentPath}$`));

    const panel = reviewPanel(reviewer);
    await expect(panel.getByRole('button', { name: 'Approve' })).toBeVisible();
    // The comment is required: the request is not sent without one.
    await panel.getByRole('button', { name: 'Request changes' }).click();
    const comment = panel.getByLabel('What needs to change (required)');
    await expect(comment).toHaveAttribute('aria-invalid', 'true');
    await expect(panel).toContainText('Say what needs to change before returning the entry.');
    await expect(comment).toBeFocused();
    await comment.fill(request);
    await panel.getByRole('button', { name: 'Request changes' }).click();
    await expect(panel.getByRole('status')).toHaveText('Returned to the author with your comment.');
    await expect(panel).toContainText('Status: Changes requested (version 3)');
    // The reason is part of the discussion, where the author answers it.
    const thread = discussion(reviewer);
    await expect(thread.getByRole('article', { name: 'Comment by Daniyar Reviewer' })).toContainText(request);

    await thread.getByLabel('About which part of the incident (optional)').selectOption({ label: 'Date' });
    await thread.getByLabel('Comment (required)', { exact: true }).fill(question);
    await thread.getByRole('button', { name: 'Add comment' }).click();
    const asked = thread.getByRole('article', { name: 'Comment by Daniyar Reviewer' }).filter({ hasText: question });
    await expect(asked).toContainText('About: Date');
    await expect(thread.getByLabel('Comment (required)', { exact: true })).toHaveValue('');
  });

  await test.step('the monitor sees the notification and the comment, and answers it', async () => {
    await monitor.goto('/incidents');
    const notificationsLink = navigation(monitor).getByRole('link', { name: /^Notifications, \d+ unread$/ });
    await expect(notificationsLink).toBeVisible();
    await notificationsLink.click();
    await expect(monitor.getByRole('heading', { level: 1, name: 'Notifications' })).toBeVisible();
    const notice = monitor.getByRole('listitem').filter({ hasText: `Daniyar Reviewer asked for changes to “${title}”` });
    await expect(notice).toHaveCount(1);
    await expect(notice.getByRole('button', { name: /^Mark as read/ })).toBeVisible();
    await notice.getByRole('link', { name: /^Open the incident/ }).click();
    await expect(monitor).toHaveURL(new RegExp(`${incidentPath}$`));

    const thread = discussion(monitor);
    const comment = thread.getByRole('article', { name: 'Comment by Daniyar Reviewer' }).filter({ hasText: request });
    await expect(comment).toBeVisible();
    await expect(thread.getByRole('article', { name: 'Comment by Daniyar Reviewer' }).filter({ hasText: question })).toBeVisible();
    await comment.getByRole('button', { name: 'Reply to Daniyar Reviewer' }).click();
    const reply = thread.getByRole('form', { name: 'Reply to Daniyar Reviewer' });
    await reply.getByLabel('Your reply to Daniyar Reviewer (required)').fill('Added to the summary.');
    await reply.getByLabel('About which part of the incident (optional)').selectOption({ label: 'Summary' });
    await reply.getByRole('button', { name: 'Post reply' }).click();
    // The reply sits under the comment it answers, pointing at the field.
    const answer = thread
      .getByRole('listitem')
      .filter({ has: monitor.getByRole('article', { name: 'Comment by Daniyar Reviewer' }).filter({ hasText: request }) })
      .getByRole('article', { name: 'Comment by Aigerim Monitor' });
    await expect(answer).toContainText('Added to the summary.');
    await expect(answer).toContainText('About: Summary');
    await expect(thread.getByRole('listitem').filter({ hasText: question }).getByRole('article', { name: 'Comment by Aigerim Monitor' })).toHaveCount(0);

    // Opening the notification marked it read; the comment's is still unread until "mark all".
    await navigation(monitor).getByRole('link', { name: /^Notifications, \d+ unread$/ }).click();
    await expect(notice.getByRole('button', { name: /^Mark as read/ })).toHaveCount(0);
    const commented = monitor.getByRole('listitem').filter({ hasText: `Daniyar Reviewer commented on “${title}”` });
    await expect(commented.getByRole('button', { name: /^Mark as read/ })).toBeVisible();
    await monitor.getByRole('button', { name: 'Mark all as read' }).click();
    await expect(commented.getByRole('button', { name: /^Mark as read/ })).toHaveCount(0);
    await expect(navigation(monitor).getByRole('link', { name: 'Notifications', exact: true })).toBeVisible();
    await expect(monitor.getByText('Unread: 0')).toBeVisible();
  });

  await test.step('the monitor corrects the entry and resubmits it', async () => {
    await monitor.goto(incidentPath);
    await monitor.getByRole('link', { name: 'Edit incident' }).click();
    await monitor.getByLabel('Summary').fill(summary);
    await monitor.getByRole('button', { name: 'Save incident' }).click();
    await expect(monitor.getByText(summary)).toBeVisible();
    const panel = reviewPanel(monitor);
    await expect(panel).toContainText('Status: Changes requested (version 4)');
    await panel.getByRole('button', { name: 'Submit for review' }).click();
    await expect(panel).toContainText('Status: Submitted (version 5)');
  });

  await test.step('the reviewer reads the changes in the queue, approves and publishes', async () => {
    await reviewer.goto('/review');
    const entry = reviewer.getByRole('region', { name: title });
    const summaryRow = entry.getByRole('row', { name: /^Summary/ });
    await expect(summaryRow.getByRole('cell').nth(0)).toHaveText('(empty)');
    await expect(summaryRow.getByRole('cell').nth(1)).toHaveText(summary);

    await entry.getByRole('link', { name: `Open to decide: ${title}` }).click();
    // A second tab on the same version: whichever decides second is told why and shown the new state.
    const stale = await reviewer.context().newPage();
    await stale.goto(incidentPath);
    await expect(reviewPanel(stale).getByRole('button', { name: 'Approve' })).toBeVisible();

    const panel = reviewPanel(reviewer);
    await panel.getByRole('button', { name: 'Approve' }).click();
    await expect(panel).toContainText('Status: Approved (version 6)');

    const stalePanel = reviewPanel(stale);
    await stalePanel.getByLabel('What needs to change (required)').fill('Too late: someone approved it already.');
    await stalePanel.getByRole('button', { name: 'Request changes' }).click();
    await expect(stalePanel.getByRole('alert')).toContainText('This incident changed while you were looking at it');
    await expect(stalePanel).toContainText('Status: Approved (version 6)');
    await expect(stalePanel.getByRole('button', { name: 'Publish' })).toBeVisible();
    await stale.close();

    await panel.getByRole('button', { name: 'Publish' }).click();
    await expect(panel.getByRole('status')).toHaveText('Published. The public now sees this version.');
    await expect(panel).toContainText('Status: Published (version 7)');
    await expect(panel.getByRole('button', { name: 'Retract' })).toBeVisible();
  });

  await test.step('the monitor hears of the publication', async () => {
    await monitor.goto('/notifications');
    await expect(monitor.getByRole('listitem').filter({ hasText: `Daniyar Reviewer published “${title}”` })).toHaveCount(1);
  });
});

test('a reviewer cannot approve their own entry: no button, and the server refuses', async ({ browser }) => {
  const title = `Lawyer's office searched ${Date.now()}`;
  const reviewer = await signedIn(browser, 'reviewer');
  const incidentPath = await logDraft(reviewer, title);
  const incidentId = incidentPath.split('/').pop()!;

  const panel = reviewPanel(reviewer);
  await panel.getByRole('button', { name: 'Submit for review' }).click();
  await expect(panel).toContainText('Status: Submitted (version 2)');
  await expect(panel).toContainText('A reviewer who neither wrote nor last edited it decides on it.');
  await expect(panel.getByRole('button', { name: 'Approve' })).toHaveCount(0);
  await expect(panel.getByRole('button', { name: 'Request changes' })).toHaveCount(0);

  // Sent anyway, with the reviewer's own session, straight to the API.
  const response = await reviewer.request.post('/api/trpc/review.approve', { data: { json: { id: incidentId, version: 2 } } });
  expect(response.status()).toBe(403);
  const body = (await response.json()) as { error: { json: { message: string; data: { code: string } } } };
  expect(body.error.json.data.code).toBe('FORBIDDEN');
  expect(body.error.json.message).toContain('another reviewer must decide on it');

  await reviewer.reload();
  await expect(reviewPanel(reviewer)).toContainText('Status: Submitted (version 2)');

  // Another reviewer of the organization (here the administrator) may decide on it.
  const admin = await signedIn(browser, 'admin');
  await admin.goto(incidentPath);
  await expect(reviewPanel(admin).getByRole('button', { name: 'Approve' })).toBeVisible();
});
