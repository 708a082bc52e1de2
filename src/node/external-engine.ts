import { type ChildProcess, spawn } from 'node:child_process';
import { Code, engineError, type EngineError } from '../errors/error.js';
import type { EngineFault, MatchEngine, MoveRequest } from '../match/engine.js';
import { err, ok, type Result } from '../result.js';

/**
 * An external program as a match engine, over the match protocol (docs/match.md): the program
 * is started once and reads one line per move, the position as CGP (with `mt`, the budget, when
 * the match has one); it answers one move string line (`8H WORD`, `H8 WORD`, `ex ABC`, `pass`).
 * Empty lines and lines starting with `#` are ignored (logs). An answer that is late (the
 * budget plus the grace, or the timeout), a process that exits, or a line longer than
 * {@link MAX_ENGINE_LINE} is a fault: the process is killed, and `restart` starts it anew.
 * Lines that come when no move is asked are dropped. At the end the program gets `quit` and
 * its standard input closes.
 */
export interface ExternalEngineOptions {
  /** The program and its arguments. */
  readonly command: string;
  readonly args?: readonly string[];
  readonly cwd?: string;
  /** The name in reports (default: the command line). */
  readonly name?: string;
  /** Milliseconds a move may take beyond its budget, or in all without one (default 10,000). */
  readonly graceMs?: number;
  /** Where the program's standard error goes (default: ignored). */
  readonly stderr?: 'ignore' | 'inherit';
}

/** The longest answer line read (a move string is short; anything longer is a broken engine). */
export const MAX_ENGINE_LINE = 4096;

/** Starts an external engine; ENGINE_FAILED (90600) when the program cannot be started. */
export async function externalEngine(options: ExternalEngineOptions): Promise<Result<MatchEngine, EngineError>> {
  const engine = new ExternalEngine(options);
  const started = await engine.restart();
  return started.ok
    ? ok(engine)
    : err(engineError(Code.ENGINE_FAILED, { param: engine.name, cause: started.error.detail }));
}

interface Pending {
  readonly resolve: (answer: Result<string, EngineFault>) => void;
  readonly timer: ReturnType<typeof setTimeout>;
}

class ExternalEngine implements MatchEngine {
  readonly name: string;
  readonly #options: ExternalEngineOptions;
  #child: ChildProcess | undefined;
  #buffer = '';
  #pending: Pending | undefined;
  /** Why the current process is dead, once it is. */
  #dead: string | undefined = 'not started';

  constructor(options: ExternalEngineOptions) {
    this.#options = options;
    this.name = options.name ?? [options.command, ...(options.args ?? [])].join(' ');
  }

  move(request: MoveRequest): Promise<Result<string, EngineFault>> {
    const child = this.#child;
    if (child === undefined || this.#dead !== undefined || child.stdin === null)
      return Promise.resolve(err({ kind: 'crash', detail: this.#dead ?? 'not running' }));
    const wait = (request.budgetMs ?? 0) + (this.#options.graceMs ?? 10_000);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.#settle(err({ kind: 'timeout', detail: `no move within ${wait} ms` }));
        this.#kill('timed out');
      }, wait);
      this.#pending = { resolve, timer };
      child.stdin?.write(`${request.cgp}\n`, (e) => {
        if (e) this.#failed(`cannot write to it: ${e.message}`);
      });
    });
  }

  restart(): Promise<Result<void, EngineFault>> {
    this.#kill('restarted');
    this.#buffer = '';
    this.#dead = undefined;
    const { command, args = [], cwd } = this.#options;
    let child: ChildProcess;
    try {
      // spawn throws at once for some bad commands (an empty name), reports others as an 'error' event.
      child = spawn(command, [...args], {
        stdio: ['pipe', 'pipe', this.#options.stderr ?? 'ignore'],
        ...(cwd === undefined ? {} : { cwd }),
      });
    } catch (e) {
      this.#dead = 'not started';
      return Promise.resolve(err({ kind: 'crash', detail: `cannot start ${this.name}: ${(e as Error).message}` }));
    }
    this.#child = child;
    child.stdout?.setEncoding('utf8');
    child.stdout?.on('data', (chunk: string) => {
      if (child === this.#child) this.#read(chunk);
    });
    child.stdin?.on('error', () => undefined);
    return new Promise((resolve) => {
      child.once('spawn', () => resolve(ok(undefined)));
      child.once('error', (e) => {
        if (child === this.#child) this.#failed(e.message);
        resolve(err({ kind: 'crash', detail: `cannot start ${this.name}: ${e.message}` }));
      });
      child.once('exit', (code, signal) => {
        if (child === this.#child) this.#failed(`exited with ${signal ?? `code ${code}`}`);
      });
    });
  }

  async close(): Promise<void> {
    const child = this.#child;
    if (child === undefined || this.#dead !== undefined) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.stdin?.end('quit\n');
    const timer = setTimeout(() => this.#kill('closed'), 1000);
    await exited;
    clearTimeout(timer);
    this.#dead = 'closed';
  }

  #read(chunk: string): void {
    this.#buffer += chunk;
    for (let nl = this.#buffer.indexOf('\n'); nl >= 0; nl = this.#buffer.indexOf('\n')) {
      const raw = this.#buffer.slice(0, nl);
      this.#buffer = this.#buffer.slice(nl + 1);
      if (raw.length > MAX_ENGINE_LINE) return this.#brokeProtocol();
      const line = raw.trim();
      if (line === '' || line.startsWith('#')) continue;
      this.#settle(ok(line));
    }
    if (this.#buffer.length > MAX_ENGINE_LINE) this.#brokeProtocol();
  }

  #brokeProtocol(): void {
    this.#settle(err({ kind: 'protocol', detail: `a line longer than ${MAX_ENGINE_LINE} characters` }));
    this.#kill('broke the protocol');
  }

  /** Answers the pending move, if any (a line nobody asked for is dropped). */
  #settle(answer: Result<string, EngineFault>): void {
    const pending = this.#pending;
    if (pending === undefined) return;
    this.#pending = undefined;
    clearTimeout(pending.timer);
    pending.resolve(answer);
  }

  #failed(why: string): void {
    this.#dead ??= why;
    this.#settle(err({ kind: 'crash', detail: why }));
  }

  #kill(why: string): void {
    const child = this.#child;
    if (child === undefined) return;
    this.#dead ??= why;
    this.#child = undefined;
    child.stdout?.removeAllListeners('data');
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
}
