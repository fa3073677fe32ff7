#!/usr/bin/env node
// Every component schema and every property of spec/openapi.yaml is described. A property that is a $ref is
// described by the schema it points to (OpenAPI 3.0 ignores siblings of $ref). Prints each gap; exits 1 if any.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';

const here = path.dirname(fileURLToPath(import.meta.url));
const specFile = process.argv[2] ?? path.resolve(here, '..', '..', 'spec', 'openapi.yaml');
const spec = YAML.parse(readFileSync(specFile, 'utf8'));
const gaps = [];

function visit(schema, where) {
  if (!schema || typeof schema !== 'object' || schema.$ref) return;
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    if (!property.$ref && !property.description) gaps.push(`${where}.${name}: property without a description`);
    visit(property, `${where}.${name}`);
  }
  for (const member of schema.allOf ?? []) visit(member, where);
  if (schema.items) visit(schema.items, `${where}[]`);
  if (typeof schema.additionalProperties === 'object') visit(schema.additionalProperties, `${where}{}`);
}

for (const [name, schema] of Object.entries(spec.components?.schemas ?? {})) {
  if (!schema.description) gaps.push(`${name}: schema without a description`);
  visit(schema, name);
}
for (const gap of gaps) console.log(gap);
console.log(`descriptions: ${Object.keys(spec.components?.schemas ?? {}).length} schemas checked, ${gaps.length} gap(s)`);
process.exit(gaps.length === 0 ? 0 : 1);
