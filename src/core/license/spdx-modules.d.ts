/** Type declarations for the two SPDX libraries the policy uses (neither ships its own types). */
declare module 'spdx-expression-parse' {
  /** A parsed SPDX expression: a leaf license (optionally `+` / `WITH exception`) or a conjunction of two. */
  export type SpdxNode =
    | { license: string; plus?: boolean; exception?: string }
    | { left: SpdxNode; conjunction: 'and' | 'or'; right: SpdxNode };
  /** Parses an SPDX expression; throws on invalid syntax or unknown ids (LicenseRef-* ids are accepted). */
  function parse(expression: string): SpdxNode;
  export = parse;
}

declare module 'spdx-satisfies' {
  /** True when `expression` can be satisfied using only the simple license ids in `allowed`. */
  function satisfies(expression: string, allowed: string[]): boolean;
  export = satisfies;
}
