// Reads an OpenAPI document on stdin, prints { valid, version, errors } as JSON.
import { Validator } from '@seriousme/openapi-schema-validator';

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const validator = new Validator();
const { valid, errors } = await validator.validate(JSON.parse(Buffer.concat(chunks).toString()));
process.stdout.write(JSON.stringify({ valid, version: validator.version, errors }));
