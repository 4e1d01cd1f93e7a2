// <DockerfileExplainer code={`FROM …`} /> (or the Dockerfile as children): Docker Tutorial's line-by-line
// explainer. The server-rendered page shows the Dockerfile as a code block; after hydration the component
// asks embed.js for a frame in a slot that React leaves empty, and hides the code block only once the
// frame reports that it has loaded. So React never finds a DOM it did not render (no hydration error),
// and a frame that cannot load (blocked, offline) leaves the Dockerfile readable.
import React, { useEffect, useRef, useState } from 'react';
import { usePluginData } from '@docusaurus/useGlobalData';

const PLUGIN = 'docusaurus-plugin-dockerfile-explainer';

function textOf(children) {
  if (children == null || typeof children === 'boolean') return '';
  if (typeof children === 'string' || typeof children === 'number') return String(children);
  if (Array.isArray(children)) return children.map(textOf).join('');
  if (children.props) return textOf(children.props.children);
  return '';
}

// After the page's load event: a script (or a frame) still loading from a slow server would hold it up.
function afterLoad() {
  return new Promise((resolve) => {
    if (document.readyState === 'complete') resolve();
    else window.addEventListener('load', () => resolve(), { once: true });
  });
}

function embedScript(url) {
  return afterLoad().then(() => new Promise((resolve, reject) => {
    if (window.DockerTutorial && window.DockerTutorial.mount) {
      resolve(window.DockerTutorial);
      return;
    }
    document.addEventListener('docker-tutorial:loaded', () => resolve(window.DockerTutorial), { once: true });
    const src = `${url}/embed.js`;
    if (!Array.prototype.some.call(document.scripts, (s) => s.src === src)) {
      const script = document.createElement('script');
      script.src = src;
      script.async = true;
      script.onerror = reject;
      document.head.appendChild(script);
    }
  }));
}

export default function DockerfileExplainer({ code, children, title, theme, background, height, maxHeight }) {
  const data = usePluginData(PLUGIN);
  const text = (typeof code === 'string' ? code : textOf(children)).replace(/^\r?\n/, '').replace(/\r?\n$/, '');
  const slot = useRef(null);
  const [ready, setReady] = useState(false);

  useEffect(() => {
    let frame = null;
    let gone = false;
    setReady(false);
    embedScript(data.url).then((api) => api.mount(slot.current, {
      code: text,
      title,
      theme,
      background: background || data.background,
      height,
      'max-height': maxHeight,
      onReady: () => { if (!gone) setReady(true); },
    })).then((f) => {
      frame = f;
      if (gone) f.remove();
    }, () => { /* embed.js did not load: the code block stays */ });
    return () => {
      gone = true;
      if (frame) frame.remove();
    };
  }, [data.url, data.background, text, title, theme, background, height, maxHeight]);

  return React.createElement('div', { className: 'dockerfile-explainer-embed' },
    title && !ready ? React.createElement('div', { className: 'dockerfile-explainer-title' }, title) : null,
    React.createElement('pre', {
      className: 'dockerfile-explainer-source',
      style: ready ? { display: 'none' } : undefined,
      'aria-hidden': ready ? true : undefined,
    }, React.createElement('code', null, text)),
    React.createElement('div', { ref: slot }));
}
