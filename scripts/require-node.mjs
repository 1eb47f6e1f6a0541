// Fails loudly when npm scripts would run on an old Node. The `node` package in
// dependencies puts Node 24 first on PATH under `npm run`; if its install script
// was skipped (--ignore-scripts, allowScripts) npm silently falls back to the
// system Node, and Astro, vitest and file-type then fail in confusing ways.
const REQUIRED_MAJOR = 24;
const major = Number(process.versions.node.split('.')[0]);
if (major < REQUIRED_MAJOR) {
  console.error(
    [
      `✖ Cần Node ${REQUIRED_MAJOR} trở lên, nhưng đang chạy Node ${process.versions.node} (${process.execPath}).`,
      `  Needs Node >= ${REQUIRED_MAJOR}, found ${process.versions.node}.`,
      `  Node ${REQUIRED_MAJOR} comes from the "node" package in dependencies: run \`npm install\``,
      `  with install scripts enabled (not --ignore-scripts) and start commands through \`npm run\`/\`npm start\`.`,
    ].join('\n'),
  );
  process.exit(1);
}
