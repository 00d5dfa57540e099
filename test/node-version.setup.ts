// Lambda runs Node 24; a suite that passes on another major proves nothing about what deploys.
const major = Number(process.versions.node.split('.')[0]);
if (major !== 24) {
  throw new Error(
    `Tests must run on Node 24 (the Lambda runtime); this is Node ${process.versions.node}. ` +
      'Run them through `npm test`, which uses the node@24 devDependency.',
  );
}
