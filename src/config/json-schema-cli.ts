#!/usr/bin/env node
/**
 * `npm run schema`: writes schema/talkdeck.schema.json from the zod schema.
 * A test fails while the committed file differs from what this writes.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { SCHEMA_FILE, schemaText } from "./json-schema.js";

await mkdir(dirname(SCHEMA_FILE), { recursive: true });
await writeFile(SCHEMA_FILE, schemaText());
process.stdout.write(`wrote ${SCHEMA_FILE}\n`);
