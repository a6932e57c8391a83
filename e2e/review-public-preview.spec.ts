import { expect, test, type Page } from '@playwright/test';
import { signedIn } from './support/sign-in';
import { chooseViolationType } from './support/forms';

/**
 * Before approving, the reviewer reads what the public will read: the incident's text as it will be
 * published, each replaced name marked (and explained to screen readers), and the forms found.
 * The demo collection keeps "Vladimir (son of Larisa Kharkova)" confidential.
 */
const reviewPanel = (page: Page) => page.getByRole('region', { name: 'Review', exact: true });

test('the reviewer sees the public text with the protected name replaced and marked', async ({ browser }) => {
  const stamp = Date.now();
  const title = `Vladimir questioned about his mother ${stamp}`;
  const monitor = await signedIn(browser, 'monitor');
  await monitor.goto('/incidents/new');
  await monitor.getByLabel('Title (required)', { exact: true }).fill(title);
  await monitor.getByLabel('Date or start (required)').fill('2017-06-12');
  await chooseViolationType(monitor, 'Criminal charges brought');
  await monitor.getByRole('button', { name: 'Save incident' }).click();
  await expect(monitor.getByRole('heading', { level: 1, name: title })).toBeVisible();
  const path = new URL(monitor.url()).pathname;
  await reviewPanel(monitor).getByRole('button', { name: 'Submit for review' }).click();
  await expect(reviewPanel(monitor)).toContainText('Status: Submitted (version 2)');
  // The author, a monitor, decides nothing and is offered no preview.
  await expect(reviewPanel(monitor).getByText('What the public will read')).toHaveCount(0);

  const reviewer = await signedIn(browser, 'reviewer');
  await reviewer.goto(path);
  const panel = reviewPanel(reviewer);
  await panel.getByText('What the public will read').click();
  const texts = panel.getByRole('region', { name: 'Public text, field by field' });
  await expect(texts).toContainText(` questioned about his mother ${stamp}`);
  const mark = texts.locator('mark').first();
  await expect(mark).toContainText('Protected person');
  await expect(mark).toContainText('(replaces “Vladimir”)');
  await expect(panel.getByRole('region', { name: 'Protected forms found' })).toContainText('“Vladimir” becomes “Protected person”');
  await expect(texts).not.toContainText(`Vladimir questioned`);

  // The queue offers the same preview.
  await reviewer.goto('/review');
  const entry = reviewer.getByRole('region', { name: title });
  await entry.getByText('What the public will read').click();
  await expect(entry.getByRole('region', { name: 'Public text, field by field' })).toContainText(` questioned about his mother ${stamp}`);
});
