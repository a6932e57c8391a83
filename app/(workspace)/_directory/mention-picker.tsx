'use client';

import { useId, useState } from 'react';
import { mentionToken, mentionsIn, renderMentions, type MentionTarget } from '@/common/mentions';
import { useI18n } from '@/app/i18n/client';
import { hintClass, inputClass, labelClass, secondaryButtonClass } from '@/app/ui/styles';

type Choice = { target: MentionTarget; id: string; label: string };

/**
 * Mention a person or organization of the record in a text (common/mentions.ts): pick one of the
 * record's people and insert a mention at the end of the text. The text keeps the id; the preview
 * shows it as the workspace reads it. Only records already saved can be mentioned (they have an id).
 */
export function MentionPicker({ choices, text, onChange }: { choices: Choice[]; text: string; onChange: (text: string) => void }) {
  const { t } = useI18n();
  const id = useId();
  const [chosen, setChosen] = useState('');
  const byKey = new Map(choices.map((choice) => [`${choice.target}:${choice.id}`, choice]));
  const hasMentions = mentionsIn(text).length > 0;
  if (choices.length === 0 && !hasMentions) return null;

  function insert() {
    const choice = byKey.get(chosen);
    if (!choice) return;
    const token = mentionToken(choice);
    onChange(text && !/\s$/.test(text) ? `${text} ${token}` : `${text}${token}`);
  }

  return (
    <div className="rounded-md border border-slate-300 p-3">
      {choices.length ? (
        <div className="flex flex-wrap items-end gap-2">
          <div className="grow">
            <label htmlFor={id} className={labelClass}>
              {t('mentions.pick')}
            </label>
            <p id={`${id}-hint`} className={hintClass}>
              {t('mentions.hint')}
            </p>
            <select id={id} aria-describedby={`${id}-hint`} className={inputClass} value={chosen} onChange={(event) => setChosen(event.target.value)}>
              <option value="">{t('mentions.choose')}</option>
              {choices.map((choice) => (
                <option key={`${choice.target}:${choice.id}`} value={`${choice.target}:${choice.id}`}>
                  {choice.label}
                </option>
              ))}
            </select>
          </div>
          <button type="button" className={secondaryButtonClass} disabled={!byKey.has(chosen)} onClick={insert}>
            {t('mentions.insert')}
          </button>
        </div>
      ) : null}
      {hasMentions ? (
        <p className="mt-2 text-sm text-slate-700" aria-live="polite">
          <span className="font-medium">{t('mentions.preview')}</span>{' '}
          {renderMentions(text, (m) => byKey.get(`${m.target}:${m.id}`)?.label ?? t('mentions.unknown'))}
        </p>
      ) : null}
    </div>
  );
}
