import { runCli } from '../src/cli/main.js';

/** Runs the CLI in-process and captures its output. */
export async function cli(args: string[], stdin = ''): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(args, {
    out: (t) => void (out += t),
    err: (t) => void (err += t),
    stdin: async () => stdin,
  });
  return { code, out, err };
}
