/** Another language's catalogue: the same keys as the English one, every value a string. */
export type Catalogue<T> = { [K in keyof T]: T[K] extends string ? string : Catalogue<T[K]> };

/** The dotted keys of a catalogue, plural forms folded into their base key (`count_one` → `count`). */
export type Keys<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K extends `${infer B}_${'one' | 'other'}` ? B : K}` : Keys<T[K], `${P}${K}.`>;
}[keyof T & string];
