import { describe, expect, it } from 'vitest';
import { noteRefusal, pendingRefusals, type Refusal } from '@/server/log/security-events';

describe('refusals as security events', () => {
  it('writes the first refusal of an account, kind and procedure at once and only counts the rest of the minute', () => {
    const written: Refusal[] = [];
    const write = (refusal: Refusal) => written.push(refusal);
    const before = pendingRefusals();
    for (let i = 0; i < 500; i++) noteRefusal({ code: 'NOT_FOUND', procedure: 'incident.get', account: 'account-a', requestId: `r${i}` }, write);
    noteRefusal({ code: 'FORBIDDEN', procedure: 'incident.get', account: 'account-a', requestId: 'x' }, write);
    noteRefusal({ code: 'NOT_FOUND', procedure: 'incident.get', account: 'account-b', requestId: 'y' }, write);
    expect(written).toEqual([
      { code: 'NOT_FOUND', procedure: 'incident.get', account: 'account-a', requestId: 'r0' },
      { code: 'FORBIDDEN', procedure: 'incident.get', account: 'account-a', requestId: 'x' },
      { code: 'NOT_FOUND', procedure: 'incident.get', account: 'account-b', requestId: 'y' },
    ]);
    expect(pendingRefusals() - before).toBe(499);
  });
});
