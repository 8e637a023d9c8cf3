/**
 * SHA-256 for a calculator on a page that is not a secure context, where browsers offer no crypto.subtle.
 * adapters.ts adds this module only there and receives the function in a "pkce-sha256" event.
 */
import { sha256 } from '@noble/hashes/sha2.js';

document.dispatchEvent(new CustomEvent('pkce-sha256', { detail: sha256 }));
