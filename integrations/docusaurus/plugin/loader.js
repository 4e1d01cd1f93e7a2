// A client module of the plugin, in every page's bundle (served by the docs site itself, so it never holds a
// page up): once the page has loaded, and after each client-side navigation, it adds HOST/embed.js when the
// page shows a Dockerfile to explain that the component does not handle itself (a <pre class=
// "dockerfile-explain"> or <dockerfile-explainer> written into MDX). Pages without one never ask the server.
const SOURCES = 'pre.dockerfile-explain, dockerfile-explainer, script.dockerfile-explain, template.dockerfile-explain';

function load() {
  const meta = document.querySelector('meta[name="docker-tutorial-url"]');
  if (!meta || window.DockerTutorial || !document.querySelector(SOURCES)) return;
  const src = `${meta.content}/embed.js`;
  if (Array.prototype.some.call(document.scripts, (s) => s.src === src)) return;
  const script = document.createElement('script');
  script.src = src;
  script.async = true;
  const background = document.querySelector('meta[name="docker-tutorial-background"]');
  if (background) script.setAttribute('data-background', background.content);
  document.head.appendChild(script);
}

export function onRouteDidUpdate() {
  if (typeof document === 'undefined') return;
  if (document.readyState === 'complete') setTimeout(load, 0);
  else window.addEventListener('load', load, { once: true });
}
