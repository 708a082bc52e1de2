import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeGcg, parseGcg, type GcgProblem, replayGcg } from 'wordgame-engine';

const DATA = '../shared/data/gcg';
const present = existsSync(`${DATA}/SOURCES.md`);
if (!present) console.log('skipping the GCG corpus test: ../shared/data/gcg is not here');

/** The problems a record has: its reading problem, or its replay's findings in line order. */
function problems(file: string): { problems: GcgProblem[]; lines: number[] } {
  const record = parseGcg(decodeGcg(readFileSync(file)));
  if (!record.ok) {
    const d = record.error.detail as { problem: GcgProblem; line: number };
    return { problems: [d.problem], lines: [d.line] };
  }
  const r = replayGcg(record.value);
  if (!r.ok) throw new Error(`${file}: ${r.error.message}`);
  return { problems: r.value.findings.map((f) => f.problem), lines: r.value.findings.map((f) => f.line) };
}

/**
 * Each broken fixture (SOURCES.md, note "broken") and the problem its name says, reported first.
 * Two are accepted or reported otherwise, on purpose (see the parseGcg doc comment):
 * `line_overflow` (a 514-character note line: real records hold 555-character notes; MAGPIE's
 * line buffer is an implementation limit) and `game_events_overflow` (MAGPIE's fixed event
 * array: this engine has no event limit below the size limit, and reports the record's first
 * real fault, a rack of tiles already played).
 */
const BROKEN: Readonly<Record<string, GcgProblem | 'accepted'>> = {
  challenge_bonus_rack_malformed: 'malformed-rack',
  challenge_bonus_without_play: 'challenge-bonus-without-play',
  description_after_events: 'pragma-after-event',
  duplicate_names: 'duplicate-names',
  duplicate_nicknames: 'duplicate-nicknames',
  empty: 'empty',
  encoding_wrong_place: 'misplaced-encoding',
  end_game_event_before_game_end: 'end-event-before-game-end',
  end_penalty_rack_malformed: 'malformed-rack',
  end_points_rack_malformed: 'malformed-rack',
  end_rack_points_incorrect: 'end-points-incorrect',
  event_after_last_rack: 'event-after-last-rack',
  exchange_malformed: 'malformed-exchange',
  exchange_not_in_rack: 'exchange-not-on-rack',
  first_rack_not_in_bag: 'rack-not-in-bag',
  game_event_off_turn: 'event-off-turn',
  game_events_overflow: 'rack-not-in-bag',
  invalid_challenge_bonus_player_index: 'challenge-bonus-wrong-player',
  invalid_phony_tiles_player_index: 'phony-wrong-player',
  invalid_tile_placement: 'bad-position',
  last_rack1_not_in_bag: 'rack-not-in-bag',
  last_rack2_not_in_bag: 'rack-not-in-bag',
  last_rack_penalty_incorrect: 'end-penalty-incorrect',
  line_overflow: 'accepted',
  malformed_challenge_rack: 'malformed-rack',
  malformed_play: 'malformed-play',
  malformed_rack: 'malformed-rack',
  midgame_rack_not_in_bag: 'rack-not-in-bag',
  move_before_player: 'event-before-players',
  move_event_after_game_end: 'event-after-game-end',
  no_matching_token: 'unreadable-line',
  note_before_events: 'note-before-event',
  pass_rack_malformed: 'malformed-rack',
  phony_tiles_returned_mismatch: 'phony-tiles-mismatch',
  phony_tiles_returned_with_no_play: 'phony-without-play',
  play_out_of_bounds: 'play-out-of-bounds',
  played_tile_not_in_rack: 'tile-not-on-rack',
  player_does_not_exist: 'unknown-player',
  player_number_redundant: 'player-number-redundant',
  redundant_pragma: 'redundant-pragma',
  six_pass_cumulative_scoring_error: 'total',
  six_pass_last_rack_malformed: 'end-rack-mismatch',
  standard_cumulative_scoring_error: 'total',
  time_penalty_before_rack_penalties: 'premature-time-penalty',
  time_penalty_before_rack_points: 'premature-time-penalty',
  time_penalty_between_rack_penalties: 'premature-time-penalty',
  time_penalty_duplicate: 'redundant-time-penalty',
  time_penalty_first_event: 'end-event-before-game-end',
  time_penalty_midgame: 'end-event-before-game-end',
  unrecognized_game_variant: 'unknown-game-type',
  unsupported_character_encoding: 'unsupported-encoding',
};

describe.skipIf(!present)('the GCG corpus (../shared/data/gcg)', () => {
  const notes = new Map<string, string>();
  if (present) {
    for (const row of readFileSync(`${DATA}/SOURCES.md`, 'utf8').split('\n')) {
      const cells = row.split('|').map((c) => c.trim());
      if (cells[1]?.endsWith('.gcg') === true) notes.set(cells[1], cells[6] ?? '');
    }
  }

  it('replays every complete game of the main folder with no finding: every rack, play, score and total', () => {
    const files = readdirSync(DATA).filter((f) => f.endsWith('.gcg'));
    expect(files.length).toBe(95);
    for (const f of files) expect([f, problems(`${DATA}/${f}`).problems]).toEqual([f, []]);
  });

  it('reports exactly the recording error of each misrecorded game', () => {
    expect(problems(`${DATA}/misrecorded/quackle_quackle_capp.gcg`)).toEqual({ problems: ['score'], lines: [14] });
    expect(problems(`${DATA}/misrecorded/woogles-io_liwords_r20_peter.gcg`)).toEqual({
      problems: ['score'],
      lines: [19],
    });
  });

  it('reports every broken fixture with the problem its name says', () => {
    const broken = [...notes]
      .filter(([f, note]) => note === 'broken' && existsSync(`${DATA}/fixtures/${f}`))
      .map(([f]) => f);
    expect(broken.length).toBe(51);
    for (const f of broken) {
      const name = f.replace(/^jvc56_MAGPIE-DATA_/, '').replace(/\.gcg$/, '');
      const expected = BROKEN[name];
      expect([f, expected === undefined]).toEqual([f, false]);
      const found = problems(`${DATA}/fixtures/${f}`).problems;
      expect([f, expected === 'accepted' ? found : found[0]]).toEqual([f, expected === 'accepted' ? [] : expected]);
    }
  });

  it('reads every other record (incomplete, encodings, other languages) without a throw', () => {
    for (const dir of ['fixtures', 'other']) {
      for (const f of readdirSync(`${DATA}/${dir}`).filter((x) => x.endsWith('.gcg'))) {
        const note = notes.get(f);
        if (note === 'incomplete' || note === 'complete')
          expect([f, problems(`${DATA}/${dir}/${f}`).problems]).toEqual([f, []]);
        else problems(`${DATA}/${dir}/${f}`);
      }
    }
  });
});
