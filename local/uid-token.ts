import { createHmac } from 'node:crypto';

/**
 * The UID token the local identity service returns for an Aadhaar number, and the key of the local household
 * records: as with UIDAI's per-agency UID tokens, the same number always gives the same token, and the token does
 * not give the number back.
 */
const LOCAL_UID_TOKEN_KEY = 'local-uid-token-key-of-the-embedded-identity-service';

export function localUidToken(aadhaar: string): string {
  return createHmac('sha256', LOCAL_UID_TOKEN_KEY).update(aadhaar).digest('base64url');
}
