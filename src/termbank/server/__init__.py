"""``termbank serve``: the termbase for a team over HTTP, beside the CLI.

:mod:`termbank.server.app` builds the ASGI app (Starlette), :mod:`termbank.server.api` holds
the JSON routes, :mod:`termbank.server.pages` the HTML pages, :mod:`termbank.server.review`
the changes a team makes (propose, approve, reject, deprecate, edit) as library functions.
"""
