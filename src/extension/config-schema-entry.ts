import { z } from 'zod';
import { ConfigSchema } from '../core/config/schema';

/**
 * Build-time entry (esbuild.mjs): the JSON Schema of `.modelwise.yaml`, generated from the engine's zod ConfigSchema
 * so the YAML extension validates exactly what the engine accepts. Input shape (keys with defaults are optional);
 * draft-07, the dialect YAML tooling supports most widely.
 */
export function configJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(ConfigSchema, { io: 'input', unrepresentable: 'any', target: 'draft-7' }) as Record<string, unknown>;
  return {
    ...schema,
    $id: 'https://modelwise.invalid/schema/modelwise.schema.json',
    title: '.modelwise.yaml',
    description: 'Modelwise workspace configuration: usage volumes, price overrides, private models, defaults and the license policy.',
  };
}
