/** What a CLI command may touch: output streams and standard input. Tests pass their own. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** Reads all of standard input. */
  stdin(): Promise<string>;
}

/** A command's outcome: its exit code. */
export type ExitCode = number;
