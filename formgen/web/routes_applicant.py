"""Dashboard and applicant pages."""
from starlette.routing import Route

from formgen.web.state import render


def home(request):
    return render(request, "home.html")


ROUTES = [Route("/", home)]
