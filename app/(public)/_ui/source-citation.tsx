import type { PublicSource } from '@/db/schema/public';

/** A source as every public page cites it: title (linked when it has a web address), publisher, date, reference. */
export function SourceCitation({ source, referenceLabel }: { source: PublicSource; referenceLabel: (code: string) => string }) {
  const details = [source.publisher, source.publishedOn].filter(Boolean).join(', ');
  return (
    <>
      <cite>
        {source.url && /^https?:\/\//i.test(source.url) ? (
          <a href={source.url} className="text-blue-800 underline" rel="noopener noreferrer nofollow">
            {source.title}
          </a>
        ) : (
          source.title
        )}
      </cite>
      {details ? `, ${details}` : ''}
      {source.referenceCode ? `. ${referenceLabel(source.referenceCode)}` : ''}
    </>
  );
}
