/**
 * Wording in a prompt that says what kind of task a call does. Each row is data: a label shown to people, the side
 * it votes for, and the pattern (matched case-insensitively against the static prompt text).
 *
 * Routine rows are the tasks the open-weight thesis names (summarization, extraction, classification, rewriting,
 * translation and other short, checkable transformations). Frontier rows are tasks where a weaker model fails in
 * ways that are hard to notice: multi-step reasoning, code generation, planning and agents, deep analysis, long-form
 * writing, mathematics.
 */
export interface PromptSignal {
  label: string;
  side: 'routine' | 'frontier';
  pattern: RegExp;
  /** Vote when it is the first signal of its side (default 2 for routine, 2.5 for frontier). */
  weight?: number;
}

export const PROMPT_SIGNALS: readonly PromptSignal[] = [
  { label: 'summarize', side: 'routine', pattern: /\b(summari[sz](e|es|ing|ation)|summary|tl;?dr|condense|key points|bullet[- ]points?|recap)\b/ },
  { label: 'extract', side: 'routine', pattern: /\b(extract(ion)?|pull out|list (all|every|the)|find (all|every)|named entit(y|ies)|parse (the|this)|fill in the fields?|invoice fields?)\b/ },
  { label: 'classify', side: 'routine', pattern: /\b(classif(y|ies|ication)|categori[sz]e|category|categories|label (the|this|each)|intent|which (department|team|queue)|route (this|the) (ticket|email|message)|triage)\b/ },
  { label: 'tag', side: 'routine', pattern: /\b(tags?|tagging|hashtags?)\b/ },
  { label: 'translate', side: 'routine', pattern: /\b(translat(e|ion|or)|into (english|french|german|spanish|japanese|chinese|italian|portuguese))\b/ },
  { label: 'rewrite', side: 'routine', pattern: /\b(rewrite|re-write|rephrase|paraphrase|proofread|polish|fix (the )?(grammar|typos|spelling)|correct (the )?(grammar|spelling)|simplify (this|the)|make (it|this) (shorter|more (formal|polite|concise|friendly)))\b/ },
  { label: 'sentiment', side: 'routine', pattern: /\b(sentiment|positive,? (or |negative)|negative or positive|emotion|tone of)\b/ },
  { label: 'title', side: 'routine', pattern: /\b(title|headline|subject line|caption|alt text)\b/ },
  { label: 'keywords', side: 'routine', pattern: /\b(keywords?|key ?phrases?|topics? (of|in) (this|the))\b/ },
  { label: 'short answer', side: 'routine', pattern: /\b(yes or no|true or false|answer with (only|one word|a single)|respond with (only|just|one word|a single)|reply with (only|just|one word|the single|a single)|only (output|return|respond with) (the|a|one)|briefly|in (one|a single|two|three) (sentence|sentences|word|words))\b/ },
  { label: 'format conversion', side: 'routine', pattern: /\b(convert (this|the|it)|reformat|normali[sz]e|standardi[sz]e|deduplicate|to (valid )?json)\b/ },
  { label: 'redact', side: 'routine', pattern: /\b(redact|anonymi[sz]e|mask (the )?pii|remove (personal|pii))\b/ },
  { label: 'detect', side: 'routine', pattern: /\b(detect (the )?language|spam|toxic(ity)?|profanity|is this (email|message|review))\b/ },
  { label: 'code generation', side: 'frontier', pattern: /\b((write|implement|generate|refactor|debug|fix|complete|port|optimi[sz]e) (a |an |the |this |some |my )?(code|function|class|method|program|script|unit tests?|tests|sql( query)?|bug|module|component|endpoint|regex)|code review|review (this|the) (code|diff|pull request|pr)|pull request|stack trace|codebase|diff)\b|```/ },
  { label: 'long reasoning', side: 'frontier', pattern: /\b(step[- ]by[- ]step|think (carefully|deeply|hard|through)|reason (carefully|through|about)|chain of thought|prove|proof|derive|root cause|trade-?offs?|why (does|did|is)|explain (why|how)|what might explain)\b/ },
  { label: 'judge', side: 'frontier', pattern: /\b(which (answer|response|output) is (best|better)|(score|grade|rate|judge|evaluate) the (answer|response|output)s?|as a judge)\b/ },
  { label: 'open-ended assistant', side: 'frontier', weight: 1.25, pattern: /\byou are [^.\n]{0,60}?\b(assistant|bot|chatbot|companion|agent|concierge|character|analyst)\b/ },
  { label: 'agent/planning', side: 'frontier', pattern: /\b(agent|autonomous(ly)?|plan (the|a|your)|multi-step|orchestrat\w*|decide which tools?|use the (available )?tools|you have access to (the following )?tools|next action)\b/ },
  { label: 'deep analysis', side: 'frontier', pattern: /\b(in[- ]depth|thorough(ly)?|critique|evaluate (the|this) (argument|strategy|proposal)|legal (advice|analysis|opinion)|diagnos(e|is|tic)|abnormalit(y|ies)|what(?: is|'s) wrong|differential|due diligence|strategy|strategic|architecture|research (report|question)|literature review|compare and contrast)\b/ },
  { label: 'long-form writing', side: 'frontier', pattern: /\b(write (an? |the )?(essay|article|blog post|report|chapter|screenplay|white ?paper|proposal)|long-form|(\d{4,}|\d,\d{3}) words)\b|in the style of/ },
  { label: 'mathematics', side: 'frontier', pattern: /\b(math(ematical|s)?|equation|theorem|integral|olympiad|competition problem|calculus)\b/ },
];

/** The signals whose pattern matches the text (each label at most once). */
export function matchPromptSignals(text: string): PromptSignal[] {
  const lower = text.toLowerCase();
  return PROMPT_SIGNALS.filter((s) => s.pattern.test(lower));
}
