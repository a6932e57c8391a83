import 'server-only';
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import exchangeSchema from '@/exchange/schema.json';
import type { ExchangeDocument } from './document';
import { pointerTo, type ExchangeProblem } from './problems';
import { describeSchemaErrors } from './schema-messages';

// Compiled on first use and kept: compiling takes longer than validating a small file.
let ajv: Ajv2020 | undefined;
let compiled: ValidateFunction<ExchangeDocument> | undefined;

function validator(): ValidateFunction<ExchangeDocument> {
  if (!compiled) {
    // allErrors: a person fixing a file wants every problem at once. verbose: messages quote the bad value.
    // allowUnionTypes: the schema writes nullable fields as ["string", "null"].
    ajv = new Ajv2020({ allErrors: true, verbose: true, allowUnionTypes: true });
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

/** The schema's definition of one record of each list. */
const definitions = { organizations: 'organization', persons: 'person', sources: 'source', incidents: 'incident', cases: 'case' } as const;
export type RecordList = keyof typeof definitions;

/**
 * Checks one record against its definition in exchange/schema.json (the very definition the whole
 * file's check applies to it), with its problems placed where the record stands in the file
 * (`/incidents/12/...`): a streamed export checks each record as it writes it.
 */
export function checkRecordAgainstSchema(list: RecordList, record: unknown, index: number): ExchangeProblem[] {
  validator();
  const definition = ajv!.getSchema(`${exchangeSchema.$id}#/$defs/${definitions[list]}`);
  if (!definition) throw new Error(`exchange/schema.json defines no ${definitions[list]}`);
  if (definition(record)) return [];
  const at = pointerTo(list, index);
  return describeSchemaErrors(definition.errors ?? []).map((problem) => ({ ...problem, pointer: `${at}${problem.pointer}` }));
}
