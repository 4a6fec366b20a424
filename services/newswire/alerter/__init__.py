"""Alerter: rules from a YAML file turn story updates into alerts an editor can act on."""
