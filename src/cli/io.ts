/** What a CLI command may touch: output streams and standard input. Tests pass their own. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** Reads all of standard input. */
  stdin(): Promise<string>;
  /** True when stderr is a terminal (progress bars are drawn only then). */
  readonly errIsTerminal?: boolean;
}

/** A command's outcome: its exit code. */
export type ExitCode = number;
