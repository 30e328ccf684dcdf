"""Etikkmonitor: follow-up of ethical requirements (the Oslo model) in Oslo kommune's contracts."""
