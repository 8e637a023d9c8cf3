import { globSync, readFileSync } from 'node:fs';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, test } from 'vitest';
import { findHttpBlocks, httpBlocksFromTree } from '../../src/examples/blocks.ts';
import { checkPageExamples } from '../../src/examples/check.ts';
import { remarkHttpExamples } from '../../src/examples/remark-http-examples.ts';
import { s256 } from '../../src/lib/oauth/index.ts';

const pages = globSync('content/**/*.mdx').sort();
const read = (file: string): string => readFileSync(file, 'utf8');
const lineOf = (source: string, text: string): number => source.slice(0, source.indexOf(text)).split('\n').length;

describe('the site’s HTTP examples', () => {
  test.each(pages)('%s: every http block passes the model', async (file) => {
    expect((await checkPageExamples(read(file), file)).map((p) => p.message)).toEqual([]);
  });

  test('the pages hold http blocks to check (so the test above is not vacuous)', () => {
    const counts = pages.map((f) => findHttpBlocks(read(f)).length);
    expect(counts.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(71);
  });

  test.each(pages)('%s: the fence scanner and the remark tree find the same blocks', (file) => {
    const tree = unified().use(remarkParse).use(remarkMdx).parse(read(file));
    expect(findHttpBlocks(read(file))).toEqual(httpBlocksFromTree(tree));
  });
});

describe('a planted mistake fails with file:line and the rule', () => {
  const PKCE = 'content/api-auth/grant/authorization-code-pkce.mdx';
  const CODE = 'content/api-auth/grant/authorization-code.mdx';

  test('a code_verifier that does not hash to the page’s code_challenge', async () => {
    const wrong = 'Wrong4verifierWrong4verifierWrong4verifier0';
    const source = read(PKCE).replace(
      'code_verifier=dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk',
      `code_verifier=${wrong}`,
    );
    const line = lineOf(
      source,
      'POST /token HTTP/1.1\nHost: auth.example.com\nContent-Type: application/x-www-form-urlencoded\n\ngrant_type=authorization_code',
    );
    expect((await checkPageExamples(source, PKCE)).map((p) => p.message)).toEqual([
      `${PKCE}:${line}: S256 of the code_verifier is ${await s256(wrong)}, the code_challenge was E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM. Rule: pkce-verifier-mismatch (RFC 7636 section 4.6, MUST). Send the code_verifier the code_challenge was made from, or change the code_challenge to the S256 of this verifier`,
    ]);
  });

  test('a token response for openid without id_token', async () => {
    const source = read(CODE).replace(/,\n {2}"id_token": "[^"]+"/, '');
    const request = lineOf(source, 'grant_type=authorization_code') - 5;
    // The response's status line: the last one above its access token.
    const lines = source.split('\n');
    const response =
      lines.slice(0, lineOf(source, '"access_token": "Jd8sKq2LmX0vRb7TzW4nYe"')).lastIndexOf('HTTP/1.1 200 OK') + 1;
    expect((await checkPageExamples(source, CODE)).map((p) => p.message)).toEqual([
      `${CODE}:${response}: The request on line ${request} redeems a code granted openid, and the response has no id_token. Rule: id-token-present (OpenID Connect Core 1.0 section 3.1.3.3, MUST). Add "id_token": a JWT signed with the example key (npm run example:id-token), published at /examples/jwks.json`,
    ]);
  });

  test('a DPoP proof whose signature does not verify with its own jwk', async () => {
    const SENDER = 'content/api-auth/sender-constrained-tokens.mdx';
    const signature = 'g1wVt-YGMn0_CbZM9zG4abhdneCxofX6cTxzzREKHaOrY32nukixyizKbhXSUtBrj5qDnySoDYoOX4JnEV4QJQ';
    const source = read(SENDER).replace(signature, `${signature.slice(0, -1)}A`);
    const line = lineOf(
      source,
      'POST /token HTTP/1.1\nHost: auth.example.com\nContent-Type: application/x-www-form-urlencoded\nDPoP:',
    );
    expect((await checkPageExamples(source, SENDER)).map((p) => p.message)).toEqual([
      `${SENDER}:${line}: The DPoP proof is not signed by the key in its jwk header: its signature does not verify. Rule: dpop-proof-invalid (RFC 9449 section 4.3, MUST). Sign a DPoP proof with the key in its jwk header, with htm and htu of this request and iat at the page’s time`,
      // No token was issued, so the API call that presents it fails too.
      `${SENDER}:${lineOf(source, 'GET /v1/payments HTTP/1.1')}: The access token is not valid. Rule: bearer-invalid (RFC 6750 section 3.1, SHOULD). Use an access token issued earlier on this page, or mark the block \`\`\`http given`,
    ]);
  });

  test('a DPoP-bound token response that says Bearer', async () => {
    const SENDER = 'content/api-auth/sender-constrained-tokens.mdx';
    const source = read(SENDER).replace('"token_type": "DPoP"', '"token_type": "Bearer"');
    const lines = source.split('\n');
    const response = lines.slice(0, lineOf(source, '"access_token": "H8ZJ')).lastIndexOf('HTTP/1.1 200 OK') + 1;
    expect((await checkPageExamples(source, SENDER)).map((p) => p.message)).toEqual([
      `${SENDER}:${response}: Token_type is Bearer; the model issues a DPoP token bound to the DPoP proof’s key. Rule: dpop-token-type (RFC 9449 section 5, MUST). Write "token_type": "DPoP"`,
    ]);
  });

  test('a token exchange response without issued_token_type', async () => {
    const EXCHANGE = 'content/api-auth/grant/token-exchange.mdx';
    const source = read(EXCHANGE).replace(
      '  "issued_token_type": "urn:ietf:params:oauth:token-type:access_token",\n',
      '',
    );
    const lines = source.split('\n');
    const response = lines.slice(0, lineOf(source, '"access_token": "fvU6')).lastIndexOf('HTTP/1.1 200 OK') + 1;
    expect((await checkPageExamples(source, EXCHANGE)).map((p) => p.message)).toEqual([
      `${EXCHANGE}:${response}: Issued_token_type is null; the model issues urn:ietf:params:oauth:token-type:access_token. Rule: exchange-issued-token-type (RFC 8693 section 2.2.1, REQUIRED). Write "issued_token_type": "urn:ietf:params:oauth:token-type:access_token"`,
    ]);
  });

  test('a CIBA acknowledgement whose expires_in is not the requested_expiry the model honours', async () => {
    const CIBA = 'content/api-auth/grant/ciba.mdx';
    const source = read(CIBA).replace('"expires_in": 300,\n  "interval"', '"expires_in": 120,\n  "interval"');
    const response = lineOf(
      source,
      'HTTP/1.1 200 OK\nContent-Type: application/json\nCache-Control: no-store\n\n{\n  "auth_req_id"',
    );
    expect((await checkPageExamples(source, CIBA)).map((p) => p.message)).toEqual([
      `${CIBA}:${response}: Shows expires_in 120; the model answers 300. Rule: example-response (CONTRIBUTING.md, "Write an HTTP example the model checks"). Write 300`,
    ]);
  });

  test('the remark plugin throws the problem so the build fails', async () => {
    const source = read(CODE).replace(/,\n {2}"id_token": "[^"]+"/, '');
    const processor = unified().use(remarkParse).use(remarkMdx).use(remarkHttpExamples, { cwd: process.cwd() });
    const file = new VFile({ value: source, path: `${process.cwd()}/${CODE}` });
    await expect(processor.run(processor.parse(file), file)).rejects.toThrow(
      new RegExp(`^${CODE}:\\d+: The request on line \\d+ redeems a code granted openid.*Rule: id-token-present `),
    );
  });

  test('the remark plugin passes a page whose examples are right', async () => {
    const processor = unified().use(remarkParse).use(remarkMdx).use(remarkHttpExamples);
    const file = new VFile({ value: read(CODE), path: CODE });
    await expect(processor.run(processor.parse(file), file)).resolves.toBeDefined();
  });
});
