import { z } from 'zod';
import { userText } from './text';

export const sessionIdInput = z.object({ sessionId: z.uuid() });
export const noticeIdInput = z.object({ noticeId: z.uuid() });
export const confirmPasswordInput = z.object({ password: userText({ required: 'Enter your password' }).min(1, 'Enter your password').max(1000) });
