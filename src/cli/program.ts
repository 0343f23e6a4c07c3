/**
 * The `natuurpact` command: commander set up with Dutch help, Dutch usage errors (exit 2), and user
 * errors printed without a stack trace (exit 1). Subcommands live in their own files.
 */
import { Command, CommanderError, Help, type Option } from 'commander';
import { readFileSync } from 'node:fs';
import { UserError } from '../core/errors.js';
import { fsMessage, userFsCode } from '../io/paths.js';
import { registerDataCommands } from './data-commands.js';
import { registerIndexCommand } from './index-command.js';
import { registerConstructionsCommand } from './constructions-command.js';
import { registerExplorerCommand } from './explorer-command.js';
import { registerRunCommands } from './run-commands.js';
import { registerUncertaintyCommand } from './uncertainty-command.js';

export const EXIT_OK = 0;
export const EXIT_INVALID_INPUT = 1;
export const EXIT_USAGE = 2;
export const EXIT_INTERNAL = 3;

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  /** Whether stderr is a terminal (progress is shown only there). */
  isTTY?: boolean;
  /**
   * Raw writes to the terminal for progress (carriage returns and erase-line sequences, which `err`
   * removes); only given when stderr is a terminal. See `progress.ts`.
   */
  status?: (text: string) => void;
}

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

const TITLES: Record<string, string> = {
  'Usage:': 'Gebruik:',
  'Options:': 'Opties:',
  'Commands:': 'Opdrachten:',
  'Arguments:': 'Argumenten:',
  'Global Options:': 'Algemene opties:',
};

/** Commander's help in Dutch: titles, usage placeholders, defaults and choices. */
const DUTCH_HELP: Partial<Help> = {
  sortSubcommands: false,
  styleTitle: (title: string) => TITLES[title] ?? title,
  commandUsage(cmd: Command): string {
    return Help.prototype.commandUsage.call(this, cmd).replace('[options]', '[opties]').replace('[command]', '[opdracht]');
  },
  subcommandTerm(cmd: Command): string {
    return Help.prototype.subcommandTerm.call(this, cmd).replace('[options]', '[opties]');
  },
  optionDescription(option: Option): string {
    const extra: string[] = [];
    if (option.argChoices) extra.push(`keuze: ${option.argChoices.join(', ')}`);
    if (option.defaultValue !== undefined && option.defaultValue !== false) extra.push(`standaard: ${String(option.defaultValue)}`);
    return extra.length > 0 ? `${option.description} (${extra.join('; ')})` : option.description;
  },
};

/** Dutch renderings of commander's usage errors, by error code. */
function translateUsageError(error: CommanderError): string {
  const quoted = /'([^']+)'/.exec(error.message)?.[1] ?? '';
  switch (error.code) {
    case 'commander.unknownCommand':
      return `onbekende opdracht '${quoted}'; zie 'natuurpact --help'`;
    case 'commander.unknownOption':
      return `onbekende optie '${quoted}'; zie --help bij de opdracht`;
    case 'commander.missingArgument':
      return `argument '${quoted}' ontbreekt`;
    case 'commander.optionMissingArgument':
      return `optie '${quoted}' vraagt een waarde`;
    case 'commander.missingMandatoryOptionValue':
      return `verplichte optie '${quoted}' ontbreekt`;
    case 'commander.excessArguments':
      return `te veel argumenten; zie --help bij de opdracht`;
    case 'commander.invalidArgument': {
      const m = /option '([^']+)' argument '([^']*)' is invalid\. Allowed choices are (.*)\.$/.exec(error.message);
      return m ? `optie '${m[1]}': '${m[2]}' is ongeldig; kies uit ${m[3]}` : error.message.replace(/^error: /, '');
    }
    default:
      return error.message.replace(/^error: /, '');
  }
}

