import { spawn, type ChildProcess } from 'child_process';
import path from 'path';

export type Instance = { url: string; stop: () => Promise<void> };

/** Starts scripts/serve.js with the test environment (same database, same Redis). */
export const startSecondInstance = async (env: Record<string, string> = {}): Promise<Instance> => {
  const child: ChildProcess = spawn(process.execPath, [path.join(__dirname, '..', '..', 'scripts', 'serve.js')], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', SEED_DEMO: 'false', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening (\d+)/.exec(output);
      if (match) resolve(match[1]);
    });
    child.on('exit', (code) => reject(new Error(`second instance exited with ${code}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise((resolve) => {
        child.on('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
};
