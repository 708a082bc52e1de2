// mpval: times MAGPIE's validated_moves_create (github jvc56/MAGPIE, GPL-3) on move strings, for
// bench/peers/validation.mjs. Our code: it only calls MAGPIE's API; it is compiled OUTSIDE the
// project against MAGPIE's release objects (bench/peers/harness.sh), and nothing of MAGPIE enters
// this repository.
//
// usage: mpval DATA_DIR MOVEFILE MIN_MS
//   MOVEFILE: lines "CGP<TAB>MOVE" (the player on turn plays MOVE, e.g. "8H WORD").
//   Prints "moves valid cpu_ns_per_move": every move validated (phonies not allowed, playthrough
//   letters allowed), the whole list repeated until MIN_MS of process CPU time (at least 3 times).
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "src/impl/config.h"
#include "src/impl/cgp.h"
#include "src/ent/game.h"
#include "src/ent/validated_move.h"
#include "src/ent/thread_control.h"
#include "src/util/io_util.h"
#include "magpie-api.h"

typedef struct { char *cgp, *move; } Item;

int main(int argc, char **argv) {
  if (argc < 4) { fprintf(stderr, "usage: mpval DATA_DIR MOVEFILE MIN_MS\n"); return 2; }
  FILE *f = fopen(argv[2], "r");
  if (!f) { fprintf(stderr, "mpval: cannot open %s\n", argv[2]); return 2; }
  double min_ms = atof(argv[3]);
  Item *items = NULL; int n = 0, cap = 0;
  char *line = NULL; size_t lcap = 0; ssize_t len;
  while ((len = getline(&line, &lcap, f)) > 0) {
    while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r')) line[--len] = 0;
    char *tab = strchr(line, '\t');
    if (!tab) continue;
    *tab = 0;
    if (n == cap) { cap = cap ? cap * 2 : 4096; items = realloc(items, cap * sizeof(Item)); }
    items[n].cgp = strdup(line); items[n].move = strdup(tab + 1); n++;
  }
  fclose(f);
  char settings[4096];
  snprintf(settings, sizeof settings, "%s/mpval-settings-unused.txt", argv[1]);
  ErrorStack *es = error_stack_create();
  ConfigArgs args = {.data_paths = argv[1], .settings_filename = settings, .use_wmp = false};
  Config *config = config_create(&args, es);
  if (!error_stack_is_empty(es)) { error_stack_print_and_reset(es); return 2; }
  exec_or_die(config, "set -lex TWLENABLE -wmp false -s1 score -s2 score -r1 all -r2 all -numplays 1 -threads 1 -savesettings false");
  Game *game = config_game_create(config);
  // Consecutive moves of one position share its loaded game: only the validation is timed.
  int valid = 0;
  double total = 0;
  for (int i = 0; i < n;) {
    int j = i;
    while (j < n && strcmp(items[j].cgp, items[i].cgp) == 0) j++;
    game_load_cgp(game, items[i].cgp, es);
    if (!error_stack_is_empty(es)) { error_stack_print_and_reset(es); i = j; continue; }
    int player = game_get_player_on_turn_index(game);
    for (int k = i; k < j; k++) {
      ValidatedMoves *vms = validated_moves_create(game, player, items[k].move, false, true, es);
      if (error_stack_is_empty(es)) valid++;
      else error_stack_reset(es);
      validated_moves_destroy(vms);
    }
    int reps = 0;
    double c0 = cpu_ns(), c;
    do {
      for (int k = i; k < j; k++) {
        ValidatedMoves *vms = validated_moves_create(game, player, items[k].move, false, true, es);
        error_stack_reset(es);
        validated_moves_destroy(vms);
      }
      reps++;
      c = cpu_ns();
    } while (reps < 3 || (c - c0) < min_ms * 1e6 * (j - i) / n);
    total += (c - c0) / reps;
    i = j;
  }
  printf("%d %d %.1f\n", n, valid, total / n);
  return 0;
}
