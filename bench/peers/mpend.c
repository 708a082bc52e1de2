// mpend: runs MAGPIE's endgame solver (github jvc56/MAGPIE, GPL-3) on one position, for the
// endgame benchmark's side-by-side run (bench/endgame.bench.ts with ENDGAME_PEER). Our code: it
// only calls MAGPIE's API; it is compiled OUTSIDE the project against MAGPIE's release objects
// (bench/peers/harness.sh), and nothing of MAGPIE enters this repository.
//
// usage: mpend DATA_DIR CGP SECONDS [PLIES] [TT_FRACTION]
//   CGP: the position, the player to move first, both racks given (the bag empty).
//   One thread, iterative deepening up to PLIES (default 25, MAGPIE's deepest), stopped SECONDS
//   of wall time after the start (MAGPIE's deadline; on an idle thread wall and CPU time agree).
//   Prints a line a completed depth, "depth D value V cpu_ms T nodes N" (its best root move's
//   value, read from the root moves as they complete), then
//   "done depth D value V cpu_ms T nodes N": the deepest depth completed, its value (the spread
//   change for the side to move), the process CPU time since the solve started, and MAGPIE's
//   node count (endgame_ctx_get_nodes_searched).
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "src/compat/ctime.h"
#include "src/impl/config.h"
#include "src/impl/cgp.h"
#include "src/impl/endgame.h"
#include "src/ent/endgame_results.h"
#include "src/ent/game.h"
#include "src/ent/thread_control.h"
#include "src/util/io_util.h"
#include "magpie-api.h"

static EndgameCtx *ctx = NULL;
static double start_ms = 0;

static double cpu_ms(void) { return cpu_ns() / 1e6; }
// The depth whose root moves are being reported, the best value among them so far, and the time
// and node count at its latest root move: when the next depth starts, these are its completion.
static int pending_depth = 0;
static int32_t pending_value = 0;
static double pending_ms = 0;
static unsigned long long pending_nodes = 0;

static void print_pending(void) {
  printf("depth %d value %d cpu_ms %.1f nodes %llu\n", pending_depth, pending_value, pending_ms, pending_nodes);
}

// MAGPIE's per-ply callback extends and ranks principal variations (costly enough to distort a
// small endgame's time), so a depth's completion is read from the cheap per-root-move callback.
static void on_root_move(int depth, int root_index, const SmallMove *move, int32_t value, void *data) {
  (void)root_index; (void)move; (void)data;
  if (depth != pending_depth) {
    if (pending_depth > 0) print_pending();
    pending_depth = depth;
    pending_value = value;
  } else if (value > pending_value) {
    pending_value = value;
  }
  pending_ms = cpu_ms() - start_ms;
  pending_nodes = (unsigned long long)endgame_ctx_get_nodes_searched(ctx);
}

int main(int argc, char **argv) {
  if (argc < 4) { fprintf(stderr, "usage: mpend DATA_DIR CGP SECONDS [PLIES] [TT_FRACTION]\n"); return 2; }
  double seconds = atof(argv[3]);
  int plies = argc > 4 ? atoi(argv[4]) : 25;
  double tt = argc > 5 ? atof(argv[5]) : 0.002;
  char settings[4096];
  snprintf(settings, sizeof settings, "%s/mpend-settings-unused.txt", argv[1]);
  ErrorStack *es = error_stack_create();
  ConfigArgs cargs = {.data_paths = argv[1], .settings_filename = settings, .use_wmp = false};
  Config *config = config_create(&cargs, es);
  if (!error_stack_is_empty(es)) { error_stack_print_and_reset(es); return 2; }
  exec_or_die(config, "set -lex TWLENABLE -wmp false -s1 score -s2 score -threads 1 -savesettings false");
  Game *game = config_game_create(config);
  game_load_cgp(game, argv[2], es);
  if (!error_stack_is_empty(es)) { error_stack_print_and_reset(es); return 2; }
  ctx = endgame_ctx_create();
  EndgameResults *results = endgame_results_create();
  ThreadControl *tc = config_get_thread_control(config);
  thread_control_set_status(tc, THREAD_CONTROL_STATUS_STARTED);
  EndgameArgs args = {.game = game,
                      .thread_control = tc,
                      .plies = plies,
                      .tt_fraction_of_mem = tt,
                      .initial_small_move_arena_size = DEFAULT_INITIAL_SMALL_MOVE_ARENA_SIZE,
                      .num_threads = 1,
                      .num_top_moves = 1,
                      .use_heuristics = true,
                      .per_root_move_callback = on_root_move,
                      .forced_pass_bypass = true,
                      .seed = 42,
                      .external_deadline_ns = ctimer_monotonic_ns() + (int64_t)(seconds * 1e9)};
  start_ms = cpu_ms();
  endgame_solve_inline(&ctx, &args, results);
  double used = cpu_ms() - start_ms;
  int completed = endgame_results_get_depth(results, ENDGAME_RESULT_BEST);
  if (pending_depth > 0 && pending_depth == completed) print_pending();
  printf("done depth %d value %d cpu_ms %.1f nodes %llu\n",
         completed,
         endgame_results_get_pvline(results, ENDGAME_RESULT_BEST)->score, used,
         (unsigned long long)endgame_ctx_get_nodes_searched(ctx));
  return 0;
}
