import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { maskRow, ROW_FIELD_PRIVACY } from '../../src/access/mask-row';
import { rawCallLogRowSchema } from '../../src/threecx/call-log-row';
import { buildFullRow, buildFullRowMasked } from '../helpers/full-call-log-row';

/** The allow-list as docs/access.md states it: field -> pass | mask | drop. */
function readDocumentedPrivacy(): Map<string, string> {
  const docs = readFileSync(join(__dirname, '../../docs/access.md'), 'utf8');
  const section = docs.slice(docs.indexOf('## Privacy of replies'));
  const documented = new Map<string, string>();
  for (const match of section.matchAll(/^\| (`[^|]+`) \| (pass|mask the numbers inside|drop) \|$/gm)) {
    const shown = match[2] === 'mask the numbers inside' ? 'mask' : (match[2] ?? '');
    for (const field of match[1]?.matchAll(/`(\w+)`/g) ?? []) documented.set(field[1] ?? '', shown);
  }
  return documented;
}

describe('the rows allow-list of PRIVACY_MASK_NUMBERS', () => {
  it('classes every field of the row schema, exactly as docs/access.md does', () => {
    const classes = new Map(Object.entries(ROW_FIELD_PRIVACY));
    expect([...classes.keys()].sort()).toEqual(Object.keys(rawCallLogRowSchema.shape).sort());
    expect(readDocumentedPrivacy()).toEqual(classes);
  });
});

describe('maskRow', () => {
  it('keeps the pass fields unchanged, masks every number in the mask fields and drops the rest', () => {
    const row = buildFullRow();
    const masked = maskRow(row);
    expect(masked).toEqual(buildFullRowMasked());
    expect(Object.keys(masked)).toEqual(Object.keys(row).filter((field) => field in masked));
    expect(JSON.stringify(masked)).not.toMatch(/2071234567|7700900123/);
  });

  it('drops annotations, unknown fields and nested values; keeps null; drops a mask field that is not text', () => {
    // As JSON.parse reads a PBX answer: `__proto__` is an own field there, not the prototype.
    const row = JSON.parse(
      `{"@odata.etag":"W/\\"442071234567\\"","SourceCallerId@odata.type":"#String",
        "SourceCallerId":["+442071234567"],"SourceDisplayName":null,"DestinationCallerId":442071234567,
        "CallerNumber":"+442071234567","Extra":{"number":"+442071234567"},
        "__proto__":{"number":"+442071234567"},"SegmentId":7}`,
    ) as Record<string, unknown>;
    expect(Object.keys(row)).toContain('__proto__');
    const masked = maskRow(row);
    expect(masked).toEqual({ SourceDisplayName: null, SegmentId: 7 });
    expect(Object.keys(masked)).toEqual(['SourceDisplayName', 'SegmentId']);
    expect(JSON.stringify(masked)).not.toContain('4420');
  });
});
