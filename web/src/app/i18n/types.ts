/** Type helpers that keep the zh-CN and English resources in step with each other and with the contracts. */

/**
 * Widens a literal resource tree to plain strings. The English resource is typed with it, so a missing or extra
 * key fails `tsc` while the wording itself stays free.
 */
export type ResourceShape<T> = { [K in keyof T]: T[K] extends string ? string : ResourceShape<T[K]> };

type SplitCode<T extends string> = T extends `${infer Head}.${infer Tail}` ? { head: Head; tail: Tail } : never;

/**
 * Turns dotted codes such as `auth.sign_in_succeeded` into the nested object i18next looks them up in
 * (`auditEventTypes.auth.sign_in_succeeded`). Used with `satisfies`, it makes a label for every code mandatory.
 */
export type DottedLabels<T extends string> = {
  [H in SplitCode<T>['head']]: { [L in Extract<SplitCode<T>, { head: H }>['tail']]: string };
};

/** The UI languages. Same spelling as the contracts' `Locale`, so `messages[locale]` indexes error bodies directly. */
export type AppLocale = 'zh-CN' | 'en';
