/**
 * The region and credentials of the embedded runtime. s3rver knows one access key pair, S3RVER/S3RVER, and checks
 * signatures made with it; the other emulators take any key, so every client uses that pair.
 */
export const LOCAL_REGION = 'local';
export const LOCAL_ACCOUNT = '000000000000';
export const LOCAL_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
