import { execFileSync } from 'child_process';
import fs from 'fs';
import path from 'path';
import { appDir } from '../helpers/environment';

const { generate, OUTPUT } = require(path.join(appDir, 'scripts', 'content-model', 'generate.js')) as { generate: () => string; OUTPUT: string };
const doc = fs.readFileSync(OUTPUT, 'utf8');

/** `[test](../tests/<file> "<name of the test>")`: a rule's test. */
const TEST_LINK = /\[test\]\(\.\.\/(tests\/[^ )]+) "([^"]+)"\)/g;

/** The list items of the hand-written part (before the generated types), each with its continuation lines. */
const rules = (): string[] =>
  doc
    .slice(0, doc.indexOf('\n## Content types'))
    .split(/\n(?=- )/)
    .filter((item) => item.startsWith('- '))
    .map((item) => item.split(/\n(?!  )/)[0]);

const trackedMarkdown = (): string[] =>
  execFileSync('git', ['ls-files', '-co', '--exclude-standard', '*.md'], { cwd: appDir, encoding: 'utf8' }).split('\n').filter(Boolean);

describe('docs/content-model.md', () => {
  it('is what `npm run docs:model` makes of the schemas and the template (else run it and commit the result)', () => {
    expect(doc).toBe(generate());
  });

  it('names every content type and component, and the fields of the contract', () => {
    for (const uid of ['api::project.project', 'api::country.country', 'api::global.global', 'shared.key-figure', 'media.photo']) {
      expect(doc).toContain(`\`${uid}\``);
    }
    expect(doc).toMatch(/\| `projectStatus` \| enumeration \| yes \| shared \| one of `planned`, `ongoing`, `completed`/);
    expect(doc).not.toMatch(/\| `status` \|/);
  });

  it('links every REST rule it states to a test', () => {
    expect(rules().length).toBeGreaterThan(30);
    for (const rule of rules()) expect({ rule, tested: /\[test\]\(/.test(rule) }).toEqual({ rule, tested: true });
  });

  it('links only to tests that exist, by the name they have', () => {
    const links = [...doc.matchAll(TEST_LINK)];
    expect(links.length).toBeGreaterThan(30);
    for (const [, file, name] of links) {
      const source = fs.existsSync(path.join(appDir, file)) ? fs.readFileSync(path.join(appDir, file), 'utf8') : '';
      expect({ file, name, found: source.includes(name) }).toEqual({ file, name, found: true });
    }
  });
});

describe('links in the documentation', () => {
  it('point at files inside the repository that exist (the README sends nobody outside it)', () => {
    const broken: string[] = [];
    // The template's links are written for where its text goes, docs/content-model.md.
    for (const file of trackedMarkdown().filter((name) => name !== 'scripts/content-model/template.md')) {
      const text = fs.readFileSync(path.join(appDir, file), 'utf8');
      for (const [, target] of text.matchAll(/\]\(([^)\s#]+)(?:#[^)\s]*)?(?:\s+"[^"]*")?\)/g)) {
        if (/^[a-z]+:/i.test(target)) continue;
        const resolved = path.resolve(appDir, path.dirname(file), target);
        if (!resolved.startsWith(appDir + path.sep) || !fs.existsSync(resolved)) broken.push(`${file}: ${target}`);
      }
    }
    expect(broken).toEqual([]);
  });
});
