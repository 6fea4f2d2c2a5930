'use strict';
// The plugin's server code is TypeScript (server/src), compiled together with the app by the root
// tsconfig.json into the app's dist folder, from which Strapi runs. This file only points there.
const path = require('path');

/* global strapi */
module.exports = require(path.join(strapi.dirs.dist.root, 'src', 'plugins', 'translations', 'server', 'src')).default;
