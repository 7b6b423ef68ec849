"""Sent when a consent is withdrawn, so sharing made under it can be stopped where pending."""

from django.dispatch import Signal

consent_withdrawn = Signal()  # consent, actor
