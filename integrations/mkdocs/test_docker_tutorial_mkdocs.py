"""Unit tests: python3 -m unittest discover -s integrations/mkdocs (needs Debian's python3-pymdownx)."""
import unittest

import markdown

import docker_tutorial_mkdocs

CONFIG = {
    "pymdownx.superfences": {
        "custom_fences": [{
            "name": "dockerfile",
            "class": "dockerfile-explain",
            "validator": docker_tutorial_mkdocs.validator,
            "format": docker_tutorial_mkdocs.formatter,
        }]
    }
}

DOCKERFILE = """# syntax=docker/dockerfile:1
FROM debian:bookworm-slim
ARG HOME_DIR=/srv
RUN <<EOF
echo "${HOME_DIR}" </pre> <script>alert(1)</script>
EOF
COPY *.txt ./
"""


def render(text):
    return markdown.markdown(text, extensions=["pymdownx.superfences"], extension_configs=CONFIG)


class FenceTest(unittest.TestCase):

    def test_explain_fence_keeps_the_text_exactly(self):
        html = render("Intro\n\n```dockerfile explain title=\"Build <stage>\"\n" + DOCKERFILE + "```\n\nAfter *this*.\n")
        self.assertIn('<pre class="dockerfile-explain" title="Build &lt;stage&gt;"><code>', html)
        self.assertIn("RUN &lt;&lt;EOF\necho \"${HOME_DIR}\" &lt;/pre&gt; &lt;script&gt;", html)
        self.assertIn("COPY *.txt ./", html)
        self.assertIn("# syntax=docker/dockerfile:1", html)
        self.assertNotIn("<script>", html)
        self.assertIn("<em>this</em>", html)

    def test_nested_in_a_list(self):
        html = render("- step\n\n    ```dockerfile explain\n    FROM alpine:3.22\n    ```\n")
        self.assertIn('<pre class="dockerfile-explain"><code>FROM alpine:3.22', html)

    def test_other_fences_are_highlighted_as_before(self):
        for fence in ("```dockerfile\nFROM alpine\n```\n", "```bash explain\nls\n```\n",
                      "```dockerfile explain onclick=\"x\"\nFROM alpine\n```\n"):
            self.assertNotIn("dockerfile-explain", render(fence), fence)

    def test_theme_and_background_options(self):
        html = render("```dockerfile explain theme=\"dark\" background=\"transparent\"\nFROM alpine\n```\n")
        self.assertIn('data-theme="dark" data-background="transparent"', html)


class PluginTest(unittest.TestCase):
    """The MkDocs plugin (plugins: [dockerfile-explainer: {url: …}]), driven the way MkDocs drives it."""

    def plugin(self, **options):
        from mkdocs.config.base import load_config  # noqa: F401  (MkDocs is there: Debian's mkdocs)
        plugin = docker_tutorial_mkdocs.DockerfileExplainerPlugin()
        errors, warnings = plugin.load_config(options)
        self.assertEqual(errors, [])
        return plugin

    def test_registers_the_fence_once_and_keeps_other_fences(self):
        plugin = self.plugin(url="https://tutorial.example.org/")
        mermaid = {"name": "mermaid", "class": "mermaid", "format": str}
        config = {"markdown_extensions": ["toc", "pymdownx.superfences"],
                  "mdx_configs": {"pymdownx.superfences": {"custom_fences": [mermaid]}}}
        plugin.on_config(config)
        plugin.on_config(config)
        fences = config["mdx_configs"]["pymdownx.superfences"]["custom_fences"]
        self.assertEqual([f["class"] for f in fences], ["mermaid", "dockerfile-explain"])
        self.assertEqual(plugin.url, "https://tutorial.example.org")
        empty = {"markdown_extensions": [], "mdx_configs": {}}
        self.plugin(url="http://localhost:8080").on_config(empty)
        self.assertEqual(empty["markdown_extensions"], ["pymdownx.superfences"])

    def test_refuses_a_missing_or_odd_url(self):
        from mkdocs.exceptions import PluginError
        for url in ("", "tutorial.example.org", "javascript:alert(1)", "https://a b"):
            with self.assertRaises(PluginError, msg=url):
                self.plugin(url=url).on_config({"markdown_extensions": [], "mdx_configs": {}})

    def test_the_loader_waits_for_load_and_cannot_break_out_of_its_script(self):
        plugin = self.plugin(url="https://x.example/</script><script>alert(1)//", background="solid")
        plugin.url = "https://x.example/</script><script>alert(1)//"  # as if it had passed the check
        page = plugin.on_post_page("<html><head><title>t</title></head><body></body></html>", None, {})
        self.assertEqual(page.count("</script>"), 1)
        self.assertIn("window.addEventListener('load', start)", page)
        self.assertIn('"background": "solid"', page)
        self.assertLess(page.index("<script>"), page.index("</head>"))


if __name__ == "__main__":
    unittest.main()
