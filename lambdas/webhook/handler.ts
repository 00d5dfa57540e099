// Placeholder until the webhook function is written.
export const handler = async (): Promise<void> => {
  throw new Error('not implemented');
};
