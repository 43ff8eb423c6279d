/** Runs one of the editor CLIs in scripts/ as `npm run …` would, on a given content folder. */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const TSX = join(process.cwd(), 'node_modules/.bin/tsx');

/** Exit code and everything printed (stdout, then stderr). */
export async function runScript(script: string, contentDir: string, ...args: string[]) {
  try {
    // The plain output, as on an editor's machine, even when the tests run on GitHub Actions
    // (whose step summary would otherwise collect the fixtures' problems).
    const env = { ...process.env, GITHUB_ACTIONS: '', GITHUB_STEP_SUMMARY: '' };
    const { stdout, stderr } = await run(TSX, [script, '--content-dir', contentDir, ...args], {
      env,
    });
    return { code: 0, out: stdout + stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, out: failed.stdout + failed.stderr };
  }
}
