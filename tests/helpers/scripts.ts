import { spawn } from 'child_process';
import path from 'path';
import { appDir } from './environment';

export type ScriptRun = { code: number | null; signal: NodeJS.Signals | null; output: string };

/**
 * Runs one of scripts/*.js in a child process with the test secrets and `env`. With `killWhen`,
 * the child is killed (SIGKILL, no chance to clean up) as soon as its output satisfies it.
 */
export const runScript = (script: string, args: string[], env: Record<string, string>, killWhen?: (output: string) => boolean): Promise<ScriptRun> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(appDir, 'scripts', script), ...args], {
      cwd: appDir,
      env: { ...process.env, NODE_ENV: 'test', FORCE_COLOR: '0', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      if (killWhen && child.exitCode === null && killWhen(output)) child.kill('SIGKILL');
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve({ code, signal, output }));
  });
