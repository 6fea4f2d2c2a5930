import path from 'path';
import type { Browser } from 'playwright-core';
import { launchBrowser, openSession, recordFailure, screenshot, type Session } from './browser';
import { appDir, startServer, type Server } from './server';

const EDITOR = { firstname: 'Sophea', lastname: 'Editor', email: 'editor@example.org', password: 'Editor-Pass-2026' };
const TITLE = 'Resilient Riverside Homes in Battambang';
const COVER = path.join(appDir, 'database', 'seeds', 'media', 'projects', 'cambodia-flood-recovery-houses.jpg');
const WAIT = { timeout: 60000 };

let server: Server;
let browser: Browser;
let editor: Session;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  editor = await openSession(browser, 'editor');
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('editors in the admin panel', () => {
  it(
    'registers the first administrator on a fresh database',
    recordFailure(() => editor, 'first-admin', async () => {
      const { page } = editor;
      await page.goto(`${server.url}/admin`);
      await page.getByLabel('First name').fill(EDITOR.firstname);
      await page.getByLabel('Last name').fill(EDITOR.lastname);
      await page.getByLabel('Email').fill(EDITOR.email);
      await page.locator('input[name=password]').fill(EDITOR.password);
      await page.locator('input[name=confirmPassword]').fill(EDITOR.password);
      await page.getByRole('button', { name: "Let's start" }).click();
      await page.getByText(`Hello ${EDITOR.firstname}`).waitFor(WAIT);
      await screenshot(page, 'home');
    })
  );

  it(
    'creates and publishes a project with status, country, key figure, rich text and cover, which REST then serves',
    recordFailure(() => editor, 'create-project', async () => {
      const { page } = editor;
      await page.goto(`${server.url}/admin/content-manager/collection-types/api::project.project/create?plugins[i18n][locale]=en`);
      await page.getByRole('textbox', { name: 'title' }).fill(TITLE, WAIT);
      await page.getByRole('combobox', { name: 'status' }).click();
      await page.getByRole('option', { name: 'planned' }).click();
      await page.getByRole('combobox', { name: 'countries' }).click();
      await page.getByRole('combobox', { name: 'countries' }).fill('Camb');
      await page.getByRole('option', { name: /Cambodia/ }).first().click();

      await page.getByRole('button', { name: 'No entry yet. Click to add one.' }).first().click();
      await page.getByRole('textbox', { name: 'value' }).fill('1200');
      await page.getByRole('textbox', { name: 'label' }).fill('families in safer homes');
      await page.getByRole('combobox', { name: 'qualifier' }).click();
      await page.getByRole('option', { name: 'more-than' }).click();

      // Rich text: a paragraph, a bulleted list (typed as "- "), and a link.
      await page.getByRole('textbox').filter({ has: page.getByRole('paragraph') }).first().click();
      await page.keyboard.type('Homes raised above flood level, built with the families who live in them.');
      await page.keyboard.press('Enter');
      await page.keyboard.type('- raised floors');
      await page.keyboard.press('Enter');
      await page.keyboard.type('rainwater tanks');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Enter');
      await page.keyboard.type('Read ');
      await page.getByRole('button', { name: 'Link' }).first().click();
      await page.getByRole('textbox', { name: 'Text' }).fill('the report');
      await page.getByRole('textbox', { name: 'Link' }).fill('https://unhabitat.org/asia-pacific');
      await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();

      await page.getByRole('button', { name: 'Click to add an asset or drag and drop one in this area' }).click();
      await page.getByRole('button', { name: 'Add more assets' }).click();
      const [chooser] = await Promise.all([
        page.waitForEvent('filechooser'),
        page.getByRole('button', { name: 'Drag & Drop here or' }).click(),
      ]);
      await chooser.setFiles(COVER);
      await page.getByRole('button', { name: /Upload 1 asset/ }).click();
      await page.getByRole('button', { name: 'Finish' }).click(WAIT);
      await screenshot(page, 'project-edit-en');

      const published = page.waitForResponse((r) => r.url().includes('/actions/publish') && r.request().method() === 'POST', WAIT);
      await page.getByRole('button', { name: 'Publish' }).click();
      expect((await published).status()).toBe(200);

      const res = await fetch(
        `${server.url}/api/projects?locale=en&filters[title][$eq]=${encodeURIComponent(TITLE)}&populate[countries][fields][0]=slug&populate[keyFigures]=true&populate[cover][fields][0]=name`
      );
      const [project] = ((await res.json()) as { data: Array<{ background: unknown }> }).data;
      expect(project).toMatchObject({
        title: TITLE,
        status: 'planned',
        countries: [{ slug: 'cambodia' }],
        keyFigures: [expect.objectContaining({ value: 1200, label: 'families in safer homes', qualifier: 'more-than' })],
        cover: { name: 'cambodia-flood-recovery-houses.jpg' },
      });
      const blocks = JSON.stringify(project.background);
      expect(blocks).toContain('"format":"unordered"');
      expect(blocks).toContain('https://unhabitat.org/asia-pacific');
    })
  );

  it(
    'lists projects with useful columns',
    recordFailure(() => editor, 'project-list', async () => {
      const { page } = editor;
      await page.goto(`${server.url}/admin/content-manager/collection-types/api::project.project?plugins[i18n][locale]=en`);
      await page.getByRole('gridcell', { name: TITLE }).first().waitFor(WAIT);
      await screenshot(page, 'project-list', 'project-list');
    })
  );
});
