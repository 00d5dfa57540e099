import { unpackValue } from '../lambdas/core/whatsapp/turn-replies.ts';

// `npx tsx tools/unpack-session.ts <base64>`: prints, as JSON, a packed value of a session item (`replies` or `flow`,
// as the console or `aws dynamodb get-item` shows them, in base64), whichever dictionary it was packed with.
const [base64] = process.argv.slice(2);
if (!base64) throw new Error('usage: tsx tools/unpack-session.ts <base64 of a session item’s replies or flow>');
console.log(JSON.stringify(unpackValue(Buffer.from(base64, 'base64')), null, 2));
