"""The WSGI entry point that gunicorn loads: gunicorn babyshop.wsgi"""
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "babyshop.settings")

application = get_wsgi_application()
