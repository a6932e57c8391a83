import { expect, test, type Page } from '@playwright/test';
import { signedIn } from './support/sign-in';
import sharp from 'sharp';
import { chooseViolationType } from './support/forms';

/**
 * A photograph goes public with its incident, and only it: the monitor uploads a photo (carrying
 * camera, author and GPS data) and a court decision, the reviewer marks the photo public under a
 * title of their own with a box blacked out, the incident is submitted, approved and published, and
 * the public page shows the photo, stripped of its metadata and with the box burnt in, and nothing
 * of the other file.
 */

const reviewPanel = (page: Page) => page.getByRole('region', { name: 'Review', exact: true });

test('a reviewer publishes one of two files with its incident; the public sees the stripped photo only', async ({ browser }) => {
  // Two sign-ins, two uploads, a derivative and three review steps: more than the default 30 s on a busy machine.
  test.setTimeout(180_000);
  const title = `Car of a union lawyer burnt ${Date.now()}`;
  const monitor = await signedIn(browser, 'monitor');
  const reviewer = await signedIn(browser, 'reviewer');
  let incidentPath = '';

  await test.step('the monitor logs an incident and attaches two files', async () => {
    await monitor.goto('/incidents/new');
    await monitor.getByLabel('Title (required)', { exact: true }).fill(title);
    await monitor.getByLabel('Date or start (required)').fill('2017-06-12');
    await chooseViolationType(monitor, 'Criminal charges brought');
    await monitor.getByRole('button', { name: 'Save incident' }).click();
    await expect(monitor.getByRole('heading', { level: 1, name: title })).toBeVisible();
    incidentPath = new URL(monitor.url()).pathname;

    const photo = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#a03020' } })
      .jpeg()
      .withExif({ IFD0: { Artist: 'SecretPhotographer', Make: 'SecretCam' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '43/1 21/1 0/1' } })
      .toBuffer();
    const decision = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
    const section = monitor.getByRole('region', { name: 'Evidence files' });
    await section.getByTestId('evidence-input').setInputFiles([
      { name: 'IMG_0042 lawyer car.jpg', mimeType: 'image/jpeg', buffer: photo },
      { name: 'sealed court decision.pdf', mimeType: 'application/pdf', buffer: decision },
    ]);
    await expect(section.getByRole('list', { name: 'Uploads' }).getByText('Uploaded and checked.')).toHaveCount(2);
    const panel = reviewPanel(monitor);
    await panel.getByRole('button', { name: 'Submit for review' }).click();
    await expect(panel).toContainText('Status: Submitted');
  });

  await test.step('the reviewer marks the photo public under a title of their own, approves and publishes', async () => {
    await reviewer.goto(incidentPath);
    const files = reviewer.getByRole('region', { name: 'Evidence files' }).getByRole('list', { name: 'Attached files' });
    const photoItem = files.getByRole('listitem').filter({ hasText: 'IMG_0042 lawyer car.jpg' });
    await photoItem.getByRole('button', { name: 'Publish with the record' }).click();
    await photoItem.getByLabel('Title of the public copy').fill('Burnt car');
    // The number plate, in the top left quarter, is blacked out: by numbers, as a keyboard user would.
    const byNumbers = photoItem.getByRole('group', { name: 'Add a box by numbers, in percent of the picture' });
    await byNumbers.getByLabel('From the left (%)').fill('0');
    await byNumbers.getByLabel('From the top (%)').fill('0');
    await byNumbers.getByLabel('Width (%)').fill('50');
    await byNumbers.getByLabel('Height (%)').fill('50');
    await byNumbers.getByRole('button', { name: 'Add box' }).click();
    await expect(photoItem.getByRole('button', { name: 'Remove box 1' })).toBeVisible();
    // The form's own button (the first one opened the form).
    await photoItem.getByRole('button', { name: 'Publish with the record' }).last().click();
    await expect(photoItem.getByText('Goes public with the published record')).toBeVisible();

    const panel = reviewPanel(reviewer);
    await panel.getByRole('button', { name: 'Approve' }).click();
    await expect(panel).toContainText('Status: Approved');
    await panel.getByRole('button', { name: 'Publish' }).click();
    await expect(panel.getByRole('status')).toHaveText('Published. The public now sees this version.');
  });

  await test.step('the public page shows the stripped photo and nothing of the other file', async () => {
    const visitor = await (await browser.newContext()).newPage();
    const response = await visitor.goto(`/public${incidentPath}`);
    expect(response?.status()).toBe(200);
    const copies = visitor.getByRole('region', { name: 'Documents and photographs' });
    const image = copies.getByRole('img', { name: 'Burnt car' });
    await expect(image).toBeVisible();
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(64);
    const html = await visitor.content();
    for (const secret of ['IMG_0042', 'sealed court decision', 'lawyer car']) expect(html).not.toContain(secret);
    await expect(copies.getByRole('link')).toHaveCount(1);

    const copy = await visitor.request.get((await image.getAttribute('src'))!);
    expect(copy.status()).toBe(200);
    const bytes = Buffer.from(await copy.body());
    const metadata = await sharp(bytes).metadata();
    expect([metadata.exif, metadata.xmp, metadata.iptc]).toEqual([undefined, undefined, undefined]);
    for (const secret of ['SecretPhotographer', 'SecretCam', 'GPS']) expect(bytes.includes(secret)).toBe(false);
    // The box is burnt in: black in the top left quarter, the photo's red elsewhere.
    const { data, info } = await sharp(bytes).raw().toBuffer({ resolveWithObject: true });
    const pixel = (x: number, y: number) => [...data.subarray((y * info.width + x) * info.channels, (y * info.width + x) * info.channels + 3)];
    expect(Math.max(...pixel(8, 8))).toBeLessThan(30);
    expect(pixel(56, 40)[0]).toBeGreaterThan(120);
  });
});
