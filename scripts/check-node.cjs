// Stops `npm install`, `npm start`, `npm test` and `npm run build` on a Node.js older than the one
// package.json's "engines" names, with one line saying what to install and how. Plain CommonJS with
// no dependencies and no modern syntax, so it runs on any Node a newcomer may have (and before
// `npm install` has fetched anything).
'use strict';
var path = require('path');
var fs = require('fs');

var pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8'));
var wanted = /(\d+)\.(\d+)\.(\d+)/.exec((pkg.engines && pkg.engines.node) || '') || [];
var need = [Number(wanted[1]), Number(wanted[2]), Number(wanted[3])];
var have = process.versions.node.split('.').map(Number);

function older(a, b) {
  for (var i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i] < b[i];
  return false;
}

if (wanted.length && older(have, need)) {
  process.stderr.write(
    'layerwise needs Node.js ' +
      need.join('.') +
      ' or newer (this is ' +
      process.version +
      '): ' +
      'run `nvm install` in this folder (it reads .nvmrc), or get Node ' +
      need[0] +
      ' from https://nodejs.org/.\n',
  );
  process.exit(1);
}
