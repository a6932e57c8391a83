import { describe, expect, it } from 'vitest';
import { mentionToken } from '@/common/mentions';
import { publicMentionRenderer } from '@/server/services/publishing/public-mentions';

describe('mentions in text leaving the workspace', () => {
  const merged = crypto.randomUUID();
  const remaining = crypto.randomUUID();
  const outsider = crypto.randomUUID();
  const render = publicMentionRenderer(
    {
      persons: new Map([
        [merged, { name: 'L. Kharkova', confidential: true, mergedIntoId: remaining }],
        [remaining, { name: 'Larisa Kharkova', confidential: true, mergedIntoId: null }],
        [outsider, { name: 'Public Defender', confidential: false, mergedIntoId: null }],
      ]),
      organizations: new Map(),
    },
    (id) => (id === remaining ? 'Protected person 2' : undefined),
  );

  it('writes a mention of a merged record, written before the merge, as the label of the person it names', () => {
    expect(render(`${mentionToken({ target: 'person', id: merged })} and ${mentionToken({ target: 'person', id: remaining })} met ${mentionToken({ target: 'person', id: outsider })}`)).toBe(
      'Protected person 2 and Protected person 2 met Public Defender',
    );
  });

  it('writes an unknown person as the neutral label, never the token', () => {
    expect(render(`Seen with ${mentionToken({ target: 'person', id: crypto.randomUUID() })}`)).toBe('Seen with Protected person');
  });
});
