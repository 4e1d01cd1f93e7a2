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


if __name__ == "__main__":
    unittest.main()
