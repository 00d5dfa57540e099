// Placeholder until the workflow-steps function is written.
export const handler = async (): Promise<void> => {
  throw new Error('not implemented');
};
