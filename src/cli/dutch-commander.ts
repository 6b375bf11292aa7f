// Commander speaks English; the `driehoek` command speaks Dutch. Its help titles, standard option
// texts and usage errors are translated here, for the program and every subcommand.

import { type Command, Help } from "commander";

/** Usage errors, as commander 14 words them, in Dutch. Unknown messages pass unchanged. */
const ERRORS: [RegExp, (...m: string[]) => string][] = [
  [/^error: required option '(.+)' not specified/, (o) => `fout: de optie ${o} ontbreekt`],
  [/^error: option '(.+)' argument missing/, (o) => `fout: de optie ${o} heeft een waarde nodig`],
  [/^error: missing required argument '(.+)'/, (a) => `fout: het argument ${a} ontbreekt`],
  [/^error: unknown option '([^']+)'/, (o) => `fout: onbekende optie ${o}`],
  [/^error: unknown command '([^']+)'/, (c) => `fout: onbekende opdracht ${c}`],
  [
    /^error: too many arguments.*Expected (\d+) argument.* but got (\d+)\./,
    (e, g) => `fout: te veel argumenten: verwacht ${e}, gekregen ${g}`,
  ],
  [/^error: option '(.+)' argument '(.*)' is invalid\./, (o, v) => `fout: ongeldige waarde ${v} voor ${o}`],
];

const TITLES: Record<string, string> = {
  "Usage:": "Gebruik:",
  "Options:": "Opties:",
  "Commands:": "Opdrachten:",
  "Arguments:": "Argumenten:",
  "Global Options:": "Algemene opties:",
};

export function translateUsageError(message: string): string {
  const suggestion = /\(Did you mean (?:one of )?(.+)\?\)/.exec(message);
  for (const [pattern, dutch] of ERRORS) {
    const m = pattern.exec(message);
    if (m) return `${dutch(...m.slice(1))}${suggestion ? ` (bedoelt u ${suggestion[1]}?)` : ""}\n`;
  }
  return message;
}

/** Dutch help and errors; call on the program before adding subcommands (they inherit it). */
export function speakDutch(program: Command, writeErr: (text: string) => void): Command {
  const base = new Help();
  return program
    .configureHelp({
      styleTitle: (title) => TITLES[title] ?? title,
      subcommandTerm: (cmd) => base.subcommandTerm(cmd).replace("[options]", "[opties]"),
      commandUsage: (cmd) =>
        base.commandUsage(cmd).replace("[options]", "[opties]").replace("[command]", "[opdracht]"),
      optionDescription: (option) =>
        base.optionDescription(option).replace("(default: ", "(standaard: ").replace("choices: ", "keuzes: "),
      argumentDescription: (argument) =>
        base
          .argumentDescription(argument)
          .replace("(default: ", "(standaard: ")
          .replace("choices: ", "keuzes: "),
    })
    .configureOutput({ outputError: (text) => writeErr(translateUsageError(text)) })
    .helpOption("-h, --help", "toon de hulp bij deze opdracht")
    .helpCommand("help [opdracht]", "toon de hulp bij een opdracht");
}
