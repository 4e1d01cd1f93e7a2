// Docusaurus 3 plugin for Docker Tutorial's line-by-line Dockerfile explainer.
//   plugins: [['docusaurus-plugin-dockerfile-explainer', {url: 'https://tutorial.example.org'}]]
// Loads HOST/embed.js on every page (it sizes the frames and makes them follow the colour mode) and
// provides @theme/DockerfileExplainer; the remark plugin in ./remark.js turns ```dockerfile explain
// fences into that component at build time.
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
  const background = options.background === 'transparent' ? 'transparent' : null;
  return {
    name: NAME,
    getThemePath() {
      return path.join(__dirname, 'theme');
    },
    async contentLoaded({ actions }) {
      actions.setGlobalData({ url, background });
    },
    injectHtmlTags() {
      return {
        headTags: [{ tagName: 'script', attributes: { src: `${url}/embed.js`, async: true } }],
      };
    },
  };
};
module.exports.tutorialUrl = tutorialUrl;
