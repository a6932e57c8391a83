import type { ReactNode } from 'react';
import type { Translate } from '@/common/i18n';
import type { openApiDocument } from '@/server/public/openapi';

/**
 * The OpenAPI document drawn as a readable page: every path with its parameters and answers, every
 * schema with its fields. Built on the server from the same object that /openapi.json serves, so the
 * two never disagree; no third-party viewer, nothing fetched from elsewhere.
 */

type Schema = {
  type?: string | string[];
  $ref?: string;
  enum?: readonly unknown[];
  pattern?: string;
  format?: string;
  description?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  required?: readonly string[];
  minimum?: number;
  maximum?: number;
  maxLength?: number;
  default?: unknown;
};
type Parameter = { name: string; in: string; required?: boolean; description?: string; schema?: Schema };
type Operation = {
  summary?: string;
  description?: string;
  parameters?: ({ $ref: string } | Parameter | undefined)[];
  responses?: Record<string, { description?: string; content?: Record<string, { schema?: Schema }> }>;
};
type Document = ReturnType<typeof openApiDocument>;

const refName = (ref: string) => ref.split('/').at(-1) ?? ref;
const cell = 'border-t border-slate-200 py-1.5 pr-4 align-top';

/** A schema in a few words: its type, what it must look like, a link to a named schema. */
function SchemaText({ schema }: { schema: Schema | undefined }): ReactNode {
  if (!schema) return null;
  if (schema.$ref) {
    const name = refName(schema.$ref);
    return <a href={`#schema-${name}`} className="text-blue-800 underline">{name}</a>;
  }
  const type = Array.isArray(schema.type) ? schema.type.join(' | ') : schema.type;
  const notes = [
    schema.format,
    schema.enum ? schema.enum.map(String).join(', ') : null,
    schema.pattern ? `/${schema.pattern}/` : null,
    schema.minimum !== undefined || schema.maximum !== undefined ? `${schema.minimum ?? ''}–${schema.maximum ?? ''}` : null,
    schema.maxLength !== undefined ? `≤ ${schema.maxLength}` : null,
    schema.default !== undefined ? `= ${String(schema.default)}` : null,
  ].filter(Boolean);
  return (
    <>
      <code>{type ?? (schema.enum ? 'string' : 'object')}</code>
      {schema.items ? <> [<SchemaText schema={schema.items} />]</> : null}
      {notes.length ? <span className="text-slate-700"> ({notes.join('; ')})</span> : null}
    </>
  );
}

export function OpenApiReference({ doc, t }: { doc: Document; t: Translate }) {
  const components = doc.components as unknown as { parameters: Record<string, Parameter>; schemas: Record<string, Schema> };
  const resolve = (p: { $ref: string } | Parameter | undefined): Parameter | null =>
    !p ? null : '$ref' in p ? (components.parameters[refName(p.$ref)] ?? null) : p;
  const paths = Object.entries(doc.paths as unknown as Record<string, { get: Operation }>);
  return (
    <div className="space-y-8">
      <section aria-labelledby="api-paths" className="space-y-6">
        <h2 id="api-paths" className="text-xl font-semibold">{t('openData.api.paths')}</h2>
        {paths.map(([path, { get }]) => {
          const parameters = (get.parameters ?? []).map(resolve).filter((p): p is Parameter => p !== null);
          return (
            <article key={path} id={`path-${path}`} className="rounded-lg border border-slate-300 bg-white p-4">
              <h3 className="font-mono text-lg font-semibold">GET {doc.servers[0]?.url}{path}</h3>
              {get.summary ? <p className="mt-1">{get.summary}</p> : null}
              {get.description ? <p className="mt-1 text-slate-700">{get.description}</p> : null}
              {parameters.length > 0 ? (
                <table className="mt-3 w-full text-left text-sm">
                  <caption className="text-left font-semibold">{t('openData.api.parameters')}</caption>
                  <thead><tr><th scope="col" className="py-1 pr-4">{t('openData.api.name')}</th><th scope="col" className="py-1 pr-4">{t('openData.api.value')}</th><th scope="col" className="py-1">{t('openData.api.meaning')}</th></tr></thead>
                  <tbody>
                    {parameters.map((p) => (
                      <tr key={`${p.in}-${p.name}`}>
                        <th scope="row" className={`${cell} font-mono font-normal`}>{p.name}{p.required ? ` (${t('openData.api.required')})` : ''}</th>
                        <td className={cell}><SchemaText schema={p.schema} /></td>
                        <td className={`${cell} pr-0`}>{p.description}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              ) : null}
              <h4 className="mt-3 text-sm font-semibold">{t('openData.api.answers')}</h4>
              <dl className="mt-1 grid grid-cols-[4rem_1fr] gap-x-4 gap-y-1 text-sm">
                {Object.entries(get.responses ?? {}).map(([code, answer]) => (
                  <div key={code} className="contents">
                    <dt className="font-mono">{code}</dt>
                    <dd>{answer.description} {Object.values(answer.content ?? {}).map((c, i) => <SchemaText key={i} schema={c.schema} />)}</dd>
                  </div>
                ))}
              </dl>
            </article>
          );
        })}
      </section>
      <section aria-labelledby="api-schemas" className="space-y-6">
        <h2 id="api-schemas" className="text-xl font-semibold">{t('openData.api.schemas')}</h2>
        {Object.entries(components.schemas).map(([name, schema]) => (
          <article key={name} id={`schema-${name}`} className="rounded-lg border border-slate-300 bg-white p-4">
            <h3 className="font-mono text-lg font-semibold">{name}</h3>
            {schema.description ? <p className="mt-1 text-slate-700">{schema.description}</p> : null}
            <table className="mt-2 w-full text-left text-sm">
              <thead><tr><th scope="col" className="py-1 pr-4">{t('openData.api.field')}</th><th scope="col" className="py-1 pr-4">{t('openData.api.value')}</th><th scope="col" className="py-1">{t('openData.api.meaning')}</th></tr></thead>
              <tbody>
                {Object.entries(schema.properties ?? {}).map(([field, value]) => (
                  <tr key={field}>
                    <th scope="row" className={`${cell} font-mono font-normal`}>{field}{schema.required?.includes(field) ? '' : '?'}</th>
                    <td className={cell}><SchemaText schema={value} /></td>
                    <td className={`${cell} pr-0`}>{value.description}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </article>
        ))}
      </section>
    </div>
  );
}
