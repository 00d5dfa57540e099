/** The layering rules of DESIGN.md, checked on every `npm test`. */
module.exports = {
  forbidden: [
    {
      name: 'core-is-pure',
      comment: 'lambdas/core is the domain: no AWS SDK, no Powertools, no adapter, no handler.',
      severity: 'error',
      from: { path: '^lambdas/core/' },
      to: {
        path: [
          '^node_modules/@aws-sdk/',
          '^node_modules/@aws-lambda-powertools/',
          '^node_modules/@middy/',
          '^lambdas/(?!core/)',
        ],
      },
    },
    {
      name: 'adapters-below-handlers',
      comment: 'adapters do I/O for handlers; they never import a handler.',
      severity: 'error',
      from: { path: '^lambdas/adapters/' },
      to: { path: '^lambdas/(?!core/|adapters/)' },
    },
    {
      name: 'handlers-are-independent',
      comment: 'each function is its own bundle; one handler never imports another.',
      severity: 'error',
      from: { path: '^lambdas/([^/]+)/handler\\.ts$', pathNot: '^lambdas/(core|adapters)/' },
      to: { path: '^lambdas/([^/]+)/', pathNot: ['^lambdas/(core|adapters)/', '^lambdas/$1/'] },
    },
    {
      name: 'runtime-never-imports-local',
      comment: 'the deployed code must not depend on the embedded runtime.',
      severity: 'error',
      from: { path: '^lambdas/' },
      to: { path: '^local/' },
    },
    {
      name: 'infrastructure-imports-no-runtime-code',
      comment: 'lib/ describes infrastructure; runtime code reaches it only as bundles.',
      severity: 'error',
      from: { path: '^(lib|bin)/' },
      to: { path: '^(lambdas|local)/' },
    },
    {
      name: 'simulator-checks-independently',
      comment: "the local Graph API must not reuse the sender's code, or it could not catch the sender's bugs.",
      severity: 'error',
      from: { path: '^local/whatsapp/' },
      to: { path: '^lambdas/' },
    },
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
      extensions: ['.ts', '.js', '.mjs', '.cjs', '.json'],
    },
  },
};
