// The `driehoek` command. Subcommands register themselves from their own modules.

import { Command, CommanderError } from "commander";
import { AccessDenied, InputError, StoreError } from "../domain/errors.ts";
import { registerAccountCommands } from "./account-commands.ts";
import { registerAgreementCommands } from "./agreement-commands.ts";
import { registerAnalyseCommands } from "./analyse-command.ts";
import { registerBatchCommand } from "./batch-command.ts";
import { type CliEffects, processEffects } from "./context.ts";
import { registerDemoCommand } from "./demo-command.ts";
import { speakDutch } from "./dutch-commander.ts";
import { registerImportCommands } from "./import-commands.ts";
import { registerIngestCommands } from "./ingest-command.ts";
import { registerInventoryCommands } from "./inventory-command.ts";
import { registerLocalKnowledgeCommands } from "./local-knowledge-command.ts";
import { registerProductCommands } from "./product-command.ts";
import { registerPseudonymCommand } from "./pseudonym-command.ts";
import { registerRegisterCommands } from "./register-command.ts";
import { registerRetentionCommand } from "./retention-command.ts";
import { registerServeCommands } from "./serve-command.ts";
import { registerTargetsCommands } from "./targets-command.ts";

export function buildProgram(fx: CliEffects): Command {
  const program = new Command();
  program
    .name("driehoek")
    .description("Eén gedeeld, rechtmatig en uitgelegd veiligheidsbeeld voor burgemeester, OM en politie.")
    .showHelpAfterError()
    .configureOutput({ writeOut: fx.stdout, writeErr: fx.stderr })
    // Before the subcommands are added, so they inherit it: usage errors throw, never exit.
    .exitOverride();
  speakDutch(program, fx.stderr);
  registerServeCommands(program, fx);
  registerImportCommands(program, fx);
  registerIngestCommands(program, fx);
  registerDemoCommand(program, { now: fx.now, stdout: fx.stdout, isTty: fx.isTty });
  registerAnalyseCommands(program, fx);
  registerAccountCommands(program, fx);
  registerRegisterCommands(program, fx);
  registerRetentionCommand(program, fx);
  registerPseudonymCommand(program, fx);
  registerProductCommands(program, fx);
  registerLocalKnowledgeCommands(program, fx);
  registerTargetsCommands(program, fx);
  registerBatchCommand(program, fx);
  registerAgreementCommands(program, fx);
  registerInventoryCommands(program, fx);
  return program;
}

/** Runs the command line; errors become a clear Dutch message and a non-zero exit code. */
export async function main(argv: string[], fx: CliEffects = processEffects()): Promise<void> {
  const program = buildProgram(fx);
  try {
    await program.parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) {
      process.exitCode = err.exitCode;
      return;
    }
    if (err instanceof InputError) fx.stderr(`Fout in invoer: ${err.describe()}\n`);
    else if (err instanceof StoreError || err instanceof AccessDenied) fx.stderr(`${err.message}\n`);
    else throw err;
    process.exitCode = 1;
  }
}
