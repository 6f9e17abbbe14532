import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { browserLocale, usableLocale } from '../../renderer/store/locale.ts';
import { createWorkspaceStore } from '../../renderer/store/workspaceStore.ts';
import { formatMoney } from '../../renderer/lib/format.ts';

describe('the locale the workspace formats numbers in', () => {
  afterEach(() => vi.unstubAllGlobals());

  it("takes the browser's language when Intl accepts it", () => {
    expect(usableLocale(['de-CH', 'en-US'])).toBe('de-CH');
    expect(usableLocale([undefined, '', 'fr-FR'])).toBe('fr-FR');
  });

  it('reads a POSIX locale name as the language it names (headless Chromium under LANG=C.UTF-8 says "en-US@posix")', () => {
    expect(() => new Intl.NumberFormat('en-US@posix')).toThrow(RangeError);
    expect(usableLocale(['en-US@posix'])).toBe('en-US');
    expect(usableLocale(['en_GB.UTF-8@euro'])).toBe('en-GB');
  });

  it("falls back to Intl's own default when no language is usable", () => {
    expect(usableLocale(['C', '@posix'])).toBe(new Intl.NumberFormat().resolvedOptions().locale);
    expect(usableLocale([])).toBe(new Intl.NumberFormat().resolvedOptions().locale);
  });

  it('always gives a locale every formatter takes, whatever the browser reports', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string(), fc.constantFrom('en-US@posix', 'C.UTF-8', 'pt_BR', 'x-klingon', 'en-US-u-nu-arab'))), (languages) => {
        const locale = usableLocale(languages);
        expect(() => formatMoney(1234.5, { currency: 'USD', locale, compact: true })).not.toThrow();
      }),
    );
  });

  it('a new workspace in such a browser formats its numbers instead of failing', () => {
    vi.stubGlobal('navigator', { language: 'en-US@posix', languages: ['en-US@posix'] });
    expect(browserLocale()).toBe('en-US');
    const locale = createWorkspaceStore().getState().locale;
    expect(formatMoney(204.7e6, { currency: 'USD', locale, compact: true })).toBe(formatMoney(204.7e6, { currency: 'USD', locale: 'en-US', compact: true }));
  });
});
