// The locale the workspace formats and reads numbers in. A browser can report a language that no
// Intl formatter takes: the headless Chromium under a POSIX locale (LANG=C.UTF-8) says
// "en-US@posix", and every number on screen would throw. Such a tag is read as the POSIX locale
// name it comes from ("en_US.UTF-8@euro" → "en-US"); failing that, the browser's own default.

function accepted(tag: string): string | null {
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? null;
  } catch {
    return null;
  }
}

/** The first of the browser's languages that Intl accepts, else Intl's own default locale. */
export function usableLocale(languages: readonly (string | null | undefined)[]): string {
  for (const language of languages) {
    if (!language) continue;
    const usable = accepted(language) ?? accepted(language.split(/[@.]/)[0]!.replace(/_/g, '-'));
    if (usable) return usable;
  }
  return new Intl.NumberFormat().resolvedOptions().locale;
}

/** The locale of the browser or window the workspace runs in (en-US outside a browser). */
export function browserLocale(): string {
  if (typeof navigator === 'undefined') return 'en-US';
  return usableLocale([navigator.language, ...(navigator.languages ?? [])]);
}
