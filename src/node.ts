/**
 * `wordgame-engine/node`: the Node-only part. Reads and writes dictionary files and loads the
 * embedded English dictionary. Classes are the core's own (one copy across entries).
 *
 * @packageDocumentation
 */
export * from './node/files.js';
