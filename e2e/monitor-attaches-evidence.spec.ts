import { expect, test } from '@playwright/test';
import sharp from 'sharp';
import { demoAccount } from './support/server-state';

/**
 * A monitor attaches a photograph and a court decision to an incident: both upload with a
 * progress list, are checked against the browser's fingerprint, and preview inside the workspace.
 */
test('a monitor uploads two files to an incident and previews the photo', async ({ page }) => {
  const monitor = demoAccount('monitor');
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(monitor.email);
  await page.getByLabel('Password').fill(monitor.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/incidents$/);

  await page.locator('main table a').first().click();
  const section = page.getByRole('region', { name: 'Evidence files' });
  await expect(section.getByText('No files attached yet.')).toBeVisible();

  const photo = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#a03020' } }).jpeg().toBuffer();
  const decision = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
  await section.getByTestId('evidence-input').setInputFiles([
    { name: 'burnt car.jpg', mimeType: 'image/jpeg', buffer: photo },
    { name: 'court decision.pdf', mimeType: 'application/pdf', buffer: decision },
  ]);
  const uploads = section.getByRole('list', { name: 'Uploads' });
  await expect(uploads.getByText('Uploaded and checked.')).toHaveCount(2);

  const files = section.getByRole('list', { name: 'Attached files' });
  await expect(files.getByRole('link', { name: 'burnt car.jpg' })).toBeVisible();
  await expect(files.getByRole('link', { name: 'court decision.pdf' })).toBeVisible();

  await files.getByRole('listitem').filter({ hasText: 'burnt car.jpg' }).getByRole('button', { name: 'Preview' }).click();
  const preview = section.getByRole('img', { name: 'Preview of burnt car.jpg' });
  await expect(preview).toBeVisible();
  await expect.poll(() => preview.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(64);
});
