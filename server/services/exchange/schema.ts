import 'server-only';
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import exchangeSchema from '@/exchange/schema.json';
import type { ExchangeDocument } from './document';
import type { ExchangeProblem } from './problems';
import { describeSchemaErrors } from './schema-messages';

// Compiled on first use and kept: compiling takes longer than validating a small file.
let compiled: ValidateFunction<ExchangeDocument> | undefined;

function validator(): ValidateFunction<ExchangeDocument> {
  if (!compiled) {
    // allErrors: a person fixing a file wants every problem at once. verbose: messages quote the bad value.
    // allowUnionTypes: the schema writes nullable fields as ["string", "null"].
    const ajv = new Ajv2020({ allErrors: true, verbose: true, allowUnionTypes: true });
    addFormats(ajv);
    compiled = ajv.compile<ExchangeDocument>(exchangeSchema);
  }
  return compiled;
}

/** Checks the document against exchange/schema.json; an empty list means it has the right shape. */
export function checkAgainstSchema(doc: unknown): ExchangeProblem[] {
  const validate = validator();
  if (validate(doc)) return [];
  return describeSchemaErrors(validate.errors ?? []);
}
