/**
 * A pure model of an OAuth 2.0 / OpenID Connect authorization server, its clients and a resource server, with its
 * rules as data. No DOM, no Node APIs: Web Crypto only.
 */
export * from './types.ts';
export * from './rules.ts';
export * from './http.ts';
export * from './jose.ts';
export * from './server.ts';
export * from './requests.ts';
