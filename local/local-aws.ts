/** The region and dummy credentials every local emulator accepts; none of them checks SigV4 signatures. */
export const LOCAL_REGION = 'local';
export const LOCAL_ACCOUNT = '000000000000';
export const LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' };
