"""Text tables per area of the product; see etikkmonitor/i18n.py."""
