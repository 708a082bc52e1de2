/**
 * The process's CPU time (user and system) in milliseconds: a clock for time limits that hold
 * the same on a loaded machine (`EndgameSolver.solve`'s `clock`). It counts every thread of the
 * process, so give it to one search at a time.
 */
export function cpuTimeMs(): number {
  const used = process.cpuUsage();
  return (used.user + used.system) / 1000;
}
