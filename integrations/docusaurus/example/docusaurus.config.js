// The example site that CI builds and tests in Chromium (DocsSitesBrowserTest), written as the README says.
// DOCKER_TUTORIAL_URL: the Docker Tutorial server the explainers come from.
import explainFences from 'docusaurus-plugin-dockerfile-explainer/remark';

const tutorialUrl = process.env.DOCKER_TUTORIAL_URL || 'http://localhost:8080';

/** @type {import('@docusaurus/types').Config} */
const config = {
  title: 'Explainer in Docusaurus',
  url: 'http://localhost',
  baseUrl: '/',
  favicon: 'img/favicon.svg',
  onBrokenLinks: 'throw',
  presets: [
    ['classic', {
      docs: {
        routeBasePath: '/',
        sidebarPath: './sidebars.js',
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

export default config;
