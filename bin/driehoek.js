#!/usr/bin/env -S node --max-semi-space-size=128
// A large young generation: loading millions of registrations makes many short-lived objects,
// and this flag alone makes a load about a third faster (docs/BENCHMARKS.md).
// Entry point of the `driehoek` command. Runs the TypeScript sources through tsx's loader.
import { register } from "tsx/esm/api";

register();
const { main } = await import("../src/cli/main.ts");
await main(process.argv);
