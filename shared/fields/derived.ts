// Types derived from the field catalogue: the object at a pattern, its keys and value types read
// from the catalogue's entries (kind, presence, choices, series). interchange.ts uses them for
// the objects whose every field the catalogue describes exactly; see docs/decisions.md,
// "Field catalogue".
import type { DecimalInput } from '../engine/interchange.ts';
import type { CatalogueEntry } from './catalogue.ts';

type DecimalKind = 'fraction' | 'rate' | 'money' | 'money-per-unit' | 'tonnes' | 'factor';

/** The key of `pattern` when it names a field directly inside the object at `parent`. */
type ChildKey<Parent extends string, Pattern> = Parent extends ''
  ? Pattern extends '' | `${string}.${string}` | `${string}[${string}` ? never : Pattern
  : Pattern extends `${Parent}.${infer Key}`
    ? Key extends `${string}.${string}` | `${string}[${string}` ? never : Key
    : never;

/** What a field holds in a version-1 or version-2 project document. */
type ValueOf<E> = E extends { readonly series: true }
  ? DecimalInput[]
  : E extends { readonly kind: 'calendar-year' | 'whole-number' }
    ? number
    : E extends { readonly kind: DecimalKind }
      ? DecimalInput
      : E extends { readonly kind: 'boolean' }
        ? boolean
        : E extends { readonly kind: 'choice'; readonly choices: readonly (infer C)[] }
          ? C
          : E extends { readonly kind: 'id' | 'text' | 'reference' }
            ? string
            : E extends { readonly kind: 'group'; readonly pattern: infer P extends string }
              ? CatalogueObject<P>
              : E extends { readonly kind: 'list'; readonly pattern: infer P extends string }
                ? CatalogueObject<`${P}[]`>[]
                : unknown;

type Flatten<T> = { [K in keyof T]: T[K] } & {};

/**
 * The object at `pattern` (`structures[].terms.fiscal.royalty.bands[]`, `''` for the project): a required field is a
 * required key; one that may be absent or null is optional and nullable; one that may only be
 * absent is optional.
 */
export type CatalogueObject<Pattern extends string> = Flatten<
  { -readonly [E in CatalogueEntry as E['presence'] extends 'required' ? ChildKey<Pattern, E['pattern']> : never]: ValueOf<E> } & {
    -readonly [E in CatalogueEntry as E['presence'] extends 'required' ? never : ChildKey<Pattern, E['pattern']>]?: E['presence'] extends 'absent' ? ValueOf<E> : ValueOf<E> | null;
  }
>;
