import { readUnitState, unitId, unitPath, unitStatus, unitXml, XLIFF_STATE, type Unit } from '../../src/plugins/translations/server/src/xliff/units';
import { parseXml } from '../../src/plugins/translations/server/src/xliff/xml';

const unit = (source: string, field = 'title', tags: Unit['tags'] = {}): Unit => ({ id: field, field, valuePath: [field], source, tags, sourceHash: 'h' });
const target = (xml: string) => parseXml(`<target xmlns="urn:oasis:names:tc:xliff:document:1.2" ${xml}</target>`);

describe('translation status → XLIFF 1.2 (units.ts)', () => {
  it('maps every status to one state, approved only when published and up to date', () => {
    expect(XLIFF_STATE).toEqual({
      missing: { state: 'needs-translation', approved: false },
      outdated: { state: 'needs-review-translation', approved: false },
      draft: { state: 'translated', approved: false },
      published: { state: 'final', approved: true },
    });
  });

  it('decides the status of one text from the draft and published translations and the outdated fields', () => {
    const en = unit('Housing');
    const km = unit('លំនៅឋាន');
    expect(unitStatus(en, undefined, undefined, [])).toBe('missing');
    expect(unitStatus(en, km, undefined, [])).toBe('draft');
    expect(unitStatus(en, km, unit('លំនៅឋាន'), [])).toBe('published');
    expect(unitStatus(en, km, unit('លំនៅឋានចាស់'), [])).toBe('draft'); // the draft differs from what is published
    expect(unitStatus(en, km, km, ['title'])).toBe('outdated');
    expect(unitStatus(en, km, km, ['summary'])).toBe('published');
    // A translation whose tags do not fit the source is not offered as its translation.
    const bold = unit('<g id="1" ctype="bold">Housing</g>', 'title', { 1: { ctype: 'bold' } });
    expect(unitStatus(bold, km, km, [])).toBe('missing');
    // Same text, a different link target published: not the published version.
    const link = (url: string) => unit('<g id="1" ctype="link">x</g>', 'title', { 1: { ctype: 'link', url } });
    expect(unitStatus(link('a'), link('a'), link('b'), [])).toBe('draft');
  });

  it('writes the state, approval, a file-wide unique id and the field as resname', () => {
    const xml = unitXml('doc1', unit('Housing'), '', { content: 'លំនៅឋាន', status: 'published' });
    expect(xml).toContain('<trans-unit id="doc1/title" resname="title" approved="yes" xml:space="preserve">');
    expect(xml).toContain('<target state="final">លំនៅឋាន</target>');
    expect(unitXml('doc1', unit('Housing'), '')).toContain('<trans-unit id="doc1/title" resname="title" xml:space="preserve">\n  <source>Housing</source>\n  <target state="needs-translation"></target>');
    expect(unitXml('doc1', unit('Housing'), '', { content: 'x', status: 'outdated' })).toMatch(/resname="title" xml:space="preserve">[\s\S]*<target state="needs-review-translation">x<\/target>/);
  });

  it('reads unit ids with and without the document prefix (older exports)', () => {
    expect(unitPath('doc1', unitId('doc1', unit('x', 'background/2/1')))).toBe('background/2/1');
    expect(unitPath('doc1', 'background/2/1')).toBe('background/2/1');
    expect(unitPath('doc1', 'doc2/title')).toBe('doc2/title'); // another document's unit: unknown here
  });

  it('reads the states back: skip, review or done', () => {
    expect(readUnitState(undefined)).toBe('skip');
    expect(readUnitState(target('state="translated">  '))).toBe('skip');
    expect(readUnitState(target('state="needs-translation">ខ្មែរ'))).toBe('skip');
    expect(readUnitState(target('state="new">ខ្មែរ'))).toBe('skip');
    expect(readUnitState(target('state="needs-review-translation">ខ្មែរ'))).toBe('review');
    expect(readUnitState(target('state="needs-l10n">ខ្មែរ'))).toBe('review');
    expect(readUnitState(target('state="translated">ខ្មែរ'))).toBe('done');
    expect(readUnitState(target('state="final">ខ្មែរ'))).toBe('done');
    expect(readUnitState(target('state="signed-off">ខ្មែរ'))).toBe('done');
    expect(readUnitState(target('>ខ្មែរ'))).toBe('done');
  });
});
