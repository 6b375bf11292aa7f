// The `driehoek` command. Subcommands register themselves from their own modules.

import { Command } from "commander";

export async function main(argv: string[]): Promise<void> {
  const program = new Command();
  program
    .name("driehoek")
    .description("Eén gedeeld, rechtmatig en uitgelegd veiligheidsbeeld voor de driehoek.");
  await program.parseAsync(argv);
}
