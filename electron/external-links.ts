/**
 * Every URL the app may hand to the operating system's browser. `shell.openExternal` accepts only
 * these exact strings (see `isAllowedExternalUrl`): a link a page merely asks for is never opened.
 */
export const EXTERNAL_LINKS = {
  /** The programme's public page, for the office and for applicants' questions. */
  programme: 'https://www.nato.int/cps/en/natolive/72038.htm',
} as const;

export const EXTERNAL_URL_ALLOWLIST: readonly string[] = Object.values(EXTERNAL_LINKS);
