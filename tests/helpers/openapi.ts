import { execFileSync } from 'child_process';
import path from 'path';

/**
 * Validates a document against the OpenAPI 3.x JSON schemas. The validator is an ES module, which
 * jest (CommonJS, Node 20) cannot import, so it runs in a child Node process.
 */
export const validateOpenApi = (document: unknown): { valid: boolean; version?: string; errors?: unknown } =>
  JSON.parse(
    execFileSync(process.execPath, [path.join(__dirname, 'validate-openapi.mjs')], {
      input: JSON.stringify(document),
      maxBuffer: 64 * 1024 * 1024,
    }).toString()
  );
