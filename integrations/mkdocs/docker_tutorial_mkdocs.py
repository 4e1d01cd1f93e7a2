"""Docker Tutorial's line-by-line Dockerfile explainer in MkDocs (and any Python-Markdown site).

A pymdownx.superfences custom fence: a fence opened with ```dockerfile explain becomes
<pre class="dockerfile-explain">, which embed.js (loaded with extra_javascript) turns into an explainer,
also after Material's instant navigation. Other dockerfile fences are highlighted as before.

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

from html import escape

__all__ = ["validator", "formatter"]

KEYWORD = "explain"
OPTIONS = ("title", "theme", "background")


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
    if options.get("background") == "transparent":
        extra += ' data-background="transparent"'
    return '<pre class="%s"%s><code>%s</code></pre>' % (escape(class_name, quote=True), extra, escape(src, quote=False))
