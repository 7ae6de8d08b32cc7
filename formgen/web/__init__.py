"""The staff web app (formgen serve): a face over the library, like the command line."""
from formgen.web.app import create_app

__all__ = ["create_app"]
