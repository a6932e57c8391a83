import { z } from 'zod';
import { userText } from './text';

export const sessionIdInput = z.object({ sessionId: z.uuid() });
export const noticeIdInput = z.object({ noticeId: z.uuid() });
export const confirmPasswordInput = z.object({ password: userText({ required: 'session.passwordRequired' }).min(1, 'session.passwordRequired').max(1000) });
