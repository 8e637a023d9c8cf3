/** The grant ids alone, so the playground's Start button can read a shared link without loading the playground. */

/** A grant the playground can run; also the value of `<Playground grant="…" />` and the first part of its URL state. */
export type GrantId =
  | 'authorization-code-pkce'
  | 'authorization-code'
  | 'client-credentials'
  | 'device-code'
  | 'refresh-token'
  | 'implicit'
  | 'password';

/** Grant ids in display order. */
export const GRANT_IDS: readonly GrantId[] = [
  'authorization-code-pkce',
  'authorization-code',
  'client-credentials',
  'device-code',
  'refresh-token',
  'implicit',
  'password',
];

/** True when `value` names a grant the playground runs. */
export function isGrantId(value: unknown): value is GrantId {
  return typeof value === 'string' && (GRANT_IDS as readonly string[]).includes(value);
}

/** The query parameter the playground owns. */
export const PARAM = 'playground';

/** Only the grant of a parameter value ("device-code" or "device-code.…"), for the shell to decide whether to start. */
export function grantOfParam(raw: string | null): GrantId | null {
  const grant = raw?.split('.')[0];
  return isGrantId(grant) ? grant : null;
}
