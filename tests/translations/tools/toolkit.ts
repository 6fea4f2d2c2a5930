import { execFileSync } from 'child_process';
import fs from 'fs';

/** translate-toolkit's own Python: its scripts' interpreter (e.g. /usr/bin/python3 from Debian), which has its library. */
export const toolkitPython = (): string =>
  fs
    .readFileSync(execFileSync('sh', ['-c', 'command -v pocount']).toString().trim(), 'utf8')
    .split('\n')[0]
    .replace(/^#!\s*/, '')
    .trim();
