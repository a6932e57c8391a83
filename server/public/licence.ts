import 'server-only';
/**
 * The licence of the open data, named once for the OpenAPI document, the open-data page and anyone
 * citing them. CC BY 4.0: anyone may copy, share and adapt the data, also commercially, crediting the source.
 */
export const openDataLicence = {
  name: 'Creative Commons Attribution 4.0 International (CC BY 4.0)',
  identifier: 'CC-BY-4.0',
  url: 'https://creativecommons.org/licenses/by/4.0/',
} as const;
