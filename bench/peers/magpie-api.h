// What our harnesses over MAGPIE's API (github jvc56/MAGPIE, GPL-3) share: the process's CPU time
// and running a MAGPIE command. Our code; compiled OUTSIDE the project with each harness
// (bench/peers/harness.sh), and nothing of MAGPIE enters this repository.
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include "src/impl/config.h"
#include "src/ent/thread_control.h"
#include "src/util/io_util.h"

/** The process's CPU time in nanoseconds (every thread). */
static double cpu_ns(void) {
  struct timespec ts;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e9 + ts.tv_nsec;
}

/** Runs a MAGPIE command (`set -lex ...`), exiting with status 2 on an error. */
static void exec_or_die(Config *config, const char *cmd) {
  ErrorStack *es = error_stack_create();
  thread_control_set_status(config_get_thread_control(config), THREAD_CONTROL_STATUS_STARTED);
  config_load_command(config, cmd, es);
  if (!error_stack_is_empty(es)) { error_stack_print_and_reset(es); exit(2); }
  config_execute_command(config, es);
  if (!error_stack_is_empty(es)) { error_stack_print_and_reset(es); exit(2); }
  error_stack_destroy(es);
}
