import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * Runs `bench/<script>` in its own Node process (TypeScript through tsx's CommonJS hook, which
 * adds no loader thread to the memory measured) and returns the JSON it prints on a line starting
 * with `RESULT `. The child's other output goes to this process's stderr; `input`, if given, is
 * written to its stdin.
 */
export function runBenchChild<T>(
  script: string,
  args: string[] = [],
  nodeFlags: string[] = [],
  input?: string,
): Promise<T> {
  const path = resolve(__dirname, '..', script);
  const child = spawn(
    process.execPath,
    [...nodeFlags, '--require', require.resolve('tsx/cjs'), path, ...args],
    {
      stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'inherit'],
    },
  );
  child.stdin?.end(input);
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  return new Promise<T>((resolvePromise, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => {
      const line = output.split('\n').find((text) => text.startsWith('RESULT '));
      if (code !== 0 || line === undefined) {
        reject(new Error(`bench/${script} exited with code ${code}:\n${output}`));
        return;
      }
      resolvePromise(JSON.parse(line.slice('RESULT '.length)) as T);
    });
  });
}

/** Prints the result line `runBenchChild` reads. */
export function printResult(result: unknown): void {
  process.stdout.write(`RESULT ${JSON.stringify(result)}\n`);
}

/** This process's peak resident memory in MB: the kernel's high-water mark on Linux, else undefined. */
export function readPeakRssMb(): number | undefined {
  try {
    const status = readFileSync('/proc/self/status', 'utf8');
    const match = /^VmHWM:\s+(\d+)\s+kB/m.exec(status);
    return match ? Number(match[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}
