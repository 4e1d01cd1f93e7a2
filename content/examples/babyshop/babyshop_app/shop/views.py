from django.http import HttpResponse
from django.shortcuts import render

from .models import Product


def index(request):
    return render(request, "shop/index.html", {"products": Product.objects.all()})


def health(request):
    """For HEALTHCHECK: answers as long as the app and its database respond."""
    Product.objects.exists()
    return HttpResponse("ok\n", content_type="text/plain")
