/** A passage around the words a search found, the words marked: segments of plain text, so a record's text is never read as markup. */
export function Snippet({ segments }: { segments: { text: string; hit?: boolean }[] | null | undefined }) {
  if (!segments?.length) return null;
  return (
    <p className="mt-1 text-sm text-slate-700" data-testid="snippet">
      {segments.map((segment, index) =>
        segment.hit ? (
          <mark key={index} className="rounded bg-yellow-200 px-0.5 text-slate-900">
            {segment.text}
          </mark>
        ) : (
          <span key={index}>{segment.text}</span>
        ),
      )}
    </p>
  );
}
