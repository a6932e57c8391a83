/**
 * The refusals of a new password, as the server words them. The forms show each in the person's
 * language through this table (no i18n on the server; and the forms must not load the dictionaries).
 */
export const passwordMessages = {
  common: 'This password is one of the most used ones, which attackers try first. Choose another.',
  weak: 'This password is too easy to guess. A few unrelated words make a strong one.',
} as const;

export const passwordMessageKeys = {
  [passwordMessages.common]: 'password.common',
  [passwordMessages.weak]: 'password.weak',
} as const;
