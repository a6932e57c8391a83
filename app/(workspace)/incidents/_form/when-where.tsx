'use client';

import { datePrecisions, locationPrecisions, type DatePrecision, type LocationPrecision } from '@/common/values';
import { useState, type ReactNode } from 'react';
import { isoToPartialDate, readPartialDate, tidyPartialDate } from '@/common/partial-date';
import { useI18n } from '@/app/i18n/client';
import { regionChoices } from '@/common/regions';
import { PlacePicker } from '../../_places/place-picker';
import { Group, SelectField, TextField } from './fields';
import type { IncidentDraft } from './state';

type DateDraft = IncidentDraft['date'];

/**
 * Moving to a coarser precision keeps what was written ("2017-05-25" becomes "2017-05"); moving to
 * a finer one leaves the text for the monitor to complete rather than inventing a day.
 */
function rewrite(text: string, from: DatePrecision, to: DatePrecision): string {
  const order: DatePrecision[] = ['year', 'month', 'day'];
  const iso = readPartialDate(text, from);
  if (!iso || order.indexOf(to) > order.indexOf(from)) return text;
  return isoToPartialDate(iso, to);
}

export function DateFieldset({ date, onChange, summary }: { date: DateDraft; onChange: (date: DateDraft) => void; summary?: string }) {
  const { t } = useI18n();
  // Written in the reader's letters (ЖЖЖЖ-АА-КК, ГГГГ-ММ-ДД); the digits typed are the same in every language.
  const pattern = t(`datePattern.${date.precision}`);
  return (
    <Group legend={t('form.section.date')} summary={summary}>
      <div className="grid gap-4 sm:grid-cols-3">
        <SelectField<DatePrecision>
          path="date.precision"
          label={t('form.datePrecision')}
          value={date.precision}
          options={datePrecisions.map((p) => ({ value: p, label: t(`precision.${p}`) }))}
          onChange={(precision) =>
            precision &&
            onChange({
              precision,
              start: rewrite(date.start, date.precision, precision),
              end: rewrite(date.end, date.precision, precision),
            })
          }
        />
        <TextField
          path="date.start"
          label={t('form.dateStart')}
          required
          hint={t('form.dateHint', { pattern })}
          placeholder={pattern}
          value={date.start}
          onChange={(start) => onChange({ ...date, start })}
          onBlur={() => onChange({ ...date, start: tidyPartialDate(date.start, date.precision) })}
          maxLength={10}
          inputMode="numeric"
          autoComplete="off"
        />
        <TextField
          path="date.end"
          label={t('form.dateEnd')}
          hint={t('form.dateEndHint', { pattern })}
          placeholder={pattern}
          value={date.end}
          onChange={(end) => onChange({ ...date, end })}
          onBlur={() => onChange({ ...date, end: tidyPartialDate(date.end, date.precision) })}
          maxLength={10}
          inputMode="numeric"
          autoComplete="off"
        />
      </div>
    </Group>
  );
}

type LocationDraft = IncidentDraft['location'];

/** How precise the place is from what is written: a town means the town, a region the region. */
function precisionFromText(location: LocationDraft): LocationPrecision {
  if (location.locality.trim()) return location.precision === 'exact' ? 'exact' : 'locality';
  if (location.region.trim()) return 'region';
  return 'country';
}

type LocationProps = {
  location: LocationDraft;
  regions: string[];
  onChange: (location: LocationDraft) => void;
  /** The place picker (map and gazetteer) goes here: it fills the fields below through `onChange`. */
  placePicker?: ReactNode;
  summary?: string;
};

export function LocationFieldset({ location, regions, onChange, placePicker, summary }: LocationProps) {
  const { t, locale } = useI18n();
  // "Place known to" follows the fields typed until the monitor sets it themselves (a saved
  // precision that differs from what the fields say was set by someone: it stays).
  const [precisionChosen, setPrecisionChosen] = useState(() => precisionFromText(location) !== location.precision);
  const set = (patch: Partial<LocationDraft>) => {
    const next = { ...location, ...patch };
    onChange(precisionChosen || 'precision' in patch ? next : { ...next, precision: precisionFromText(next) });
  };
  return (
    <Group legend={t('form.section.location')} summary={summary}>
      {placePicker}
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        <PlacePicker point={location} onPick={(picked) => set(picked)} />
        <TextField path="location.country" label={t('form.country')} required hint={t('form.countryHint')} value={location.country} onChange={(country) => set({ country: country.toUpperCase() })} maxLength={2} autoComplete="off" />
        {/* Kazakhstan's regions in the monitor's language, then other regions already used; any text may be typed (a known name is stored as its code). */}
        <TextField path="location.region" label={t('form.region')} hint={t('form.regionHint')} value={location.region} onChange={(region) => set({ region })} maxLength={200} list="known-regions" autoComplete="off" />
        <datalist id="known-regions">
          {regionChoices(locale, regions).map((choice) => (
            <option key={choice.value} value={choice.label} />
          ))}
        </datalist>
        <TextField path="location.locality" label={t('form.locality')} value={location.locality} onChange={(locality) => set({ locality })} maxLength={200} autoComplete="off" />
        <SelectField<LocationPrecision>
          path="location.precision"
          label={t('form.locationPrecision')}
          value={location.precision}
          options={locationPrecisions.map((p) => ({ value: p, label: t(`locationPrecision.${p}`) }))}
          onChange={(precision) => {
            if (!precision) return;
            setPrecisionChosen(true);
            set({ precision });
          }}
        />
        <TextField path="location.lat" label={t('form.latitude')} hint={t('form.coordinatesHint')} inputMode="decimal" value={location.lat} onChange={(lat) => set({ lat })} autoComplete="off" />
        <TextField path="location.lon" label={t('form.longitude')} hint={t('form.coordinatesHint')} inputMode="decimal" value={location.lon} onChange={(lon) => set({ lon })} autoComplete="off" />
      </div>
    </Group>
  );
}
