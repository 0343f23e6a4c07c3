#!/usr/bin/env node
/** Entry point of the `natuurpact` command. */
import { runCli } from './program.js';

const code = await runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  isTTY: process.stderr.isTTY === true,
  status: (text) => process.stderr.write(text),
});
process.exitCode = code;
