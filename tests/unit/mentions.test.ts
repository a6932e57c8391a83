import { describe, expect, it } from 'vitest';
import { mentionToken, mentionsIn, parseMentions, renderMentions, type Mention } from '@/common/mentions';

const larisa = '3f0c8a56-1111-4a6e-9d3b-0a1b2c3d4e5f';
const union = 'a1b2c3d4-2222-4e5f-8a9b-0c1d2e3f4a5b';
const text = `Police detained ${mentionToken({ target: 'person', id: larisa })}, leader of ${mentionToken({ target: 'organization', id: union })}; ${mentionToken({ target: 'person', id: larisa })} was released.`;

describe('mention tokens', () => {
  it('are written with the id and read back in order', () => {
    expect(mentionToken({ target: 'person', id: larisa.toUpperCase() })).toBe(`@[person:${larisa}]`);
    expect(parseMentions(text)).toEqual([
      { kind: 'text', text: 'Police detained ' },
      { kind: 'mention', target: 'person', id: larisa },
      { kind: 'text', text: ', leader of ' },
      { kind: 'mention', target: 'organization', id: union },
      { kind: 'text', text: '; ' },
      { kind: 'mention', target: 'person', id: larisa },
      { kind: 'text', text: ' was released.' },
    ]);
    expect(mentionsIn(text)).toEqual([
      { target: 'person', id: larisa },
      { target: 'organization', id: union },
    ]);
  });

  it('render with the current name in the workspace and the public label on the public side, without rewriting the text', () => {
    const names = new Map([[larisa, 'Larisa Kharkova'], [union, 'Confederation of Independent Trade Unions']]);
    const workspace = (m: Mention) => names.get(m.id) ?? '(unknown)';
    expect(renderMentions(text, workspace)).toBe(
      'Police detained Larisa Kharkova, leader of Confederation of Independent Trade Unions; Larisa Kharkova was released.',
    );
    const confidential = new Set([larisa]);
    const publicSide = (m: Mention) => (m.target === 'person' && confidential.has(m.id) ? 'Protected person 1' : names.get(m.id) ?? 'a person');
    expect(renderMentions(text, publicSide)).toBe('Police detained Protected person 1, leader of Confederation of Independent Trade Unions; Protected person 1 was released.');
    // A rename changes the rendering; the stored text is the same.
    names.set(larisa, 'Larisa Kharkova-Ivanova');
    confidential.clear();
    expect(renderMentions(text, publicSide)).toContain('Police detained Larisa Kharkova-Ivanova,');
  });

  it('leave malformed tokens and plain text alone, and keep null as null', () => {
    const odd = 'Email @[person:not-a-uuid] and @[group:3f0c8a56-1111-4a6e-9d3b-0a1b2c3d4e5f] and @someone';
    expect(parseMentions(odd)).toEqual([{ kind: 'text', text: odd }]);
    expect(renderMentions(odd, () => 'X')).toBe(odd);
    expect(renderMentions(null, () => 'X')).toBeNull();
    expect(mentionsIn(null)).toEqual([]);
  });
});
