'use client';

import { useEffect, useId, useRef, useState } from 'react';
import { completeMention, matchingChoices, mentionQueryAt, type MentionChoice, type MentionQuery } from '@/common/mention-completion';
import { useI18n } from '@/app/i18n/client';

/**
 * "@" then letters in a text field offers the record's people (common/mention-completion.ts):
 * arrows move, Enter or Tab (or a click) writes the mention, Escape closes. It attaches to the
 * field by its id, so every form keeps its own field component; the field stays the one the
 * label and the errors describe, and becomes the combobox that owns the list.
 */
export function MentionCompletion({ fieldId, choices, text, onChange }: { fieldId: string; choices: MentionChoice[]; text: string; onChange: (text: string) => void }) {
  const { t } = useI18n();
  const listId = useId();
  const [query, setQuery] = useState<MentionQuery | null>(null);
  const [active, setActive] = useState(0);
  const matches = query ? matchingChoices(choices, query.query) : [];
  // The listeners are attached once; they read the latest state through this.
  const latest = useRef({ matches, active, query, text, onChange });
  latest.current = { matches, active, query, text, onChange };

  useEffect(() => {
    // An input or a textarea: both have a value and a caret.
    const field = document.getElementById(fieldId) as HTMLInputElement | null;
    if (!field) return;
    const update = () => {
      setQuery(mentionQueryAt(field.value, field.selectionStart ?? field.value.length));
      setActive(0);
    };
    const onKeyDown = (event: KeyboardEvent) => {
      const { matches: open, active: index } = latest.current;
      if (!latest.current.query || open.length === 0) return;
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        setActive((index + (event.key === 'ArrowDown' ? 1 : open.length - 1)) % open.length);
      } else if (event.key === 'Enter' || event.key === 'Tab') {
        event.preventDefault();
        pick(open[index]!);
      } else if (event.key === 'Escape') {
        event.preventDefault();
        setQuery(null);
      }
    };
    const onBlur = () => setQuery(null);
    field.setAttribute('aria-autocomplete', 'list');
    field.addEventListener('input', update);
    field.addEventListener('click', update);
    field.addEventListener('keydown', onKeyDown);
    field.addEventListener('blur', onBlur);
    return () => {
      field.removeEventListener('input', update);
      field.removeEventListener('click', update);
      field.removeEventListener('keydown', onKeyDown);
      field.removeEventListener('blur', onBlur);
    };
    // `pick` reads `latest`, so the listeners need not change with it.
  }, [fieldId]);

  const open = query !== null && matches.length > 0;
  useEffect(() => {
    const field = document.getElementById(fieldId);
    if (!field) return;
    // A text field (input or textarea) keeps its textbox role: aria-expanded belongs to comboboxes
    // only (axe: aria-allowed-attr), so the open list is announced through aria-controls and the active option.
    if (open) {
      field.setAttribute('aria-controls', listId);
      field.setAttribute('aria-activedescendant', `${listId}-${active}`);
    } else field.removeAttribute('aria-activedescendant');
  }, [fieldId, listId, open, active]);

  function pick(choice: MentionChoice) {
    const { query: at, text: current, onChange: change } = latest.current;
    if (!at) return;
    const done = completeMention(current, at, choice);
    change(done.text);
    setQuery(null);
    // The field gets its new value on the next render; the caret goes after the mention then.
    requestAnimationFrame(() => {
      const field = document.getElementById(fieldId) as HTMLInputElement | HTMLTextAreaElement | null;
      field?.focus();
      field?.setSelectionRange(done.caret, done.caret);
    });
  }

  if (!open) return null;
  return (
    <ul id={listId} role="listbox" aria-label={t('mentions.suggestions')} className="mt-1 max-w-md rounded-md border border-slate-400 bg-white shadow-md">
      {matches.map((choice, index) => (
        <li
          key={`${choice.target}:${choice.id}`}
          id={`${listId}-${index}`}
          role="option"
          aria-selected={index === active}
          className={`cursor-pointer px-3 py-1.5 ${index === active ? 'bg-blue-100 text-blue-950' : 'text-slate-900'}`}
          // Keeps the focus in the field, so the blur does not close the list before the click lands.
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => pick(choice)}
        >
          {choice.label}
        </li>
      ))}
    </ul>
  );
}
