import { z } from 'zod';
import { caseCommentFields, incidentFields } from '../record-fields';
import { caseRefInput, incidentRefInput } from './ids';
import { bigSerialId } from './numbers';
import { userText } from './text';

const commentFields = {
  body: userText().trim().min(1, 'comment.required').max(5000),
  parentId: bigSerialId.nullish(),
};

export const incidentCommentInput = incidentRefInput.extend({ ...commentFields, field: z.enum(incidentFields).nullish() });
export const caseCommentInput = caseRefInput.extend({ ...commentFields, field: z.enum(caseCommentFields).nullish() });