export function buildProgram(io: Io): Command {
  const program = new Command('natuurpact');
  program
    .description('Natuurtaken en natuurmiddelen van de provincies: terugblik, projectie en financieringstekort.')
    .version(version(), '-V, --versie', 'toon het versienummer')
    .helpOption('-h, --help', 'toon deze hulp')
    .helpCommand('help [opdracht]', 'toon hulp bij een opdracht')
    .showSuggestionAfterError(false)
    .configureHelp(DUTCH_HELP)
    .configureOutput({
      writeOut: (s) => io.out(s),
      writeErr: (s) => io.err(s),
      outputError: () => {
        /* translated in runCli */
      },
    })
    .exitOverride();
  registerRunCommands(program, io);
  registerDataCommands(program, io);
  registerIndexCommand(program, io);
  registerConstructionsCommand(program, io);
  registerExplorerCommand(program, io);
  registerUncertaintyCommand(program, io);
  // Every subcommand inherits the Dutch help option and the error handling.
  for (const cmd of program.commands) applyDutchDefaults(cmd, io);
  return program;
}

function applyDutchDefaults(cmd: Command, io: Io): void {
  cmd
    .helpOption('-h, --help', 'toon deze hulp')
    .configureHelp(DUTCH_HELP)
    .showSuggestionAfterError(false)
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s), outputError: () => {} })
    .exitOverride();
  if (cmd.commands.length > 0) cmd.helpCommand('help [opdracht]', 'toon hulp bij een opdracht');
  for (const sub of cmd.commands) applyDutchDefaults(sub, io);
}

/**
 * Runs the command line and returns the exit code: 0 success, 1 invalid input, 2 wrong usage,
 * 3 internal error (with stack trace and a request to report it).
 */
export async function runCli(argv: readonly string[], rawIo: Io): Promise<number> {
  // Everything printed may quote a file (a scenario name, a method text): no terminal control codes.
  const io: Io = {
    out: (s) => rawIo.out(terminalSafe(s)),
    err: (s) => rawIo.err(terminalSafe(s)),
    ...(rawIo.isTTY !== undefined ? { isTTY: rawIo.isTTY } : {}),
    ...(rawIo.status && rawIo.isTTY ? { status: rawIo.status } : {}),
  };
  const program = buildProgram(io);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return EXIT_OK;
  } catch (error) {
    return reportError(error, io);
  }
}

/**
 * The exit code for an error, and what to print for it: 0 for help and version, 2 for wrong use,
 * 1 for invalid input (a {@link UserError}, or a file-system problem the user can fix), 3 for
 * anything else (a bug: with the stack trace and a request to report it).
 */
export function reportError(error: unknown, io: Pick<Io, 'err'>): number {
  if (error instanceof CommanderError) {
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') {
      return EXIT_OK;
    }
    if (error.code === 'commander.executeSubCommandAsync') return EXIT_OK;
    io.err(`fout: ${translateUsageError(error)}\n`);
    return EXIT_USAGE;
  }
  if (error instanceof UsageError) {
    io.err(`fout: ${error.message}\n`);
    return EXIT_USAGE;
  }
  if (error instanceof UserError) {
    const n = error.issues.length;
    io.err(`${error.message}\n${n > 1 ? `${n} problemen gevonden.\n` : ''}`);
    return EXIT_INVALID_INPUT;
  }
  const code = userFsCode(error);
  if (code) {
    // A file-system problem the user can fix (a missing, locked or full place) that no reader caught.
    const e = error as NodeJS.ErrnoException;
    io.err(`${e.path ? `${terminalSafe(String(e.path))}: ` : ''}${fsMessage(code)}\n`);
    return EXIT_INVALID_INPUT;
  }
  const stack = error instanceof Error ? (error.stack ?? error.message) : String(error);
  io.err(`interne fout in natuurpact; meld dit alstublieft met de opdracht die u gaf en deze uitvoer:\n${stack}\n`);
  return EXIT_INTERNAL;
}

/**
 * Text as it may reach a terminal: escape sequences (colours, cursor moves, window titles) and other
 * control characters removed; tabs and line ends kept.
 */
export function terminalSafe(text: string): string {
  return text
    .replace(/\u001b\[[0-?]*[ -/]*[@-~]/g, '')
    .replace(/\u001b\][^\u0007\u001b]*(\u0007|\u001b\\)?/g, '')
    .replace(/\r(?!\n)/g, '')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g, '');
}

/** Wrong use of the command (a bad option value), reported with exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
