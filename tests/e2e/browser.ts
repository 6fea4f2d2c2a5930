import fs from 'fs';
import path from 'path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { appDir, e2eDir } from './server';

export const screenshotDir = path.join(e2eDir, 'screenshots');
const failureDir = path.join(e2eDir, 'failures');
/** The README's pictures; rewritten only on request, so that a CI run leaves the repository clean. */
const readmePictureDir = path.join(appDir, 'docs', 'screenshots');
const updateReadmePictures = process.env.UPDATE_SCREENSHOTS === '1';

export const launchBrowser = (): Promise<Browser> =>
  chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-dev-shm-usage', '--font-render-hinting=none'],
  });

/** A signed-in person: their browser context and page, and what the page logged. */
export type Session = { name: string; context: BrowserContext; page: Page; consoleLog: string[] };

export const openSession = async (browser: Browser, name: string): Promise<Session> => {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  const consoleLog: string[] = [];
  page.on('console', (message) => consoleLog.push(`[${message.type()}] ${message.text()}`));
  page.on('pageerror', (error) => consoleLog.push(`[pageerror] ${error.stack ?? error.message}`));
  page.on('requestfailed', (request) => consoleLog.push(`[requestfailed] ${request.method()} ${request.url()} ${request.failure()?.errorText}`));
  return { name, context, page, consoleLog };
};

/** Saves a screenshot of a key screen; `readmeName` also makes it one of the README's pictures. */
export const screenshot = async (page: Page, name: string, readmeName?: string): Promise<void> => {
  fs.mkdirSync(screenshotDir, { recursive: true });
  const file = path.join(screenshotDir, `${name}.png`);
  await page.screenshot({ path: file });
  if (readmeName && updateReadmePictures) {
    fs.mkdirSync(readmePictureDir, { recursive: true });
    fs.copyFileSync(file, path.join(readmePictureDir, `${readmeName}.png`));
  }
};

/**
 * Runs one scenario; when it fails, keeps what the browser showed and logged, and says where
 * (the CI output only has the paths).
 */
export const recordFailure =
  (session: () => Session, name: string, scenario: () => Promise<void>) =>
  async (): Promise<void> => {
    try {
      await scenario();
    } catch (error) {
      const { page, consoleLog, name: who } = session();
      fs.mkdirSync(failureDir, { recursive: true });
      const base = path.join(failureDir, `${name}-${who}`);
      await page.screenshot({ path: `${base}.png`, fullPage: true }).catch(() => undefined);
      fs.writeFileSync(`${base}.console.log`, `${page.url()}\n${consoleLog.join('\n')}\n`);
      process.stderr.write(`\nE2E failure in "${name}" (${who}): screenshot ${base}.png, console log ${base}.console.log\n`);
      throw error;
    }
  };
