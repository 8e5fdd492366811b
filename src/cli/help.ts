/** Help text per command (plain text; no colour so it reads the same in CI logs). */
export const HELP: Record<string, string> = {
  main: `modelwise — what each LLM call in your code costs, and what it could cost

Usage:
  modelwise audit [PATH...] [--format table|json|markdown|csv|sarif|cyclonedx] [--config FILE] [--output FILE]
  modelwise check [PATH] [--base REF] [--config FILE] [--format markdown|sarif|json] [--output FILE]
  modelwise tokens [--model ID | --encoding NAME] [FILE|-]
  modelwise models [--format table|json] [--open-weights] [--license ID] [--vendor V]
  modelwise --help | --version | <command> --help

Exit codes: 0 ok, 1 policy failure or budget exceeded (check), 2 usage or config error.
The workspace config is .modelwise.yaml at the root of PATH (or --config FILE).`,
  audit: `modelwise audit [PATH...] [options]

Finds every LLM call under PATH (default: .), counts its prompt tokens and prices it.
  -f, --format FORMAT      table (default), json, markdown, csv, sarif, cyclonedx
  -c, --config FILE        config file (default: PATH/.modelwise.yaml when present)
  -o, --output FILE        write the report to FILE instead of stdout
      --max-file-size SIZE skip source files larger than SIZE (default 1m; notebooks 32m)
Respects .gitignore; skips node_modules, .git, build outputs, virtual environments, vendored code, binary files and
minified bundles, and reports every skipped file with its reason. A malformed config is reported and defaults apply.`,
  check: `modelwise check [PATH] [options]

Evaluates the license policy and budget of .modelwise.yaml on every call. With --base REF, also audits REF (a git
worktree in a temporary directory) and reports models and calls added or removed, verdicts and the monthly spend delta.
  -b, --base REF           git ref to compare against (branch, tag or commit)
  -c, --config FILE        config file (default: PATH/.modelwise.yaml when present)
  -f, --format FORMAT      markdown (default), sarif, json
  -o, --output FILE        write the report to FILE instead of stdout
Exit 1 when a policy verdict fails or the budget is exceeded, 0 otherwise, 2 on usage or config errors.`,
  tokens: `modelwise tokens [--model ID | --encoding NAME] [FILE|-]

Prints the token count of FILE (or stdin). OpenAI encodings (o200k_base, cl100k_base) are exact; other tokenizer
families are estimates and print their band. Default encoding: o200k_base.`,
  models: `modelwise models [--format table|json] [--open-weights] [--license ID] [--vendor V]

Lists the compiled catalog: models with their license terms, sources and offers (USD per million tokens).`,
};
