// Remark plugin: a fenced block whose info string is "dockerfile explain" becomes
// <DockerfileExplainer code="…"/> at build time. The Dockerfile is a plain string attribute, so heredocs
// (<<EOF), ${VAR} and # comments reach the explainer exactly as written; MDX never parses them.
//   import explainFences from 'docusaurus-plugin-dockerfile-explainer/remark';
//   presets: [['classic', {docs: {beforeDefaultRemarkPlugins: [explainFences]}}]] (and blog/pages likewise)
// Options: {lang: ['dockerfile', 'containerfile']} (case-insensitive), {keyword: 'explain'}.
'use strict';

const COMPONENT = '__DockerTutorialDockerfileExplainer';
const SOURCE = '@theme/DockerfileExplainer';

function importNode() {
  return {
    type: 'mdxjsEsm',
    value: `import ${COMPONENT} from '${SOURCE}';`,
    data: {
      estree: {
        type: 'Program',
        sourceType: 'module',
        body: [{
          type: 'ImportDeclaration',
          specifiers: [{ type: 'ImportDefaultSpecifier', local: { type: 'Identifier', name: COMPONENT } }],
          source: { type: 'Literal', value: SOURCE, raw: `'${SOURCE}'` },
        }],
      },
    },
  };
}

/** key="value" or key=value pairs of a fence's meta string, e.g. explain title="Build stage". */
function metaOptions(meta) {
  const options = {};
  const pattern = /([A-Za-z][\w-]*)(?:=(?:"([^"]*)"|'([^']*)'|(\S+)))?/g;
  let m;
  while ((m = pattern.exec(meta || '')) !== null) {
    options[m[1]] = m[2] !== undefined ? m[2] : m[3] !== undefined ? m[3] : m[4] !== undefined ? m[4] : true;
  }
  return options;
}

function attribute(name, value) {
  return { type: 'mdxJsxAttribute', name, value: String(value) };
}

module.exports = function remarkDockerfileExplainer(options = {}) {
  const langs = (options.lang || ['dockerfile', 'containerfile']).map((l) => l.toLowerCase());
  const keyword = options.keyword || 'explain';
  return function transform(tree) {
    let found = false;
    (function walk(node) {
      if (!node.children) return;
      node.children.forEach((child, index) => {
        const meta = metaOptions(child.meta);
        if (child.type === 'code' && child.lang && langs.includes(child.lang.toLowerCase()) && meta[keyword] === true) {
          const attributes = [attribute('code', child.value)];
          for (const name of ['title', 'theme', 'background', 'height', 'max-height']) {
            if (typeof meta[name] === 'string') attributes.push(attribute(name === 'max-height' ? 'maxHeight' : name, meta[name]));
          }
          node.children[index] = {
            type: 'mdxJsxFlowElement', name: COMPONENT, attributes, children: [], position: child.position,
          };
          found = true;
        } else {
          walk(child);
        }
      });
    })(tree);
    if (found) tree.children.unshift(importNode());
  };
};
module.exports.metaOptions = metaOptions;
