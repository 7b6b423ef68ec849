import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "yorisoi.settings")
application = get_wsgi_application()

# What start-up loaded lives as long as the process: frozen out of the collector's generations,
# a full collection no longer walks it on every request that triggers one (on the case page,
# 20-60 ms of the p95). ``yorisoi bench`` does the same before it measures.
gc.collect()
gc.freeze()
