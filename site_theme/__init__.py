"""The presentation of Standar Pelayanan, installed as the package ``standar_tema``.

Data only, found with ``importlib.resources`` (``generator.tema``):

- ``pages/``  Jinja templates of the site's pages (``generator.site``),
- ``mkdocs/`` the override of MkDocs Material (``main.html``, partials, ``404.html``,
  ``assets/stylesheets/standar.css``), added to the theme by the ``standar`` plugin,
- ``print/``  templates and CSS of the posters and the handbook (``generator.printing``),
- ``assets/fonts/`` the self-hosted Noto Sans (WOFF2 for the site, TTF for the PDFs).
"""
