#!/usr/bin/env -S node --max-semi-space-size=128
// A large young generation: loading millions of registrations makes many short-lived objects,
// and this flag alone makes a load about a third faster (docs/BENCHMARKS.md).
// Entry point of the `driehoek` command. Runs the TypeScript sources through tsx's loader.
import { fileURLToPath } from "node:url";
import { register } from "tsx/esm/api";

// The project's tsconfig (JSX through hono/jsx), wherever the command is run from.
register({ tsconfig: fileURLToPath(new URL("../tsconfig.json", import.meta.url)) });
const { main } = await import("../src/cli/main.ts");
await main(process.argv);
