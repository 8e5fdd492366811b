// Deterministic generators of Python code for the benchmark: service modules in which some functions call an LLM
// SDK (OpenAI, Anthropic, Google GenAI, LiteLLM) and most do ordinary work, like a real application.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** A small deterministic PRNG (mulberry32) so the tree is the same on every machine. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const MODELS = ['gpt-4o', 'gpt-4o-mini', 'gpt-4.1', 'gpt-5-mini'];
const TASKS = ['Summarize', 'Classify', 'Extract the invoice fields from', 'Translate to French', 'Rewrite politely'];

function llmFunction(i, r) {
  const kind = Math.floor(r() * 4);
  const task = TASKS[Math.floor(r() * TASKS.length)];
  if (kind === 0) {
    const model = MODELS[Math.floor(r() * MODELS.length)];
    return `def task_${i}(text: str) -> str:
    response = openai_client.chat.completions.create(
        model="${model}",
        temperature=0,
        max_tokens=${100 + Math.floor(r() * 400)},
        messages=[
            {"role": "system", "content": "${task} the user's text. Answer briefly."},
            {"role": "user", "content": text},
        ],
    )
    return response.choices[0].message.content
`;
  }
  if (kind === 1) {
    return `def task_${i}(text: str) -> str:
    message = anthropic_client.messages.create(
        model="claude-haiku-4-5",
        max_tokens=300,
        messages=[{"role": "user", "content": f"${task} this: {text}"}],
    )
    return message.content[0].text
`;
  }
  if (kind === 2) {
    return `def task_${i}(text: str) -> str:
    result = genai_client.models.generate_content(model="gemini-2.5-flash", contents="${task}: " + text)
    return result.text
`;
  }
  return `def task_${i}(text: str) -> str:
    out = litellm.completion(model="gpt-4o-mini", messages=[{"role": "user", "content": "${task}: " + text}])
    return out.choices[0].message.content
`;
}

function plainFunction(i, r) {
  const n = 3 + Math.floor(r() * 10);
  const body = Array.from({ length: n }, (_, k) => `    total += (value * ${k + 1}) % ${7 + k}  # step ${k}`).join('\n');
  return `def helper_${i}(value: int) -> int:
    """Arithmetic that stands in for ordinary application code."""
    total = 0
${body}
    if total > ${Math.floor(r() * 100)}:
        return total - value
    return total
`;
}

const HEADER = `import litellm
from anthropic import Anthropic
from google import genai
from openai import OpenAI

openai_client = OpenAI()
anthropic_client = Anthropic()
genai_client = genai.Client()

`;

/** A module of about `lines` lines; one function in `llmEvery` calls an LLM (0: none, and no SDK imports). */
export function pythonModule(seed, lines, llmEvery = 8) {
  const r = rng(seed);
  const header = llmEvery > 0 ? HEADER : 'import math\n\n';
  const parts = [header];
  let count = header.split('\n').length;
  for (let i = 0; count < lines; i++) {
    const fn = llmEvery > 0 && i % llmEvery === 0 ? llmFunction(i, r) : plainFunction(i, r);
    parts.push(fn, '\n');
    count += fn.split('\n').length;
  }
  return parts.join('');
}

/** Writes Python service modules under `dir` until about `bytes` bytes; a fifth of them hold LLM calls. */
export function generatePythonTree(dir, bytes) {
  let written = 0;
  let files = 0;
  for (let i = 0; written < bytes; i++) {
    const pkg = join(dir, `svc_${Math.floor(i / 50)}`);
    mkdirSync(pkg, { recursive: true });
    const text = i % 5 === 0 ? pythonModule(i + 1, 400) : pythonModule(i + 1, 400, 0);
    writeFileSync(join(pkg, `module_${i}.py`), text);
    written += Buffer.byteLength(text);
    files++;
  }
  return { bytes: written, files };
}

/** One Python file of about `lines` lines with an LLM call in every eighth function. */
export function generateLargePythonFile(lines) {
  return pythonModule(4242, lines);
}
