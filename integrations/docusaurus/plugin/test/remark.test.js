'use strict';
const test = require('node:test');
const assert = require('node:assert');
const remark = require('../remark.js');

function codeTree(lang, meta, value) {
  return { type: 'root', children: [{ type: 'paragraph', children: [] }, { type: 'code', lang, meta, value }] };
}

test('a dockerfile explain fence becomes the component with the exact text', () => {
  const dockerfile = 'FROM alpine:3.22\n# a comment, not a heading\nARG VERSION\nRUN <<EOF\necho ${VERSION} {braces} </pre>\nEOF\nCOPY *.txt ./';
  const tree = codeTree('dockerfile', 'explain title="Build"', dockerfile);
  remark()(tree);
  assert.strictEqual(tree.children[0].type, 'mdxjsEsm');
  assert.match(tree.children[0].value, /from '@theme\/DockerfileExplainer'/);
  const element = tree.children[2];
  assert.strictEqual(element.type, 'mdxJsxFlowElement');
  const attrs = Object.fromEntries(element.attributes.map((a) => [a.name, a.value]));
  assert.strictEqual(attrs.code, dockerfile);
  assert.strictEqual(attrs.title, 'Build');
});

test('other fences are left alone', () => {
  for (const [lang, meta] of [['dockerfile', null], ['dockerfile', 'title="explain"'], ['bash', 'explain'], [null, 'explain']]) {
    const tree = codeTree(lang, meta, 'FROM alpine');
    remark()(tree);
    assert.strictEqual(tree.children.length, 2, `${lang} ${meta}`);
    assert.strictEqual(tree.children[1].type, 'code');
  }
});

test('fences nested in lists and admonitions are found too', () => {
  const tree = { type: 'root', children: [{ type: 'list', children: [{ type: 'listItem', children: [
    { type: 'code', lang: 'Dockerfile', meta: 'explain', value: 'FROM scratch' }] }] }] };
  remark()(tree);
  assert.strictEqual(tree.children[1].children[0].children[0].type, 'mdxJsxFlowElement');
});

test('the plugin refuses a missing or non-http url', () => {
  const plugin = require('../index.js');
  const saved = process.env.DOCKER_TUTORIAL_URL;
  delete process.env.DOCKER_TUTORIAL_URL;
  try {
    assert.throws(() => plugin({}, {}), /set the "url" option/);
    assert.throws(() => plugin({}, { url: 'javascript:alert(1)' }), /set the "url" option/);
    assert.strictEqual(plugin.tutorialUrl({ url: 'https://t.example.org/' }), 'https://t.example.org');
  } finally {
    if (saved !== undefined) process.env.DOCKER_TUTORIAL_URL = saved;
  }
});
