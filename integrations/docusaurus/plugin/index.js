// Docusaurus 3 plugin for Docker Tutorial's line-by-line Dockerfile explainer.
//   plugins: [['docusaurus-plugin-dockerfile-explainer', {url: 'https://tutorial.example.org'}]]
// Provides @theme/DockerfileExplainer, which loads HOST/embed.js only on pages that show an explainer and
// only after the page's load event (a slow or unreachable server never holds a page up); the remark
// plugin in ./remark.js turns ```dockerfile explain fences into that component at build time.
'use strict';
const path = require('path');

const NAME = 'docusaurus-plugin-dockerfile-explainer';

function tutorialUrl(options) {
  const url = String((options && options.url) || process.env.DOCKER_TUTORIAL_URL || '').replace(/\/+$/, '');
  if (!/^https?:\/\/[^/\s]+(\/[^\s]*)?$/.test(url)) {
    throw new Error(`${NAME}: set the "url" option (or DOCKER_TUTORIAL_URL) to your Docker Tutorial server, `
      + `such as https://tutorial.example.org; got "${url}"`);
  }
  return url;
}

module.exports = function dockerfileExplainerPlugin(context, options = {}) {
  const url = tutorialUrl(options);
  const background = options.background === 'solid' ? 'solid' : 'transparent';
  return {
    name: NAME,
    getThemePath() {
      return path.join(__dirname, 'theme');
    },
    async contentLoaded({ actions }) {
      actions.setGlobalData({ url, background });
    },
    getClientModules() {
      return [path.join(__dirname, 'loader.js')];
    },
    injectHtmlTags() {
      // Data for loader.js, not a script: nothing here makes a page wait for the server.
      return {
        headTags: [
          { tagName: 'meta', attributes: { name: 'docker-tutorial-url', content: url } },
          { tagName: 'meta', attributes: { name: 'docker-tutorial-background', content: background } },
        ],
      };
    },
  };
};
module.exports.tutorialUrl = tutorialUrl;
