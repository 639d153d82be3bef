// Runs kill-writer.ts in a child process through vite's module runner (TypeScript, no build).
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';

const { module } = await runnerImport(fileURLToPath(new URL('./kill-writer.ts', import.meta.url)));
await module.writeSynthetic(process.argv[2], Number(process.argv[3]), process.argv[4]);
