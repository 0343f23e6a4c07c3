// Preloaded with `node --import` by bench/commands.js: prints the process's peak resident memory and
// its processor time (user and system, all threads) to stderr when it exits.
process.on('exit', () => {
  const { user, system } = process.cpuUsage();
  process.stderr.write(`piekgeheugen_kib=${process.resourceUsage().maxRSS} cpu_ms=${((user + system) / 1000).toFixed(1)}\n`);
});
