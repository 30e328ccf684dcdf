"""Running Etikkmonitor as several app replicas behind HAProxy (see deploy/README.md)."""
