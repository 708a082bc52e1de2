import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';

/**
 * The JSON Schemas of the commands' `--json` output (`docs/schemas/COMMAND.schema.json`, with
 * `error.schema.json` for every failure), compiled once with Ajv (JSON Schema 2020-12).
 */
const folder = join(import.meta.dirname, '..', 'docs', 'schemas');
const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
for (const f of readdirSync(folder).filter((f) => f.endsWith('.schema.json')))
  ajv.addSchema(JSON.parse(readFileSync(join(folder, f), 'utf8')) as object, f);

/** The schema file of a command (`dict build` → `dict-build.schema.json`). */
export function schemaFile(command: string): string {
  return `${command.replace(' ', '-')}.schema.json`;
}

/** Validates a command's JSON output against its schema: the problems found (none when valid). */
export function validateOutput(command: string, json: unknown): string[] {
  const validate = ajv.getSchema(schemaFile(command));
  if (validate === undefined) return [`no schema ${schemaFile(command)}`];
  if (validate(json)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
}
