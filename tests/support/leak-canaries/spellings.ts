import { nameCanary, type NameCanary } from '../name-canary';
import type { CanaryBook } from './book';

export type ConfidentialSpellings = {
  declined: NameCanary;
  maiden: NameCanary;
  /** The declined name's forms, as the texts write them. */
  d: NameCanary['forms'];
  /** The declined name in seven other forms, for a text to repeat. */
  inOtherForms: string;
};

/**
 * A confidential person whose name the texts write as people do: declined in Russian and Kazakh,
 * transliterated, in capitals, in an address, and by a maiden name saved as an alias. The stems are
 * the canaries, so that any form of the name that reaches the public side is a hit.
 */
export function confidentialSpellings({ canaries }: CanaryBook): ConfidentialSpellings {
  const declined = nameCanary();
  const maiden = nameCanary();
  for (const stem of [...declined.stems, ...maiden.stems]) canaries[stem] = `confidential name in a declined, transliterated or capitalised form (${stem})`;
  canaries[declined.forms.encodedQuery] = 'confidential name %-encoded in a source address';
  const d = declined.forms;
  const inOtherForms = `${d.russianInstrumental}, ${d.firstNameGenitive}, ${d.kazakhGenitive}, ${d.bgnInstrumental}, ${d.passportCapitals}, ${d.kazakhLatinGenitive}, ${maiden.forms.russianDative}`;
  return { declined, maiden, d, inOtherForms };
}
