/**
 * `npm run example:id-token -- '<claims json>' [--access-token <token>]`: prints a signed example ID token.
 */
import { makeExampleIdToken } from './id-token.ts';

const args = process.argv.slice(2);
const flag = args.indexOf('--access-token');
const accessToken = flag >= 0 ? args[flag + 1] : undefined;
const json = args.find((a, i) => i !== flag && i !== flag + 1) ?? '{}';
try {
  const claims: unknown = JSON.parse(json);
  if (!claims || typeof claims !== 'object' || Array.isArray(claims))
    throw new Error('the claims must be a JSON object');
  process.stdout.write(`${await makeExampleIdToken(claims as Record<string, unknown>, accessToken)}\n`);
} catch (error) {
  process.stderr.write(
    `example:id-token: ${(error as Error).message}\nUsage: npm run example:id-token -- '{"aud": "web-portal", "nonce": "..."}' --access-token <access_token of the same response>\n`,
  );
  process.exitCode = 1;
}
