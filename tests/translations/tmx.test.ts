import { execFile } from 'child_process';
import fs from 'fs';
import path from 'path';
import { promisify } from 'util';
import type { Core } from '@strapi/strapi';
import { exportTmx, toTmx, type TmxEntry } from '../../src/plugins/translations/server/src/memory/tmx';
import { appDir } from '../helpers/environment';
import { startStrapi, stopStrapi } from '../helpers/strapi';
import { toolkitPython } from './tools/toolkit';

/** The translation memory as TMX 1.4b, read by translate-toolkit (installed by .ci/run). */

const run = promisify(execFile);
const workDir = path.join(appDir, '.tmp', `tmx-${process.pid}`);
beforeAll(() => fs.mkdirSync(workDir, { recursive: true }));
afterAll(() => fs.rmSync(workDir, { recursive: true, force: true }));

const entry = (sourceText: string, targetText: string, extra: Partial<TmxEntry> = {}): TmxEntry => ({
  sourceLocale: 'en',
  targetLocale: 'km',
  sourceText,
  targetText,
  contentType: 'api::project.project',
  entryDocumentId: 'abc123',
  path: 'title',
  published: true,
  ...extra,
});

describe('TMX 1.4b', () => {
  it('is read by translate-toolkit (the TMX store of tmx2po, and pocount) without an error: every pair, Khmer and markup characters intact', async () => {
    const entries = [
      entry('Slum upgrading', 'ការកែលម្អតំបន់អនាធិបតេយ្យ', { updatedAt: new Date('2026-11-27T10:47:06.123Z') }),
      entry('Communities & councils <together>.', 'សហគមន៍ & ក្រុមប្រឹក្សា <រួមគ្នា>។', { path: 'summary' }),
      entry('Water\u0007 and drains', 'ទឹក និងលូ', { path: 'background/2/0', published: false }),
    ];
    const xml = toTmx(entries, { sourceLocale: 'en', createdAt: new Date('2026-11-27T11:00:00Z') });
    expect(xml).toContain('<tmx version="1.4">');
    expect(xml).toContain('srclang="en" datatype="plaintext" creationdate="20261127T110000Z"/>');
    expect(xml).toContain('<tu changedate="20261127T104706Z">');
    expect(xml).toContain('<tuv xml:lang="en"><seg>Communities &amp; councils &lt;together&gt;.</seg></tuv>');
    expect(xml).not.toContain('\u0007'); // not allowed in XML 1.0, even as a reference

    const tmxFile = path.join(workDir, 'memory.tmx');
    fs.writeFileSync(tmxFile, xml);
    const { stdout, stderr } = await run(toolkitPython(), [path.join(__dirname, 'tools', 'read-tmx.py'), tmxFile]);
    expect(stderr).toBe('');
    expect(JSON.parse(stdout)).toEqual([
      { source: 'Slum upgrading', target: 'ការកែលម្អតំបន់អនាធិបតេយ្យ' },
      { source: 'Communities & councils <together>.', target: 'សហគមន៍ & ក្រុមប្រឹក្សា <រួមគ្នា>។' },
      { source: 'Water and drains', target: 'ទឹក និងលូ' },
    ]);
    // pocount reads it too: three translated units.
    const counted = await run('pocount', ['--no-color', tmxFile]);
    expect(counted.stdout).toMatch(/^Translated:\s+3 \(100%\)/m);
  });

  it('exports the translation memory of the demo content: published Khmer translations only, unless asked for all', async () => {
    const app: Core.Strapi = await startStrapi();
    try {
      const published = await exportTmx(app, { locale: 'km' });
      const all = await exportTmx(app, { locale: 'km', status: 'all' });
      expect(published.units).toBeGreaterThan(0);
      expect(all.units).toBeGreaterThanOrEqual(published.units);
      expect(published.xml).not.toContain('<prop type="x-published">no</prop>');
      // A published pair of the memory (which pairs exist depends on what earlier test files changed).
      const pair = await app.db.query('plugin::translations.memory-entry').findOne({ where: { targetLocale: 'km', published: true } });
      expect(pair?.targetText).toBeTruthy();
      expect(published.xml).toContain(String(pair.targetText).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));
    } finally {
      await stopStrapi(app);
    }
  });
});
