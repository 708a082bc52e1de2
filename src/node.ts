/** Node-only helpers: dictionary files and the embedded default dictionary. */
export * from './node/files.js';
