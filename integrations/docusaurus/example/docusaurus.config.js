// The example site that CI builds and tests in Chromium (DocusaurusExampleBrowserTest).
// DOCKER_TUTORIAL_URL: the Docker Tutorial server the explainers come from.
const explainFences = require('docusaurus-plugin-dockerfile-explainer/remark');

const tutorialUrl = process.env.DOCKER_TUTORIAL_URL || 'http://localhost:8080';

/** @type {import('@docusaurus/types').Config} */
module.exports = {
  title: 'Explainer in Docusaurus',
  url: 'http://localhost',
  baseUrl: '/',
  favicon: 'img/favicon.svg',
  onBrokenLinks: 'throw',
  presets: [
    ['classic', {
      docs: {
        routeBasePath: '/',
        sidebarPath: require.resolve('./sidebars.js'),
        beforeDefaultRemarkPlugins: [explainFences],
      },
      blog: false,
    }],
  ],
  plugins: [
    ['docusaurus-plugin-dockerfile-explainer', { url: tutorialUrl }],
  ],
  themeConfig: {
    colorMode: { defaultMode: 'light', respectPrefersColorScheme: false },
    navbar: { title: 'Explainer example' },
  },
};
