#!/usr/bin/env node
// The `wordgame` command (the built CLI in dist/).
import { main } from '../dist/cli.js';

await main();
