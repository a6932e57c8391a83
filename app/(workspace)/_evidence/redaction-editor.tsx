'use client';

import { useId, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { useI18n } from '@/app/i18n/client';
import { dangerLinkButtonClass, errorClass, hintClass, inputClass, labelClass, secondaryButtonClass } from '@/app/ui/styles';
import { boxFromDrag, boxFromPercent, maxRedactionBoxes, toPercent, type RedactionBox } from '@/common/redaction-boxes';

type Point = { x: number; y: number };
type Fields = { x: string; y: string; width: string; height: string };
const noFields: Fields = { x: '', y: '', width: '', height: '' };

/** Where a box sits over the picture, in CSS percent (the boxes are fractions of the upright picture). */
const placed = (box: RedactionBox) => ({ left: `${box.x * 100}%`, top: `${box.y * 100}%`, width: `${box.width * 100}%`, height: `${box.height * 100}%` });

/**
 * The reviewer blacks out faces and number plates of an image before it goes public: drag over the
 * preview to draw a box, or type one in percent (the keyboard's way, and the precise one). Each box
 * is listed in words with its own remove button; the overlay itself is for the eyes only.
 */
export function RedactionEditor({ fileId, fileTitle, boxes, onChange }: { fileId: string; fileTitle: string; boxes: RedactionBox[]; onChange: (boxes: RedactionBox[]) => void }) {
  const { t } = useI18n();
  const id = useId();
  const picture = useRef<HTMLImageElement>(null);
  const [start, setStart] = useState<Point | null>(null);
  const [drawing, setDrawing] = useState<RedactionBox | null>(null);
  const [fields, setFields] = useState<Fields>(noFields);
  const [error, setError] = useState<string | null>(null);
  const [said, setSaid] = useState('');

  /** The pointer's place in fractions of the picture as shown (outside the picture too: a drag is cut at the edge). */
  function pointOf(event: PointerEvent<HTMLElement>): Point {
    const rect = picture.current!.getBoundingClientRect();
    return { x: (event.clientX - rect.left) / rect.width, y: (event.clientY - rect.top) / rect.height };
  }

  function add(box: RedactionBox): boolean {
    if (boxes.length >= maxRedactionBoxes) {
      setError(t('evidence.redaction.tooMany', { maximum: maxRedactionBoxes }));
      return false;
    }
    onChange([...boxes, box]);
    setSaid(t('evidence.redaction.added', { number: boxes.length + 1 }));
    return true;
  }

  function finishDrag(event: PointerEvent<HTMLElement>) {
    if (!start) return;
    const box = boxFromDrag(start, pointOf(event));
    setStart(null);
    setDrawing(null);
    if (box) add(box);
  }

  function addTyped() {
    const box = boxFromPercent(fields);
    if (!box) {
      setError(t('evidence.redaction.invalid'));
      return;
    }
    setError(null);
    if (add(box)) setFields(noFields);
  }

  // Enter in a number field adds the box; it must not submit the public copy's form around it.
  function onFieldKey(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    addTyped();
  }

  const field = (name: keyof Fields, label: string) => (
    <div>
      <label htmlFor={`${id}-${name}`} className={labelClass}>
        {label}
      </label>
      <input
        id={`${id}-${name}`}
        className={`${inputClass} mt-1 w-28`}
        type="number"
        inputMode="decimal"
        min={0}
        max={100}
        step="any"
        value={fields[name]}
        onChange={(event) => setFields({ ...fields, [name]: event.target.value })}
        onKeyDown={onFieldKey}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      />
    </div>
  );

  return (
    <fieldset className="mt-3 rounded border border-slate-300 bg-white p-3">
      <legend className="px-1 font-medium">{t('evidence.redaction.legend')}</legend>
      <p id={`${id}-hint`} className={hintClass}>
        {t('evidence.redaction.hint')}
      </p>
      <div
        className="relative mt-2 inline-block cursor-crosshair touch-none select-none"
        onPointerDown={(event) => {
          if (event.button !== 0) return;
          event.currentTarget.setPointerCapture(event.pointerId);
          setStart(pointOf(event));
        }}
        onPointerMove={(event) => start && setDrawing(boxFromDrag(start, pointOf(event)))}
        onPointerUp={finishDrag}
        onPointerCancel={() => {
          setStart(null);
          setDrawing(null);
        }}
      >
        {/* A plain <img>: a private, per-request file that Next's image optimizer must never fetch or cache. */}
        <img ref={picture} src={`/api/files/${fileId}?preview=1`} alt={t('evidence.redaction.imageAlt', { name: fileTitle })} draggable={false} className="block max-h-[32rem] max-w-full rounded border border-slate-300" />
        {boxes.map((box, index) => (
          <div key={index} aria-hidden="true" className="absolute border-2 border-white bg-black/80 text-xs font-bold text-white outline outline-1 outline-black" style={placed(box)}>
            <span className="px-1">{index + 1}</span>
          </div>
        ))}
        {drawing ? <div aria-hidden="true" className="absolute border-2 border-dashed border-white bg-black/50 outline outline-1 outline-black" style={placed(drawing)} /> : null}
      </div>
      <h3 id={`${id}-boxes`} className="mt-3 font-medium">
        {t('evidence.redaction.boxes')}
      </h3>
      {boxes.length === 0 ? <p className="text-sm text-slate-700">{t('evidence.redaction.none')}</p> : null}
      <ol aria-labelledby={`${id}-boxes`} className="mt-1 space-y-1 text-sm">
        {boxes.map((box, index) => (
          <li key={index} className="flex flex-wrap items-center gap-2">
            <span>{t('evidence.redaction.box', { number: index + 1, x: toPercent(box.x), y: toPercent(box.y), width: toPercent(box.width), height: toPercent(box.height) })}</span>
            <button
              type="button"
              className={dangerLinkButtonClass}
              onClick={() => {
                onChange(boxes.filter((_, other) => other !== index));
                setSaid(t('evidence.redaction.removed'));
              }}
            >
              {t('evidence.redaction.remove', { number: index + 1 })}
            </button>
          </li>
        ))}
      </ol>
      <fieldset className="mt-3">
        <legend className="font-medium">{t('evidence.redaction.byNumbers')}</legend>
        <div className="mt-1 flex flex-wrap items-end gap-3">
          {field('x', t('evidence.redaction.x'))}
          {field('y', t('evidence.redaction.y'))}
          {field('width', t('evidence.redaction.width'))}
          {field('height', t('evidence.redaction.height'))}
          <button type="button" className={secondaryButtonClass} onClick={addTyped}>
            {t('evidence.redaction.add')}
          </button>
        </div>
        {error ? (
          <p id={`${id}-error`} className={errorClass}>
            {error}
          </p>
        ) : null}
      </fieldset>
      <p role="status" className="sr-only">
        {said}
      </p>
    </fieldset>
  );
}
