#!/usr/bin/env node
// The `wordgame` command: runs the built CLI (npm's `prepare` builds dist/ on install).
import { runCli, processIo } from '../dist/cli.js';

process.exitCode = await runCli(process.argv.slice(2), processIo);
