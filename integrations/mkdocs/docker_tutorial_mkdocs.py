"""Docker Tutorial's line-by-line Dockerfile explainer in MkDocs (and any Python-Markdown site).

As a MkDocs plugin (pip install https://YOUR-HOST/integrations/docker_tutorial_mkdocs-VERSION-py3-none-any.whl;
the server's /embed page shows the exact line), one entry in mkdocs.yml does everything:

    plugins:
      - search
      - dockerfile-explainer:
          url: https://YOUR-HOST

It registers the fence below and adds a small inline loader to every page, which fetches embed.js from the
server only after the page's load event and only when the page (or a page reached by Material's instant
navigation) has an explainer, so a slow or unreachable server never holds up the docs.

Without the plugin, the module is a pymdownx.superfences custom fence: a fence opened with
```dockerfile explain becomes <pre class="dockerfile-explain">, which embed.js turns into an explainer.
Other dockerfile fences are highlighted as before.

    markdown_extensions:
      - pymdownx.superfences:
          custom_fences:
            - name: dockerfile
              class: dockerfile-explain
              validator: !!python/name:docker_tutorial_mkdocs.validator
              format: !!python/name:docker_tutorial_mkdocs.formatter
    extra_javascript:
      - https://tutorial.example.org/embed.js

The fence's text is not Markdown: heredocs (<<EOF), ${VAR}, # comments and *globs* arrive as written.
"""

import json
import os
import re
from html import escape

try:  # the plugin needs MkDocs; the fence works in any Python-Markdown site
    from mkdocs.config import config_options
    from mkdocs.exceptions import PluginError
    from mkdocs.plugins import BasePlugin
except ImportError:  # pragma: no cover
    BasePlugin = object
    config_options = None
    PluginError = ValueError

__all__ = ["validator", "formatter", "DockerfileExplainerPlugin"]

KEYWORD = "explain"
OPTIONS = ("title", "theme", "background", "height", "max-height")


def validator(language, inputs, options, attrs, md):
    """Claims a fence only when it says `explain`; any other dockerfile fence keeps the usual highlighting."""
    if inputs.get(KEYWORD) != KEYWORD:
        return False
    for key, value in inputs.items():
        if key == KEYWORD:
            continue
        if key not in OPTIONS:
            return False
        options[key] = value
    return True


def formatter(src, language, class_name, options, md, **kwargs):
    """The Dockerfile as readable code that embed.js replaces with an explainer once its frame has loaded."""
    extra = ""
    if options.get("title"):
        extra += ' title="%s"' % escape(options["title"], quote=True)
    if options.get("theme") in ("dark", "light"):
        extra += ' data-theme="%s"' % options["theme"]
    if options.get("background") in ("transparent", "solid"):
        extra += ' data-background="%s"' % options["background"]
    for size in ("height", "max-height"):
        if str(options.get(size, "")).isdigit():
            extra += ' data-%s="%s"' % (size, options[size])
    return '<pre class="%s"%s><code>%s</code></pre>' % (escape(class_name, quote=True), extra, escape(src, quote=False))


# After the page's load event, and only once a source is on the page, add embed.js from the server.
LOADER = """(function () {
  var url = %s, options = %s;
  var sources = 'pre.dockerfile-explain, dockerfile-explainer, script.dockerfile-explain, template.dockerfile-explain';
  function load() {
    if (window.DockerTutorial || document.querySelector('script[data-docker-tutorial]')) return true;
    if (!document.querySelector(sources)) return false;
    var s = document.createElement('script');
    s.src = url + '/embed.js'; s.async = true; s.setAttribute('data-docker-tutorial', '');
    Object.keys(options).forEach(function (k) { if (options[k]) s.setAttribute('data-' + k, options[k]); });
    document.head.appendChild(s);
    return true;
  }
  function start() {
    if (load()) return;
    var o = new MutationObserver(function () { if (load()) o.disconnect(); });
    o.observe(document.documentElement, { childList: true, subtree: true });
  }
  if (document.readyState === 'complete') start(); else window.addEventListener('load', start);
})();"""

URL = re.compile(r"^https?://[^/\s]+(/\S*)?$")


def _option(choices, default):
    return config_options.Choice(choices, default=default) if config_options else None


def _js(value):
    """A JSON literal that is safe inside a <script> element."""
    return json.dumps(value).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


class DockerfileExplainerPlugin(BasePlugin):
    """plugins: [dockerfile-explainer: {url: https://YOUR-HOST}]: the fence, and embed.js where it is needed."""

    config_scheme = () if config_options is None else (
        ("url", config_options.Type(str, default="")),
        ("background", _option(("transparent", "solid"), "transparent")),
        ("theme", _option(("auto", "dark", "light"), "auto")),
        ("max_height", config_options.Type(int, default=0)),
    )

    def on_config(self, config):
        url = (self.config.get("url") or os.environ.get("DOCKER_TUTORIAL_URL", "")).rstrip("/")
        if not URL.match(url):
            raise PluginError("dockerfile-explainer: set `url` to your Docker Tutorial server, "
                              "such as https://tutorial.example.org (got %r)" % url)
        self.url = url
        extensions = config["markdown_extensions"]
        if "pymdownx.superfences" not in extensions:
            extensions.append("pymdownx.superfences")
        settings = config["mdx_configs"].setdefault("pymdownx.superfences", {})
        fences = settings.setdefault("custom_fences", [])
        if not any(f.get("class") == "dockerfile-explain" for f in fences):
            fences.append({"name": "dockerfile", "class": "dockerfile-explain",
                           "validator": validator, "format": formatter})
        return config

    def on_post_page(self, output, page, config):
        options = {"background": self.config.get("background"),
                   "theme": None if self.config.get("theme") == "auto" else self.config.get("theme"),
                   "max-height": str(self.config.get("max_height") or "") or None}
        script = "<script>%s</script>" % (LOADER % (_js(self.url), _js(options)))
        head = output.find("</head>")
        return output if head < 0 else output[:head] + script + output[head:]
